// The prefiltered sky on the GPU (render/sky_specular.h has the scheme and its CPU reference):
// two compute dispatches, the sky-view table resampled into level 0 and the four rougher levels
// convolved from it, into one RGBA32F image of kSkySpecularLevels levels stacked in rows that the
// scene's shaders sample with `sampler()` (repeating, bilinear).
//
//   SkySpecularPass pass(context, shaderDir, skyView);
//   // in a pass reading the sky view (sampled in compute) and writing pass.map() in GENERAL:
//   pass.record(cmd, sunFlat, horizonZenith_rad);
#pragma once

#include "vk/resources.h"

#include <glm/glm.hpp>

#include <filesystem>

namespace ct::render {

class SkySpecularPass {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_R32G32B32A32_SFLOAT;

    SkySpecularPass(vk::Context& context, const std::filesystem::path& shaderDir, const vk::Image& skyView);

    void record(VkCommandBuffer cmd, glm::vec2 sunFlat, float horizonZenith_rad) const;
    const vk::Image& map() const { return map_; }
    VkSampler sampler() const { return sampler_.get(); }

private:
    vk::Context& context_;
    vk::Image map_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkSampler> tableSampler_;
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> resample_;
    vk::Unique<VkPipeline> prefilter_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
};

}  // namespace ct::render
