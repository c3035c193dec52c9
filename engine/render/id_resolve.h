// The node-id image of a multisampled main pass, resolved into a single-sample image for picking
// and readback. Colour is resolved by the pass itself (averaged); ids cannot be averaged, and
// integer targets are not multisampled on every device (lavapipe), so the ids are drawn as exact
// floats (a node or instance index below 2^24) and a compute shader keeps each pixel's first
// sample whole.
//
//   IdResolve resolve(context, shaderDir);
//   resolve.setImages(multisampledIds, ids);        // when the targets are (re)created
//   // in a pass reading multisampledIds (sampled) and writing ids (storage, GENERAL):
//   resolve.record(cmd);
#pragma once

#include "vk/resources.h"

#include <filesystem>

namespace ct::render {

class IdResolve {
public:
    IdResolve(vk::Context& context, const std::filesystem::path& shaderDir);

    // The descriptors point at these until the next call; sets still used by frames in flight
    // are retired with their pool, not rewritten.
    void setImages(const vk::Image& multisampled, const vk::Image& resolved);
    void record(VkCommandBuffer cmd) const;

private:
    vk::Context& context_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
    VkExtent2D extent_{};
};

}  // namespace ct::render
