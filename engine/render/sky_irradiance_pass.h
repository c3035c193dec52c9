// The sky's irradiance on the GPU (render/sky_irradiance.h has the scheme and its CPU reference):
// a compute pass projecting the sky-view table on nine spherical-harmonic coefficients, into a
// 9x1 image the scene's shaders read with texelFetch.
//
//   SkyIrradiancePass pass(context, shaderDir, skyView);
//   // in a pass reading the sky view (sampled in compute) and writing pass.coefficients():
//   pass.record(cmd, sunFlat, horizonZenith_rad);
#pragma once

#include "vk/resources.h"

#include <glm/glm.hpp>

#include <filesystem>

namespace ct::render {

class SkyIrradiancePass {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_R32G32B32A32_SFLOAT;

    SkyIrradiancePass(vk::Context& context, const std::filesystem::path& shaderDir, const vk::Image& skyView);

    void record(VkCommandBuffer cmd, glm::vec2 sunFlat, float horizonZenith_rad) const;
    const vk::Image& coefficients() const { return coefficients_; }

private:
    vk::Context& context_;
    vk::Image coefficients_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
};

}  // namespace ct::render
