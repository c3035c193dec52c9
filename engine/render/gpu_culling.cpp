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

struct CullConstants {
    glm::vec4 planes[6];
    glm::vec4 params;
};
static_assert(sizeof(CullConstants) <= 128);

constexpr std::uint32_t kEveryInstance = 0xffffffffu;
constexpr std::uint32_t kWorkgroup = 64;

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

vk::Buffer storage(vk::Context& context, VkDeviceSize bytes, vk::MemoryUsage memory, const char* name,
                   VkBufferUsageFlags extra = 0) {
    return vk::Buffer(context, {std::max<VkDeviceSize>(bytes, 16), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | extra, memory,
                                std::string("gpu culling ") + name});
}

}  // namespace

GpuCulling::GpuCulling(vk::Context& context, const std::filesystem::path& shaderDir, const GpuScene& scene)
    : context_(context),
      nodeCount_(std::max<std::size_t>(scene.nodeCount(), 1)),
      instanceCount_(static_cast<std::size_t>(scene.instanceBufferSize() / sizeof(GpuInstance))) {
    std::vector<GpuChunk> chunks;
    std::uint32_t base = 0;
    for (std::size_t g = 0; g < scene.groups().size(); ++g) {
        const InstanceGroup& group = scene.groups()[g];
        bases_.push_back(base);
        base += group.instanceCount;
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
    bases_buffer_ = storage(context_, bases_.size() * sizeof(std::uint32_t), vk::MemoryUsage::Upload, "group bases");
    if (!bases_.empty()) bases_buffer_.write(bases_.data(), bases_.size() * sizeof(std::uint32_t));
    nodeDrawn_ = storage(context_, nodeCount_ * sizeof(std::uint32_t), vk::MemoryUsage::Upload, "nodes drawn");
    levels_ = storage(context_, std::max<std::size_t>(instanceCount_, 1) * sizeof(std::uint32_t),
                      vk::MemoryUsage::Upload, "instance levels");
    motions_ = storage(context_, nodeCount_ * 3 * sizeof(glm::vec4), vk::MemoryUsage::Upload, "node motions");
    counts_ = storage(context_, std::max<std::size_t>(bases_.size(), 1) * sizeof(std::uint32_t),
                      vk::MemoryUsage::Readback, "group counts", VK_BUFFER_USAGE_TRANSFER_DST_BIT);
    visible_ = storage(context_, std::max<std::uint32_t>(base, 1) * sizeof(std::uint32_t), vk::MemoryUsage::Readback,
                       "visible instances");

    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    std::vector<vk::LayoutBinding> bindings;
    for (std::uint32_t b = 0; b < 7; ++b)
        bindings.push_back({b, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, compute});
    setLayout_ = vk::makeSetLayout(context_, bindings, "gpu culling set layout");
    layout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, sizeof(CullConstants), "gpu culling pipeline layout",
                                     compute);
    const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, "cull_instances.comp");
    pipeline_ = vk::buildComputePipeline(context_, layout_.get(), shader.get(), "gpu culling");
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 7}};
    vk::DescriptorSets sets = vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "gpu culling");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    const VkDescriptorType type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    vk::DescriptorWriter()
        .buffer(0, type, chunks_.get())
        .buffer(1, type, nodeDrawn_.get())
        .buffer(2, type, levels_.get())
        .buffer(3, type, motions_.get())
        .buffer(4, type, bases_buffer_.get())
        .buffer(5, type, counts_.get())
        .buffer(6, type, visible_.get())
        .update(context_.device(), set_);
}

void GpuCulling::record(VkCommandBuffer cmd, const CullingInputs& inputs) {
    drawnStaging_.assign(nodeCount_, 0u);
    for (std::size_t n = 0; n < std::min(inputs.nodeDrawn.size(), nodeCount_); ++n)
        drawnStaging_[n] = inputs.nodeDrawn[n] ? 1u : 0u;
    nodeDrawn_.write(drawnStaging_.data(), drawnStaging_.size() * sizeof(std::uint32_t));
    // Past the levels given, an instance is at full detail (as collectVisibleInstances takes it).
    levelStaging_.assign(std::max<std::size_t>(instanceCount_, 1), 0u);
    for (std::size_t i = 0; i < std::min(inputs.instanceLevels.size(), instanceCount_); ++i)
        levelStaging_[i] = inputs.instanceLevels[i];
    levels_.write(levelStaging_.data(), levelStaging_.size() * sizeof(std::uint32_t));
    motionStaging_.resize(nodeCount_ * 3);
    for (std::size_t n = 0; n < nodeCount_; ++n) {
        const glm::mat4 m =
            n < inputs.animations.size() ? glm::transpose(inputs.animations[n].motion) : glm::mat4(1.0f);
        for (int row = 0; row < 3; ++row)
            motionStaging_[3 * n + static_cast<std::size_t>(row)] = m[row];
    }
    motions_.write(motionStaging_.data(), motionStaging_.size() * sizeof(glm::vec4));

    vkCmdFillBuffer(cmd, counts_.get(), 0, VK_WHOLE_SIZE, 0);
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                      VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
    CullConstants constants{};
    for (std::size_t i = 0; i < 6; ++i)
        constants.planes[i] = inputs.frustum.planes[i];
    constants.params = glm::vec4(inputs.minInstanceSize, bitsAsFloat(static_cast<std::uint32_t>(chunkCount_)), 0, 0);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
    vkCmdDispatch(cmd, static_cast<std::uint32_t>((chunkCount_ + kWorkgroup - 1) / kWorkgroup), 1, 1);
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
}

std::vector<std::vector<std::uint32_t>> GpuCulling::run(const CullingInputs& inputs) {
    context_.runOnce([&](VkCommandBuffer cmd) { record(cmd, inputs); });
    counts_.invalidate(context_.device());
    visible_.invalidate(context_.device());
    const auto* counts = static_cast<const std::uint32_t*>(counts_.mapped());
    const auto* visible = static_cast<const std::uint32_t*>(visible_.mapped());
    std::vector<std::vector<std::uint32_t>> lists(bases_.size());
    for (std::size_t g = 0; g < bases_.size(); ++g)
        lists[g].assign(visible + bases_[g], visible + bases_[g] + counts[g]);
    return lists;
}

}  // namespace ct::render
