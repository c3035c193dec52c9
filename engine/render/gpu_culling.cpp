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
                       std::uint32_t slots, std::uint32_t extraEntries)
    : context_(context),
      nodeCount_(std::max<std::size_t>(scene.nodeCount(), 1)),
      instanceCount_(static_cast<std::size_t>(scene.instanceBufferSize() / sizeof(GpuInstance))),
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
    chunks_ = storage(context_, chunks.size() * sizeof(GpuChunk), vk::MemoryUsage::Upload, "chunks");
    if (!chunks.empty()) chunks_.write(chunks.data(), chunks.size() * sizeof(GpuChunk));
    basesBuffer_ = storage(context_, bases_.size() * sizeof(std::uint32_t), vk::MemoryUsage::Upload, "group bases");
    if (!bases_.empty()) basesBuffer_.write(bases_.data(), bases_.size() * sizeof(std::uint32_t));

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
    for (std::uint32_t b = 0; b < 7; ++b)
        cullBindings.push_back({b, type, compute});
    for (std::uint32_t b = 0; b < 5; ++b)
        drawBindings.push_back({b, type, compute});
    cullSetLayout_ = vk::makeSetLayout(context_, cullBindings, "gpu culling set layout");
    drawSetLayout_ = vk::makeSetLayout(context_, drawBindings, "indirect draws set layout");
    cullLayout_ = vk::makePipelineLayout(context_, {cullSetLayout_.get()}, sizeof(CullConstants),
                                         "gpu culling pipeline layout", compute);
    drawLayout_ = vk::makePipelineLayout(context_, {drawSetLayout_.get()}, sizeof(std::uint32_t),
                                         "indirect draws pipeline layout", compute);
    {
        const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, "cull_instances.comp");
        cullPipeline_ = vk::buildComputePipeline(context_, cullLayout_.get(), shader.get(), "gpu culling");
    }
    {
        const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, "indirect_draws.comp");
        drawPipeline_ = vk::buildComputePipeline(context_, drawLayout_.get(), shader.get(), "indirect draws");
    }
    slots = std::max(slots, 1u);
    const VkDescriptorPoolSize cullSizes[] = {{type, 7}};
    const VkDescriptorPoolSize drawSizes[] = {{type, 5}};
    vk::DescriptorSets cullSets =
        vk::allocateDescriptorSets(context_, cullSetLayout_.get(), cullSizes, slots, "gpu culling");
    vk::DescriptorSets drawSets =
        vk::allocateDescriptorSets(context_, drawSetLayout_.get(), drawSizes, slots, "indirect draws");
    cullPool_ = std::move(cullSets.pool);
    drawPool_ = std::move(drawSets.pool);

    const VkBufferUsageFlags transfers = VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    for (std::uint32_t i = 0; i < slots; ++i) {
        Slot slot;
        slot.nodeDrawn = storage(context_, nodeCount_, vk::MemoryUsage::Upload, "nodes drawn", 0, static_cast<int>(i));
        slot.levels =
            storage(context_, instanceCount_, vk::MemoryUsage::Upload, "instance levels", 0, static_cast<int>(i));
        slot.motions = storage(context_, nodeCount_ * 3 * sizeof(glm::vec4), vk::MemoryUsage::Upload, "node motions", 0,
                               static_cast<int>(i));
        slot.counts = storage(context_, bases_.size() * sizeof(std::uint32_t), vk::MemoryUsage::DeviceLocal,
                              "group counts", transfers, static_cast<int>(i));
        slot.runCounts = storage(context_, runs_.size() * sizeof(std::uint32_t), vk::MemoryUsage::DeviceLocal,
                                 "run counts", transfers | VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT, static_cast<int>(i));
        slot.commands = storage(context_, batchCount_ * kCommandStride, vk::MemoryUsage::DeviceLocal, "draw commands",
                                transfers | VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT, static_cast<int>(i));
        slot.visible = storage(context_, (static_cast<VkDeviceSize>(capacity_) + extraEntries_) * sizeof(std::uint32_t),
                               vk::MemoryUsage::DeviceLocal, "visible instances", transfers, static_cast<int>(i));
        slot.countsRead =
            vk::Buffer(context_, {slot.counts.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                  "gpu culling counts read back " + std::to_string(i)});
        std::memset(slot.countsRead.mapped(), 0, slot.countsRead.size());
        slot.cullSet = cullSets.sets[i];
        slot.drawSet = drawSets.sets[i];
        vk::DescriptorWriter()
            .buffer(0, type, chunks_.get())
            .buffer(1, type, slot.nodeDrawn.get())
            .buffer(2, type, slot.levels.get())
            .buffer(3, type, slot.motions.get())
            .buffer(4, type, basesBuffer_.get())
            .buffer(5, type, slot.counts.get())
            .buffer(6, type, slot.visible.get())
            .update(context_.device(), slot.cullSet);
        vk::DescriptorWriter()
            .buffer(0, type, batches_.get())
            .buffer(1, type, basesBuffer_.get())
            .buffer(2, type, slot.counts.get())
            .buffer(3, type, slot.runCounts.get())
            .buffer(4, type, slot.commands.get())
            .update(context_.device(), slot.drawSet);
        slots_.push_back(std::move(slot));
    }
}

void GpuCulling::upload(Slot& slot, const CullingInputs& inputs) {
    writeBytes(slot.nodeDrawn, inputs.nodeDrawn.data(), std::min(inputs.nodeDrawn.size(), nodeCount_));
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
}

