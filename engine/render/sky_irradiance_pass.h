// The sky's irradiance on the GPU (render/sky_irradiance.h has the scheme and its CPU reference):
// a compute pass projecting the sky-view table on nine spherical-harmonic coefficients, into a
// 9x1 image, copied into a uniform buffer the scene's shaders read (uniformCoefficients()): on a
// CPU device nine texel fetches a pixel cost a draft frame about a tenth of its main pass, nine
// uniform loads nearly nothing.
//
//   SkyIrradiancePass pass(context, shaderDir, skyView);
//   // in a pass reading the sky view (sampled in compute) and writing pass.coefficients():
//   pass.record(cmd, sunFlat, horizonZenith_rad, coefficientsState);
#pragma once

#include "render/frame_graph.h"
#include "vk/resources.h"

#include <glm/glm.hpp>

#include <filesystem>

namespace ct::render {

class SkyIrradiancePass {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_R32G32B32A32_SFLOAT;

    SkyIrradiancePass(vk::Context& context, const std::filesystem::path& shaderDir, const vk::Image& skyView);

    // Projects, then copies the coefficients into the uniform buffer, with the barriers the copy
    // needs on both sides (the buffer is read by fragment shaders, also of the frame before);
    // `coefficientsState` is the image's, left as the copy leaves it.
    void record(VkCommandBuffer cmd, glm::vec2 sunFlat, float horizonZenith_rad, ImageState& coefficientsState) const;
    const vk::Image& coefficients() const { return coefficients_; }
    // Nine vec4 (rgb the coefficient), std140: what shaders/common.glsl binds as SkyIrradiance.
    const vk::Buffer& uniformCoefficients() const { return uniform_; }

private:
    vk::Context& context_;
    vk::Image coefficients_;
    vk::Buffer uniform_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
};

}  // namespace ct::render
