#include "render/gpu_culling.h"

#include "render/gpu_types.h"
#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

#include <algorithm>
#include <cstring>

namespace ct::render {

namespace {

// Mirrors shaders/cull_instances.comp's Chunk.
struct GpuChunk {
    glm::vec4 lo;
    glm::vec4 hi;
    glm::uvec4 info;
};
static_assert(sizeof(GpuChunk) == 48);

// Mirrors shaders/indirect_draws.comp's Batch.
struct GpuBatch {
    std::uint32_t indexCount;
    std::uint32_t firstIndex;
    std::int32_t vertexOffset;
    std::uint32_t group;
    std::uint32_t run;
    std::uint32_t runFirst;
    std::uint32_t pad[2];
};
static_assert(sizeof(GpuBatch) == 32);

struct CullConstants {
    glm::vec4 planes[6];
    glm::vec4 params;
};
static_assert(sizeof(CullConstants) <= 128);

struct CommandConstants {
    std::uint32_t batchCount;
    std::uint32_t listOffset;
};

// Mirrors shaders/cull_occluded.comp's OcclusionView.
struct OcclusionView {
    glm::mat4 viewProj;
    glm::uvec4 pyramid;  // x: levels
    glm::uvec4 levels[DepthPyramidPass::kMaxLevels];
};

constexpr std::uint32_t kEveryInstance = 0xffffffffu;
constexpr std::uint32_t kWorkgroup = 64;
constexpr VkDeviceSize kCommandStride = sizeof(VkDrawIndexedIndirectCommand);
static_assert(kCommandStride == 20);

float bitsAsFloat(std::uint32_t bits) {
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

std::uint32_t floatBits(float f) {
    std::uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    return bits;
}

// Named "gpu culling <name>", and the frame slot's number where it has one.
vk::Buffer storage(vk::Context& context, VkDeviceSize bytes, vk::MemoryUsage memory, const char* name,
                   VkBufferUsageFlags extra = 0, int slot = -1) {
    std::string full = "gpu culling ";
    full += name;
    if (slot >= 0) {
        full += ' ';
        full += std::to_string(slot);
    }
    return vk::Buffer(context, {std::max<VkDeviceSize>((bytes + 3) / 4 * 4, 16),
                                VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | extra, memory, std::move(full)});
}

// Bytes copied as they are, the rest of the buffer zero: one byte a node or an instance, which
// the shader reads four to a word.
void writeBytes(vk::Buffer& buffer, const void* data, std::size_t bytes) {
    auto* out = static_cast<std::uint8_t*>(buffer.mapped());
    const std::size_t shown = std::min<std::size_t>(bytes, buffer.size());
    if (shown > 0) std::memcpy(out, data, shown);
    std::memset(out + shown, 0, buffer.size() - shown);
    buffer.write(out, 0);  // flushes where the memory is not coherent
}

bool sameState(const DrawBatch& a, const DrawBatch& b) {
    return a.surface == b.surface && a.textured == b.textured && a.material == b.material &&
           a.doubleSided == b.doubleSided && a.mirrored == b.mirrored && a.flags == b.flags;
}

}  // namespace

std::vector<IndirectRun> indirectRuns(std::span<const DrawBatch> batches) {
    std::vector<IndirectRun> runs;
    for (std::size_t b = 0; b < batches.size(); ++b) {
        if (runs.empty() || !sameState(batches[runs.back().firstBatch], batches[b]))
            runs.push_back({static_cast<std::uint32_t>(b), 0});
        ++runs.back().batchCount;
    }
    return runs;
}

GpuCulling::GpuCulling(vk::Context& context, const std::filesystem::path& shaderDir, const GpuScene& scene,
                       std::uint32_t slots, std::uint32_t extraEntries, bool occlusion)
    : context_(context),
      nodeCount_(std::max<std::size_t>(scene.nodeCount(), 1)),
      instanceCount_(static_cast<std::size_t>(scene.instanceBufferSize() / sizeof(GpuInstance))),
      phases_(occlusion ? 2u : 1u),
      extraEntries_(extraEntries) {
    std::vector<GpuChunk> chunks;
    for (std::size_t g = 0; g < scene.groups().size(); ++g) {
        const InstanceGroup& group = scene.groups()[g];
        bases_.push_back(capacity_);
        capacity_ += group.instanceCount;
        for (const InstanceChunk& chunk : group.chunks)
            chunks.push_back(
                {glm::vec4(chunk.bounds.min, bitsAsFloat(chunk.first)),
                 glm::vec4(chunk.bounds.max, bitsAsFloat(chunk.count)),
                 glm::uvec4(chunk.node, static_cast<std::uint32_t>(g),
                            group.levelCount == 1 ? kEveryInstance : group.level, floatBits(chunk.instanceSize))});
    }
    chunkCount_ = chunks.size();
    countSums_.assign(bases_.size(), 0);
    // Thin parts drawn wider than their bounds, and the layers lying flat on the ground (a road,
    // a car park: drawn in the scene's order, after what they tie with in depth, they would lose
    // to the terrain under them in the frame they come into view).
    neverOccluded_.assign(nodeCount_, 0);
    for (std::size_t n = 0; n < scene.nodeCount(); ++n)
        neverOccluded_[n] = scene.nodeWidenedOnScreen(n) || !scene.nodeCastsShadow(n) ? 1 : 0;
    chunks_ = storage(context_, chunks.size() * sizeof(GpuChunk), vk::MemoryUsage::Upload, "chunks");
    if (!chunks.empty()) chunks_.write(chunks.data(), chunks.size() * sizeof(GpuChunk));
    basesBuffer_ = storage(context_, bases_.size() * sizeof(std::uint32_t), vk::MemoryUsage::Upload, "group bases");
    if (!bases_.empty()) basesBuffer_.write(bases_.data(), bases_.size() * sizeof(std::uint32_t));
    const VkBufferUsageFlags transfers = VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    chunkSeen_ =
        storage(context_, chunkCount_ * sizeof(std::uint32_t), vk::MemoryUsage::DeviceLocal, "chunks seen", transfers);

    const std::span<const DrawBatch> opaque = scene.opaqueBatches();
    runs_ = indirectRuns(opaque);
    std::vector<GpuBatch> batches;
    for (std::size_t r = 0; r < runs_.size(); ++r)
        for (std::uint32_t b = runs_[r].firstBatch; b < runs_[r].firstBatch + runs_[r].batchCount; ++b)
            batches.push_back({opaque[b].indexCount,
                               opaque[b].firstIndex,
                               opaque[b].vertexOffset,
                               opaque[b].group,
                               static_cast<std::uint32_t>(r),
                               runs_[r].firstBatch,
                               {0, 0}});
    batchCount_ = static_cast<std::uint32_t>(batches.size());
    batches_ = storage(context_, batches.size() * sizeof(GpuBatch), vk::MemoryUsage::Upload, "batches");
    if (!batches.empty()) batches_.write(batches.data(), batches.size() * sizeof(GpuBatch));

    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    const VkDescriptorType type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    std::vector<vk::LayoutBinding> cullBindings, drawBindings;
    for (std::uint32_t b = 0; b < 8; ++b)
        cullBindings.push_back({b, type, compute});
    for (std::uint32_t b = 0; b < 5; ++b)
        drawBindings.push_back({b, type, compute});
    std::vector<vk::LayoutBinding> occludedBindings = cullBindings;
    occludedBindings.push_back({8, type, compute});
    occludedBindings.push_back({9, type, compute});
    cullSetLayout_ = vk::makeSetLayout(context_, cullBindings, "gpu culling set layout");
    occludedSetLayout_ = vk::makeSetLayout(context_, occludedBindings, "occlusion culling set layout");
    drawSetLayout_ = vk::makeSetLayout(context_, drawBindings, "indirect draws set layout");
    cullLayout_ = vk::makePipelineLayout(context_, {cullSetLayout_.get()}, sizeof(CullConstants),
                                         "gpu culling pipeline layout", compute);
    occludedLayout_ = vk::makePipelineLayout(context_, {occludedSetLayout_.get()}, sizeof(CullConstants),
                                             "occlusion culling pipeline layout", compute);
    drawLayout_ = vk::makePipelineLayout(context_, {drawSetLayout_.get()}, sizeof(CommandConstants),
                                         "indirect draws pipeline layout", compute);
    const auto pipeline = [&](const char* shaderName, VkPipelineLayout layout, const char* name) {
        const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, shaderName);
        return vk::buildComputePipeline(context_, layout, shader.get(), name);
    };
    cullPipeline_ = pipeline("cull_instances.comp", cullLayout_.get(), "gpu culling");
    drawPipeline_ = pipeline("indirect_draws.comp", drawLayout_.get(), "indirect draws");
    if (occlusion) occludedPipeline_ = pipeline("cull_occluded.comp", occludedLayout_.get(), "occlusion culling");

