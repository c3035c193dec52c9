#include "render/depth_pyramid_pass.h"

#include "vk/descriptor_pool.h"

#include <algorithm>
#include <stdexcept>

namespace ct::render {

namespace {

constexpr std::uint32_t kGroup = 8;

std::uint32_t groups(std::uint32_t extent) {
    return (extent + kGroup - 1) / kGroup;
}

// Mirrors the shaders' push constants: the level read (the depth's size for the first) and the
// level written.
struct PyramidConstants {
    glm::uvec4 below;  // first texel, width, height
    glm::uvec4 here;
};

}  // namespace

DepthPyramidPass::DepthPyramidPass(vk::Context& context, const std::filesystem::path& shaderDir, const vk::Image& depth)
    : context_(context), size_(depth.extent().width, depth.extent().height), depthSamples_(depth.samples()) {
    const std::uint32_t levels = depthPyramidLevels(size_);
    if (levels > kMaxLevels) throw std::invalid_argument("depth pyramid: the depth is larger than 32768 texels a side");
    std::uint32_t texels = 0;
    for (std::uint32_t level = 0; level < levels; ++level) {
        const glm::uvec2 size(std::max(1u, size_.x >> level), std::max(1u, size_.y >> level));
        layout_.emplace_back(texels, size.x, size.y, 0u);
        texels += size.x * size.y;
    }
    buffer_ = vk::Buffer(context_,
                         {texels * sizeof(float), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                          vk::MemoryUsage::DeviceLocal, "depth pyramid"});
    // The depth is fetched, never filtered.
    sampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE, false},
                               "depth pyramid depth sampler");
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    setLayout_ = vk::makeSetLayout(
        context_,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute}, {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, compute}},
        "depth pyramid set layout");
    pipelineLayout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, sizeof(PyramidConstants),
                                             "depth pyramid pipeline layout", compute);
    const auto pipeline = [&](const char* shaderName, const char* name) {
        const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, shaderName);
        return vk::buildComputePipeline(context_, pipelineLayout_.get(), shader.get(), name);
    };
    // A multisampled depth: each pixel's farthest sample.
    firstPipeline_ = depth.samples() == VK_SAMPLE_COUNT_1_BIT
                         ? pipeline("depth_pyramid_first.comp", "depth pyramid first level")
                         : pipeline("depth_pyramid_first_multisampled.comp", "depth pyramid first level, multisampled");
    reducePipeline_ = pipeline("depth_pyramid_reduce.comp", "depth pyramid reduce");
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1},
                                          {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1}};
    vk::DescriptorSets sets = vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "depth pyramid");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    // A sampler-read depth: the frame graph's SampledInCompute layout.
    vk::DescriptorWriter()
        .image(0, depth.view(), sampler_.get())
        .buffer(1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, buffer_.get())
        .update(context_.device(), set_);
}

void DepthPyramidPass::record(VkCommandBuffer cmd) {
    // After the last frame's culling read the levels; each level after the one below is written.
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_NONE,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_NONE);
    const auto written = [&] {
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                          VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
    };
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipelineLayout_.get(), 0, 1, &set_, 0, nullptr);
    PyramidConstants constants{glm::uvec4(0u, size_, static_cast<std::uint32_t>(depthSamples_)), layout_[0]};
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, firstPipeline_.get());
    vkCmdPushConstants(cmd, pipelineLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
    vkCmdDispatch(cmd, groups(size_.x), groups(size_.y), 1);
    written();
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, reducePipeline_.get());
    for (std::size_t level = 1; level < layout_.size(); ++level) {
        constants = {layout_[level - 1], layout_[level]};
        vkCmdPushConstants(cmd, pipelineLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
        vkCmdDispatch(cmd, groups(layout_[level].y), groups(layout_[level].z), 1);
        written();
    }
}

DepthPyramid DepthPyramidPass::read() const {
    vk::Buffer readback(context_, {buffer_.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                   "depth pyramid read back"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
        const VkBufferCopy all{0, 0, buffer_.size()};
        vkCmdCopyBuffer(cmd, buffer_.get(), readback.get(), 1, &all);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context_.device());
    const auto* texels = static_cast<const float*>(readback.mapped());
    DepthPyramid pyramid;
    for (const glm::uvec4& level : layout_) {
        pyramid.sizes.emplace_back(level.y, level.z);
        pyramid.levels.emplace_back(texels + level.x, texels + level.x + level.y * level.z);
    }
    return pyramid;
}

}  // namespace ct::render
