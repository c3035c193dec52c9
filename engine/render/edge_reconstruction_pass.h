// The GPU form of render/edge_reconstruction.h: a compute pass that turns a frame shaded once per
// pixel, its centre ids and its multisampled ids into the anti-aliased frame.
//
//   EdgeReconstructionPass pass(context, shaderDir);
//   pass.setImages({&shaded, &centreIds, &sampleIds, &out});  // when the targets are (re)created
//   // in a pass reading the first three (sampled) and writing `out` (storage, GENERAL):
//   pass.record(cmd);
#pragma once

#include "vk/resources.h"

#include <filesystem>

namespace ct::render {

struct EdgeReconstructionImages {
    const vk::Image* shaded = nullptr;     // single-sample colour, RGBA16F
    const vk::Image* centreIds = nullptr;  // single-sample ids (Renderer::kIdFormat)
    const vk::Image* sampleIds = nullptr;  // four samples a pixel, the same format
    const vk::Image* out = nullptr;        // single-sample RGBA16F, storage
};

class EdgeReconstructionPass {
public:
    EdgeReconstructionPass(vk::Context& context, const std::filesystem::path& shaderDir);

    // The descriptors point at these until the next call; sets still used by frames in flight
    // are retired with their pool, not rewritten.
    void setImages(const EdgeReconstructionImages& images);
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