    slots = std::max(slots, 1u);
    const VkDescriptorPoolSize cullSizes[] = {{type, 8}};
    const VkDescriptorPoolSize occludedSizes[] = {{type, 10}};
    const VkDescriptorPoolSize drawSizes[] = {{type, 5}};
    vk::DescriptorSets cullSets =
        vk::allocateDescriptorSets(context_, cullSetLayout_.get(), cullSizes, slots, "gpu culling");
    vk::DescriptorSets drawSets =
        vk::allocateDescriptorSets(context_, drawSetLayout_.get(), drawSizes, slots * phases_, "indirect draws");
    cullPool_ = std::move(cullSets.pool);
    drawPool_ = std::move(drawSets.pool);
    std::vector<VkDescriptorSet> occludedSets;
    if (occlusion) {
        vk::DescriptorSets sets =
            vk::allocateDescriptorSets(context_, occludedSetLayout_.get(), occludedSizes, slots, "occlusion culling");
        occludedPool_ = std::move(sets.pool);
        occludedSets = sets.sets;
    }

    for (std::uint32_t i = 0; i < slots; ++i) {
        const int n = static_cast<int>(i);
        Slot slot;
        slot.nodeDrawn = storage(context_, nodeCount_, vk::MemoryUsage::Upload, "nodes drawn", 0, n);
        slot.levels = storage(context_, instanceCount_, vk::MemoryUsage::Upload, "instance levels", 0, n);
        slot.motions =
            storage(context_, nodeCount_ * 3 * sizeof(glm::vec4), vk::MemoryUsage::Upload, "node motions", 0, n);
        slot.occlusionView = storage(context_, sizeof(OcclusionView), vk::MemoryUsage::Upload, "occlusion view", 0, n);
        slot.visible =
            storage(context_, (static_cast<VkDeviceSize>(capacity_) * phases_ + extraEntries_) * sizeof(std::uint32_t),
                    vk::MemoryUsage::DeviceLocal, "visible instances", transfers, n);
        for (std::uint32_t p = 0; p < phases_; ++p) {
            Phase phase;
            phase.counts = storage(context_, bases_.size() * sizeof(std::uint32_t), vk::MemoryUsage::DeviceLocal,
                                   p == 0 ? "group counts" : "group counts, second phase", transfers, n);
            phase.runCounts = storage(context_, runs_.size() * sizeof(std::uint32_t), vk::MemoryUsage::DeviceLocal,
                                      p == 0 ? "run counts" : "run counts, second phase",
                                      transfers | VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT, n);
            phase.commands = storage(context_, batchCount_ * kCommandStride, vk::MemoryUsage::DeviceLocal,
                                     p == 0 ? "draw commands" : "draw commands, second phase",
                                     transfers | VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT, n);
            phase.drawSet = drawSets.sets[i * phases_ + p];
            vk::DescriptorWriter()
                .buffer(0, type, batches_.get())
                .buffer(1, type, basesBuffer_.get())
                .buffer(2, type, phase.counts.get())
                .buffer(3, type, phase.runCounts.get())
                .buffer(4, type, phase.commands.get())
                .update(context_.device(), phase.drawSet);
            slot.phases.push_back(std::move(phase));
        }
        slot.countsRead =
            vk::Buffer(context_, {slot.phases[0].counts.size() * phases_, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                  vk::MemoryUsage::Readback, "gpu culling counts read back " + std::to_string(i)});
        std::memset(slot.countsRead.mapped(), 0, slot.countsRead.size());
        slot.cullSet = cullSets.sets[i];
        const auto commonBindings = [&](vk::DescriptorWriter& writer, VkBuffer counts) -> vk::DescriptorWriter& {
            return writer.buffer(0, type, chunks_.get())
                .buffer(1, type, slot.nodeDrawn.get())
                .buffer(2, type, slot.levels.get())
                .buffer(3, type, slot.motions.get())
                .buffer(4, type, basesBuffer_.get())
                .buffer(5, type, counts)
                .buffer(6, type, slot.visible.get())
                .buffer(7, type, chunkSeen_.get());
        };
        vk::DescriptorWriter cullWriter;
        commonBindings(cullWriter, slot.phases[0].counts.get()).update(context_.device(), slot.cullSet);
        if (occlusion) {
            // The pyramid's binding is written at the first recordOcclusion (GpuCulling::recordOcclusion).
            slot.occludedSet = occludedSets[i];
            vk::DescriptorWriter occludedWriter;
            commonBindings(occludedWriter, slot.phases[1].counts.get())
                .buffer(8, type, slot.occlusionView.get())
                .update(context_.device(), slot.occludedSet);
        }
        slots_.push_back(std::move(slot));
    }
}

void GpuCulling::upload(Slot& slot, const CullingInputs& inputs) {
    // Bit 0: drawn; bit 1: never occlusion-culled (shaders/cull_common.glsl's node flags): as
    // the scene says, or moved out of its bounds this frame (lifted, spun).
    nodeFlags_.assign(nodeCount_, 0);
    for (std::size_t n = 0; n < std::min(inputs.nodeDrawn.size(), nodeCount_); ++n) {
        const NodeAnimation* animation = n < inputs.animations.size() ? &inputs.animations[n] : nullptr;
        const bool neverOccluded =
            neverOccluded_[n] || (animation && (animation->lift_m != 0.0f || animation->spin_rad != 0.0f ||
                                                animation->surfaceTurn_rad != 0.0f));
        nodeFlags_[n] = static_cast<std::uint8_t>((inputs.nodeDrawn[n] ? 1u : 0u) | (neverOccluded ? 2u : 0u));
    }
    writeBytes(slot.nodeDrawn, nodeFlags_.data(), nodeFlags_.size());
    // Past the levels given, an instance is at full detail (as collectVisibleInstances takes it).
    writeBytes(slot.levels, inputs.instanceLevels.data(), std::min(inputs.instanceLevels.size(), instanceCount_));
    motionStaging_.resize(nodeCount_ * 3);
    for (std::size_t n = 0; n < nodeCount_; ++n) {
        const glm::mat4 m =
            n < inputs.animations.size() ? glm::transpose(inputs.animations[n].motion) : glm::mat4(1.0f);
        for (int row = 0; row < 3; ++row)
            motionStaging_[3 * n + static_cast<std::size_t>(row)] = m[row];
    }
    slot.motions.write(motionStaging_.data(), motionStaging_.size() * sizeof(glm::vec4));
    for (std::size_t i = 0; i < 6; ++i)
        slot.planes[i] = inputs.frustum.planes[i];
    slot.minInstanceSize = inputs.minInstanceSize;
}

void GpuCulling::record(VkCommandBuffer cmd, std::uint32_t slotIndex, const CullingInputs& inputs,
                        std::span<const std::uint32_t> extra) {
    recordFirstPhase(cmd, slots_[slotIndex], inputs, extra, occlusion());
}

void GpuCulling::recordFirstPhase(VkCommandBuffer cmd, Slot& slot, const CullingInputs& inputs,
                                  std::span<const std::uint32_t> extra, bool onlySeen) {
    upload(slot, inputs);
    // The slot's last frame read these buffers (draws, vertex shaders, the copy back) and is over
    // (its fence), but a barrier still orders this frame's writes after those reads; the chunks
    // seen were written by the frame before, in the other slot.
    vk::memoryBarrier(
        cmd,
        VK_PIPELINE_STAGE_2_DRAW_INDIRECT_BIT | VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT |
            VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
        VK_PIPELINE_STAGE_2_CLEAR_BIT | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT,
        VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT);
    for (const Phase& phase : slot.phases) {
        vkCmdFillBuffer(cmd, phase.counts.get(), 0, VK_WHOLE_SIZE, 0);
        vkCmdFillBuffer(cmd, phase.runCounts.get(), 0, VK_WHOLE_SIZE, 0);
    }
    if (!chunkSeenCleared_) {
        // Nothing seen yet: the first frame's first phase draws all the frustum keeps.
        vkCmdFillBuffer(cmd, chunkSeen_.get(), 0, VK_WHOLE_SIZE, 1);
        chunkSeenCleared_ = true;
    }
    // vkCmdUpdateBuffer (a clear command, as the fills) takes at most 64 KiB at a time.
    const std::size_t shown = std::min<std::size_t>(extra.size(), extraEntries_);
    constexpr std::size_t kUpdateEntries = 65536 / sizeof(std::uint32_t);
    for (std::size_t first = 0; first < shown; first += kUpdateEntries) {
        const std::size_t entries = std::min(kUpdateEntries, shown - first);
        vkCmdUpdateBuffer(cmd, slot.visible.get(), (extraFirst() + first) * sizeof(std::uint32_t),
                          entries * sizeof(std::uint32_t), extra.data() + first);
    }
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                      VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);