void GpuCulling::record(VkCommandBuffer cmd, std::uint32_t slotIndex, const CullingInputs& inputs,
                        std::span<const std::uint32_t> extra) {
    Slot& slot = slots_[slotIndex];
    upload(slot, inputs);
    // The slot's last frame read these buffers (draws, vertex shaders, the copy back) and is over
    // (its fence), but a barrier still orders this frame's writes after those reads.
    vk::memoryBarrier(
        cmd,
        VK_PIPELINE_STAGE_2_DRAW_INDIRECT_BIT | VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT,
        VK_ACCESS_2_NONE,
        VK_PIPELINE_STAGE_2_CLEAR_BIT | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT,
        VK_ACCESS_2_NONE);
    vkCmdFillBuffer(cmd, slot.counts.get(), 0, VK_WHOLE_SIZE, 0);
    vkCmdFillBuffer(cmd, slot.runCounts.get(), 0, VK_WHOLE_SIZE, 0);
    // vkCmdUpdateBuffer (a clear command, as the fills) takes at most 64 KiB at a time.
    const std::size_t shown = std::min<std::size_t>(extra.size(), extraEntries_);
    constexpr std::size_t kUpdateEntries = 65536 / sizeof(std::uint32_t);
    for (std::size_t first = 0; first < shown; first += kUpdateEntries) {
        const std::size_t entries = std::min(kUpdateEntries, shown - first);
        vkCmdUpdateBuffer(cmd, slot.visible.get(), (capacity_ + first) * sizeof(std::uint32_t),
                          entries * sizeof(std::uint32_t), extra.data() + first);
    }
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                      VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);

    CullConstants constants{};
    for (std::size_t i = 0; i < 6; ++i)
        constants.planes[i] = inputs.frustum.planes[i];
    constants.params = glm::vec4(inputs.minInstanceSize, bitsAsFloat(static_cast<std::uint32_t>(chunkCount_)), 0, 0);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, cullPipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, cullLayout_.get(), 0, 1, &slot.cullSet, 0, nullptr);
    vkCmdPushConstants(cmd, cullLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
    vkCmdDispatch(cmd, static_cast<std::uint32_t>((chunkCount_ + kWorkgroup - 1) / kWorkgroup), 1, 1);
    // The commands read the counts the culling finished.
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                      VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, drawPipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, drawLayout_.get(), 0, 1, &slot.drawSet, 0, nullptr);
    vkCmdPushConstants(cmd, drawLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof batchCount_, &batchCount_);
    vkCmdDispatch(cmd, (batchCount_ + kWorkgroup - 1) / kWorkgroup, 1, 1);
    // The draws read the commands and counts, the vertex shaders the list (the extra entries
    // written by the update above), and the copy the counts.
    vk::memoryBarrier(
        cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_2_CLEAR_BIT,
        VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT | VK_ACCESS_2_TRANSFER_WRITE_BIT,
        VK_PIPELINE_STAGE_2_DRAW_INDIRECT_BIT | VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT,
        VK_ACCESS_2_INDIRECT_COMMAND_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_TRANSFER_READ_BIT);
    const VkBufferCopy counts{0, 0, slot.counts.size()};
    vkCmdCopyBuffer(cmd, slot.counts.get(), slot.countsRead.get(), 1, &counts);
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                      VK_ACCESS_2_HOST_READ_BIT);
}

void GpuCulling::drawRun(VkCommandBuffer cmd, std::uint32_t slot, std::size_t run) const {
    const IndirectRun& r = runs_[run];
    vkCmdDrawIndexedIndirectCount(cmd, slots_[slot].commands.get(), r.firstBatch * kCommandStride,
                                  slots_[slot].runCounts.get(), run * sizeof(std::uint32_t), r.batchCount,
                                  static_cast<std::uint32_t>(kCommandStride));
}

std::span<const std::uint32_t> GpuCulling::finishedCounts(std::uint32_t slot) const {
    const vk::Buffer& read = slots_[slot].countsRead;
    read.invalidate(context_.device());
    return {static_cast<const std::uint32_t*>(read.mapped()), bases_.size()};
}

std::vector<std::vector<std::uint32_t>> GpuCulling::run(const CullingInputs& inputs) {
    Slot& slot = slots_.front();
    vk::Buffer visible(context_, {slot.visible.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                  "gpu culling visible read back"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        record(cmd, 0, inputs);
        const VkBufferCopy all{0, 0, visible.size()};
        vkCmdCopyBuffer(cmd, slot.visible.get(), visible.get(), 1, &all);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    visible.invalidate(context_.device());
    const std::span<const std::uint32_t> counts = finishedCounts(0);
    const auto* entries = static_cast<const std::uint32_t*>(visible.mapped());
    std::vector<std::vector<std::uint32_t>> lists(bases_.size());
    for (std::size_t g = 0; g < bases_.size(); ++g)
        lists[g].assign(entries + bases_[g], entries + bases_[g] + counts[g]);
    return lists;
}

std::vector<std::vector<VkDrawIndexedIndirectCommand>> GpuCulling::lastCommands() {
    Slot& slot = slots_.front();
    vk::Buffer commands(context_, {slot.commands.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                   "indirect draws read back"});
    vk::Buffer runCounts(context_, {slot.runCounts.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                    "run counts read back"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        const VkBufferCopy commandBytes{0, 0, commands.size()};
        const VkBufferCopy countBytes{0, 0, runCounts.size()};
        vkCmdCopyBuffer(cmd, slot.commands.get(), commands.get(), 1, &commandBytes);
        vkCmdCopyBuffer(cmd, slot.runCounts.get(), runCounts.get(), 1, &countBytes);
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

}  // namespace ct::render
