// The frame's last pass: the exposed half-float image, darkened by the ambient occlusion where it
// is on (widened from half resolution with depth-aware weights), its bloom added, through the
// filmic tone curve (render/tone_curve.h) into the display image, an sRGB target.
//
//   ToneMapPass toneMap(context, shaderDir, displayFormat);
//   toneMap.setImages({exposed, &bloom.result(), &depth, &occlusion});   // when targets change
//   // inside a rendering pass on the display image, the inputs sampled in fragment:
//   toneMap.record(cmd, extent, settings);
#pragma once

#include "vk/resources.h"

#include <glm/glm.hpp>

#include <filesystem>

namespace ct::render {

struct ToneMapInputs {
    const vk::Image* exposed = nullptr;
    const vk::Image* bloom = nullptr;      // null: no bloom
    const vk::Image* depth = nullptr;      // single-sample; with occlusion
    const vk::Image* occlusion = nullptr;  // half resolution; null: no occlusion
};

struct ToneMapSettings {
    float bloomWeight = 0.0f;        // strength / levels of the bloom added (0: none)
    float occlusionStrength = 0.0f;  // 0..1 (0: none)
    glm::mat4 projection{1.0f};      // the camera's (perspective), for the depth's linearisation
};

class ToneMapPass {
public:
    ToneMapPass(vk::Context& context, const std::filesystem::path& shaderDir, VkFormat displayFormat);

    // Sets still used by frames in flight are retired with their pool, not rewritten. An input
    // left out is stood in for by the exposed image, and not read.
    void setImages(const ToneMapInputs& inputs);
    void record(VkCommandBuffer cmd, VkExtent2D extent, const ToneMapSettings& settings) const;

private:
    vk::Context& context_;
    vk::Unique<VkSampler> sampler_;       // nearest: whole texels
    vk::Unique<VkSampler> bloomSampler_;  // linear: the bloom is enlarged by one bilinear tap
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
    bool hasBloom_ = false;
    bool hasOcclusion_ = false;
};

}  // namespace ct::render