    CullConstants constants{};
    std::copy(std::begin(slot.planes), std::end(slot.planes), constants.planes);
    // With occlusion, the first phase lists only what was seen when last culled.
    constants.params = glm::vec4(slot.minInstanceSize, bitsAsFloat(static_cast<std::uint32_t>(chunkCount_)),
                                 bitsAsFloat(0u), onlySeen ? 1.0f : 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, cullPipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, cullLayout_.get(), 0, 1, &slot.cullSet, 0, nullptr);
    vkCmdPushConstants(cmd, cullLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
    vkCmdDispatch(cmd, static_cast<std::uint32_t>((chunkCount_ + kWorkgroup - 1) / kWorkgroup), 1, 1);
    recordCommands(cmd, slot, 0);
}

void GpuCulling::recordOcclusion(VkCommandBuffer cmd, std::uint32_t slotIndex, const glm::mat4& viewProj,
                                 const DepthPyramidPass& pyramid) {
    if (!occlusion()) return;
    Slot& slot = slots_[slotIndex];
    if (slot.pyramidBound != pyramid.buffer()) {
        // The slot's last frame is over: its set may be written (a resized frame's new pyramid).
        vk::DescriptorWriter()
            .buffer(9, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, pyramid.buffer())
            .update(context_.device(), slot.occludedSet);
        slot.pyramidBound = pyramid.buffer();
    }
    OcclusionView view{viewProj, glm::uvec4(pyramid.levels(), 0, 0, 0), {}};
    std::copy(pyramid.levelLayout().begin(), pyramid.levelLayout().end(), view.levels);
    slot.occlusionView.write(&view, sizeof view);

    CullConstants constants{};
    std::copy(std::begin(slot.planes), std::end(slot.planes), constants.planes);
    constants.params = glm::vec4(slot.minInstanceSize, bitsAsFloat(static_cast<std::uint32_t>(chunkCount_)),
                                 bitsAsFloat(capacity_), 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, occludedPipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, occludedLayout_.get(), 0, 1, &slot.occludedSet, 0,
                            nullptr);
    vkCmdPushConstants(cmd, occludedLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
    vkCmdDispatch(cmd, static_cast<std::uint32_t>((chunkCount_ + kWorkgroup - 1) / kWorkgroup), 1, 1);
    recordCommands(cmd, slot, 1);
}

void GpuCulling::recordCommands(VkCommandBuffer cmd, Slot& slot, std::uint32_t phaseIndex) {
    Phase& phase = slot.phases[phaseIndex];
    // The commands read the counts the culling finished.
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                      VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
    const CommandConstants constants{batchCount_, phaseIndex * capacity_};
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, drawPipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, drawLayout_.get(), 0, 1, &phase.drawSet, 0, nullptr);
    vkCmdPushConstants(cmd, drawLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
    vkCmdDispatch(cmd, (batchCount_ + kWorkgroup - 1) / kWorkgroup, 1, 1);
    // The draws read the commands and counts, the vertex shaders the list (and the extra entries
    // written by record's update), and the copy the counts.
    vk::memoryBarrier(
        cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_2_CLEAR_BIT,
        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT,
        VK_PIPELINE_STAGE_2_DRAW_INDIRECT_BIT | VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT,
        VK_ACCESS_2_INDIRECT_COMMAND_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_TRANSFER_READ_BIT);
    const VkBufferCopy counts{0, phaseIndex * phase.counts.size(), phase.counts.size()};
    vkCmdCopyBuffer(cmd, phase.counts.get(), slot.countsRead.get(), 1, &counts);
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                      VK_ACCESS_2_HOST_READ_BIT);
}

void GpuCulling::drawRun(VkCommandBuffer cmd, std::uint32_t slot, std::size_t run, std::uint32_t phase) const {
    const IndirectRun& r = runs_[run];
    const Phase& p = slots_[slot].phases[phase];
    vkCmdDrawIndexedIndirectCount(cmd, p.commands.get(), r.firstBatch * kCommandStride, p.runCounts.get(),
                                  run * sizeof(std::uint32_t), r.batchCount,
                                  static_cast<std::uint32_t>(kCommandStride));
}

std::span<const std::uint32_t> GpuCulling::finishedCounts(std::uint32_t slot) {
    const vk::Buffer& read = slots_[slot].countsRead;
    read.invalidate(context_.device());
    const auto* counts = static_cast<const std::uint32_t*>(read.mapped());
    // The second phase's part is the phase's buffer's size on: groups rounded up to 16 bytes.
    const std::size_t stride = slots_[slot].phases[0].counts.size() / sizeof(std::uint32_t);
    for (std::size_t g = 0; g < countSums_.size(); ++g) {
        countSums_[g] = 0;
        for (std::uint32_t p = 0; p < phases_; ++p)
            countSums_[g] += counts[p * stride + g];
    }
    return countSums_;
}

std::vector<std::vector<std::uint32_t>> GpuCulling::run(const CullingInputs& inputs) {
    Slot& slot = slots_.front();
    vk::Buffer visible(context_, {slot.visible.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                  "gpu culling visible read back"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        recordFirstPhase(cmd, slot, inputs, {}, false);  // every chunk the frustum keeps
        const VkBufferCopy all{0, 0, visible.size()};
        vkCmdCopyBuffer(cmd, slot.visible.get(), visible.get(), 1, &all);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    slot.countsRead.invalidate(context_.device());
    const auto* counts = static_cast<const std::uint32_t*>(slot.countsRead.mapped());  // the first phase's
    visible.invalidate(context_.device());
    const auto* entries = static_cast<const std::uint32_t*>(visible.mapped());
    std::vector<std::vector<std::uint32_t>> lists(bases_.size());
    for (std::size_t g = 0; g < bases_.size(); ++g)
        lists[g].assign(entries + bases_[g], entries + bases_[g] + counts[g]);
    return lists;
}

std::vector<std::vector<VkDrawIndexedIndirectCommand>> GpuCulling::lastCommands(std::uint32_t phaseIndex) {
    const Phase& phase = slots_.front().phases[phaseIndex];
    vk::Buffer commands(context_, {phase.commands.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                   "indirect draws read back"});
    vk::Buffer runCounts(context_, {phase.runCounts.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                    "run counts read back"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        const VkBufferCopy commandBytes{0, 0, commands.size()};
        const VkBufferCopy countBytes{0, 0, runCounts.size()};
        vkCmdCopyBuffer(cmd, phase.commands.get(), commands.get(), 1, &commandBytes);
        vkCmdCopyBuffer(cmd, phase.runCounts.get(), runCounts.get(), 1, &countBytes);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    commands.invalidate(context_.device());
    runCounts.invalidate(context_.device());
    const auto* written = static_cast<const VkDrawIndexedIndirectCommand*>(commands.mapped());
    const auto* counts = static_cast<const std::uint32_t*>(runCounts.mapped());
    std::vector<std::vector<VkDrawIndexedIndirectCommand>> byRun(runs_.size());
    for (std::size_t r = 0; r < runs_.size(); ++r)
        byRun[r].assign(written + runs_[r].firstBatch, written + runs_[r].firstBatch + counts[r]);
    return byRun;
}

std::vector<std::uint32_t> GpuCulling::chunksSeen() {
    vk::Buffer read(context_, {chunkSeen_.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                               "chunks seen read back"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
        const VkBufferCopy all{0, 0, read.size()};
        vkCmdCopyBuffer(cmd, chunkSeen_.get(), read.get(), 1, &all);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    read.invalidate(context_.device());
    const auto* seen = static_cast<const std::uint32_t*>(read.mapped());
    return {seen, seen + chunkCount_};
}

}  // namespace ct::render
