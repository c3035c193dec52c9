// The GPU form of render/edge_reconstruction.h: turns a frame shaded once per pixel (its centres'
// surface keys in the alpha) and its samples' keys into the anti-aliased frame, in one rendering of two full-screen
// draws: edge_classify.frag copies every pixel's shading and marks in a depth target of the
// pass's own the pixels with an edge; edge_reconstruction.frag, depth-tested against the mark,
// rebuilds only those. On a CPU device the early depth test skips whole blocks with no edge,
// where a compute pass paid the neighbourhood's fetches for every pixel.
//
//   EdgeReconstructionPass pass(context, shaderDir);
//   pass.setImages({&shaded, &sampleKeys, &out});  // when the targets are (re)created
//   // in a pass reading the first two (sampled in fragment shaders) and drawing into `out`:
//   pass.record(cmd);
#pragma once

#include "vk/resources.h"

#include <filesystem>

namespace ct::render {

struct EdgeReconstructionImages {
    const vk::Image* shaded = nullptr;      // single-sample kShadedFormat: the light, the centre's key
    const vk::Image* sampleKeys = nullptr;  // kKeyFormat, four samples a pixel
    const vk::Image* out = nullptr;         // single-sample kColorFormat colour attachment, all overwritten
};

class EdgeReconstructionPass {
public:
    // A surface key (shaders/surface_key.glsl) needs a float's 24 bits: the shaded light's alpha
    // is 32-bit for it.
    static constexpr VkFormat kShadedFormat = VK_FORMAT_R32G32B32A32_SFLOAT;
    static constexpr VkFormat kKeyFormat = VK_FORMAT_R32_SFLOAT;
    static constexpr VkFormat kColorFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
    EdgeReconstructionPass(vk::Context& context, const std::filesystem::path& shaderDir);

    // The descriptors point at these until the next call; sets still used by frames in flight
    // are retired with their pool, not rewritten.
    void setImages(const EdgeReconstructionImages& images);
    // Begins and ends its own rendering into `out` (in COLOR_ATTACHMENT_OPTIMAL).
    void record(VkCommandBuffer cmd);

private:
    vk::Context& context_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> classify_;
    vk::Unique<VkPipeline> reconstruct_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
    vk::Image edgeMask_;  // depth: 0 where a pixel has an edge, 1 elsewhere
    const vk::Image* out_ = nullptr;
    VkExtent2D extent_{};
};

}  // namespace ct::render
