// The ambient-occlusion passes on the GPU (render/ambient_occlusion.h): a compute pass writing the
// half-resolution occlusion from the resolved depth, and a full-screen pass that widens it with
// depth-aware weights and multiplies it into the single-sample colour image.
//
//   AmbientOcclusionPass ao(context, shaderDir, colorFormat);
//   ao.setImages(depth, occlusion);                 // when the targets are (re)created
//   ao.recordCompute(cmd, settings);                // depth sampled, occlusion storage (GENERAL)
//   // inside a rendering pass on the colour image, depth and occlusion sampled:
//   ao.recordApply(cmd, extent, strength, projection);
#pragma once

#include "render/ambient_occlusion.h"
#include "vk/resources.h"

#include <filesystem>

namespace ct::render {

class AmbientOcclusionPass {
public:
    static constexpr VkFormat kOcclusionFormat = VK_FORMAT_R32_SFLOAT;

    AmbientOcclusionPass(vk::Context& context, const std::filesystem::path& shaderDir, VkFormat colorFormat);

    // Sets still used by frames in flight are retired with their pools, not rewritten.
    void setImages(const vk::Image& depth, const vk::Image& occlusion);
    void recordCompute(VkCommandBuffer cmd, const AmbientOcclusionSettings& settings) const;
    // `projection`: the camera's (perspective), for the depth's linearisation.
    void recordApply(VkCommandBuffer cmd, VkExtent2D extent, float strength, const glm::mat4& projection) const;

private:
    vk::Context& context_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> computeSetLayout_;
    vk::Unique<VkPipelineLayout> computeLayout_;
    vk::Unique<VkPipeline> computePipeline_;
    vk::Unique<VkDescriptorSetLayout> applySetLayout_;
    vk::Unique<VkPipelineLayout> applyLayout_;
    vk::Unique<VkPipeline> applyPipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet computeSet_ = VK_NULL_HANDLE;
    VkDescriptorSet applySet_ = VK_NULL_HANDLE;
    VkExtent2D occlusionExtent_{};
};

}  // namespace ct::render
