// The ambient-occlusion pass on the GPU (render/ambient_occlusion.h): a compute pass writing the
// half-resolution occlusion from the resolved depth. The tone map pass (render/tone_map_pass.h)
// widens it with depth-aware weights and darkens the frame by it.
//
//   AmbientOcclusionPass ao(context, shaderDir);
//   ao.setImages(depth, occlusion);                 // when the targets are (re)created
//   ao.recordCompute(cmd, settings);                // depth sampled, occlusion storage (GENERAL)
#pragma once

#include "render/ambient_occlusion.h"
#include "vk/resources.h"

#include <filesystem>

namespace ct::render {

class AmbientOcclusionPass {
public:
    static constexpr VkFormat kOcclusionFormat = VK_FORMAT_R32_SFLOAT;

    AmbientOcclusionPass(vk::Context& context, const std::filesystem::path& shaderDir);

    // Sets still used by frames in flight are retired with their pools, not rewritten.
    void setImages(const vk::Image& depth, const vk::Image& occlusion);
    void recordCompute(VkCommandBuffer cmd, const AmbientOcclusionSettings& settings) const;

private:
    vk::Context& context_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> computeSetLayout_;
    vk::Unique<VkPipelineLayout> computeLayout_;
    vk::Unique<VkPipeline> computePipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet computeSet_ = VK_NULL_HANDLE;
    VkExtent2D occlusionExtent_{};
};

}  // namespace ct::render
