#include "render/bloom_pass.h"

#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

#include <string>

namespace ct::render {

namespace {

struct DownConstants {
    glm::vec4 params;  // prefilter (1/0), threshold, knee, unused
};

void dispatchOver(VkCommandBuffer cmd, VkExtent2D extent) {
    vkCmdDispatch(cmd, (extent.width + 7) / 8, (extent.height + 7) / 8, 1);
}

}  // namespace

BloomPass::BloomPass(vk::Context& context, const std::filesystem::path& shaderDir, const BloomSettings& settings)
    : context_(context), settings_(settings) {
    // Linear: the taps are bilinear (render/bloom.h); clamped to the edge as the reference is.
    sampler_ = vk::makeSampler(context_, {VK_FILTER_LINEAR}, "bloom sampler");
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    downSetLayout_ = vk::makeSetLayout(
        context_,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute}, {1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
        "bloom down set layout");
    downLayout_ = vk::makePipelineLayout(context_, {downSetLayout_.get()}, sizeof(DownConstants),
                                         "bloom down pipeline layout", compute);
    const vk::Unique<VkShaderModule> down = vk::loadShader(context_, shaderDir, "bloom_downsample.comp");
    downPipeline_ = vk::buildComputePipeline(context_, downLayout_.get(), down.get(), "bloom down");

    upSetLayout_ = vk::makeSetLayout(context_,
                                     {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute},
                                      {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute},
                                      {2, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
                                     "bloom up set layout");
    upLayout_ = vk::makePipelineLayout(context_, {upSetLayout_.get()}, 0, "bloom up pipeline layout", 0);
    const vk::Unique<VkShaderModule> up = vk::loadShader(context_, shaderDir, "bloom_upsample.comp");
    upPipeline_ = vk::buildComputePipeline(context_, upLayout_.get(), up.get(), "bloom up");
}

void BloomPass::setSource(const vk::Image& exposed) {
    const VkExtent2D extent = exposed.extent();
    levels_ = bloomLevels(extent.width, extent.height, settings_.levels);
    down_.clear();
    up_.clear();
    downStates_.assign(static_cast<std::size_t>(levels_), {});
    upStates_.assign(static_cast<std::size_t>(std::max(levels_ - 1, 0)), {});
    const VkImageUsageFlags usage = VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
    for (int level = 0; level < levels_; ++level) {
        const glm::uvec2 size = bloomLevelSize(extent.width, extent.height, level);
        const VkExtent2D levelExtent{size.x, size.y};
        down_.emplace_back(context_, vk::ImageDesc{levelExtent, kFormat, usage, 1, VK_IMAGE_ASPECT_COLOR_BIT,
                                                   "bloom down " + std::to_string(level)});
        if (level + 1 < levels_)
            up_.emplace_back(context_, vk::ImageDesc{levelExtent, kFormat, usage, 1, VK_IMAGE_ASPECT_COLOR_BIT,
                                                     "bloom up " + std::to_string(level)});
    }
    downSets_.clear();
    upSets_.clear();
    if (levels_ == 0) return;
    const VkDescriptorPoolSize downSizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1},
                                              {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    vk::DescriptorSets downSets = vk::allocateDescriptorSets(context_, downSetLayout_.get(), downSizes,
                                                             static_cast<std::uint32_t>(levels_), "bloom down");
    downPool_ = std::move(downSets.pool);
    downSets_ = std::move(downSets.sets);
    for (int level = 0; level < levels_; ++level) {
        const vk::Image& source = level == 0 ? exposed : down_[static_cast<std::size_t>(level - 1)];
        vk::DescriptorWriter()
            .image(0, source.view(), sampler_.get())
            .storageImage(1, down_[static_cast<std::size_t>(level)].view())
            .update(context_.device(), downSets_[static_cast<std::size_t>(level)]);
    }
    if (levels_ < 2) return;
    const VkDescriptorPoolSize upSizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 2},
                                            {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    vk::DescriptorSets upSets = vk::allocateDescriptorSets(context_, upSetLayout_.get(), upSizes,
                                                           static_cast<std::uint32_t>(levels_ - 1), "bloom up");
    upPool_ = std::move(upSets.pool);
    upSets_ = std::move(upSets.sets);
    for (int level = 0; level + 1 < levels_; ++level) {
        const std::size_t l = static_cast<std::size_t>(level);
        const vk::Image& coarse = level + 2 < levels_ ? up_[l + 1] : down_[l + 1];
        vk::DescriptorWriter()
            .image(0, down_[l].view(), sampler_.get())
            .image(1, coarse.view(), sampler_.get())
            .storageImage(2, up_[l].view())
            .update(context_.device(), upSets_[l]);
    }
}

void BloomPass::addPasses(FrameGraph& graph, const vk::Image& exposed, ImageState& exposedState) {
    for (int level = 0; level < levels_; ++level) {
        const std::size_t l = static_cast<std::size_t>(level);
        const vk::Image& source = level == 0 ? exposed : down_[l - 1];
        ImageState& sourceState = level == 0 ? exposedState : downStates_[l - 1];
        const DownConstants constants{{level == 0 ? 1.0f : 0.0f, settings_.threshold, settings_.knee, 0.0f}};
        graph.addPass("bloom down " + std::to_string(level),
                      {{&source, &sourceState, ImageAccess::SampledInCompute, false},
                       {&down_[l], &downStates_[l], ImageAccess::ComputeWrite, true}},
                      [this, l, constants](VkCommandBuffer cmd) {
                          vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, downPipeline_.get());
                          vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, downLayout_.get(), 0, 1,
                                                  &downSets_[l], 0, nullptr);
                          vkCmdPushConstants(cmd, downLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants,
                                             &constants);
                          dispatchOver(cmd, down_[l].extent());
                      });
    }
    for (int level = levels_ - 2; level >= 0; --level) {
        const std::size_t l = static_cast<std::size_t>(level);
        const bool coarsestBelow = level + 2 >= levels_;
        const vk::Image& coarse = coarsestBelow ? down_[l + 1] : up_[l + 1];
        ImageState& coarseState = coarsestBelow ? downStates_[l + 1] : upStates_[l + 1];
        graph.addPass("bloom up " + std::to_string(level),
                      {{&down_[l], &downStates_[l], ImageAccess::SampledInCompute, false},
                       {&coarse, &coarseState, ImageAccess::SampledInCompute, false},
                       {&up_[l], &upStates_[l], ImageAccess::ComputeWrite, true}},
                      [this, l](VkCommandBuffer cmd) {
                          vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, upPipeline_.get());
                          vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, upLayout_.get(), 0, 1,
                                                  &upSets_[l], 0, nullptr);
                          dispatchOver(cmd, up_[l].extent());
                      });
    }
}

}  // namespace ct::render
