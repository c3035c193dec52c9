// The atmosphere's precomputed tables on the GPU (Hillaire 2020): the transmittance table,
// computed once per atmosphere (shaders/atmosphere_transmittance.comp), and the sky-view table,
// recomputed for each frame's sun and viewer altitude (shaders/atmosphere_sky_view.comp). The
// multiple-scattering and aerial-perspective tables are to follow. The CPU reference is
// render/atmosphere_model.h.
//
//   AtmosphereLuts luts(context, shaderDir());   // computes the transmittance table
//   luts.recordSkyView(cmd, viewerRadius_km, sunZenith_rad);   // in a frame, before the sky is drawn
#pragma once

#include "render/atmosphere_model.h"
#include "vk/descriptor_pool.h"
#include "vk/resources.h"

#include <filesystem>
#include <vector>

namespace ct::render {

class AtmosphereLuts {
public:
    AtmosphereLuts(vk::Context& context, const std::filesystem::path& shaderDir,
                   const AtmosphereParameters& atmosphere = {});

    const AtmosphereParameters& atmosphere() const { return atmosphere_; }
    // RGB transmittance (alpha 1), kTransmittanceWidth x kTransmittanceHeight, RGBA32F; kept in
    // the GENERAL layout, read by compute shaders texel by texel.
    const vk::Image& transmittance() const { return transmittance_; }
    // The sky's radiance per unit sun illuminance, kSkyViewWidth x kSkyViewHeight, RGBA32F; its
    // layout is tracked by `skyViewState()` for the frame graph (written in GENERAL).
    const vk::Image& skyView() const { return skyView_; }
    // Light scattered twice and more (atmosphere_model.h), 32 x 32, RGBA32F, kept in GENERAL.
    const vk::Image& multipleScattering() const { return multipleScattering_; }

    // Records the sky-view computation for a viewer at radius r (km from the planet's centre)
    // and the sun at sunZenith (radians from straight up); the image must be in GENERAL.
    void recordSkyView(VkCommandBuffer cmd, double r_km, double sunZenith_rad) const;

    // The tables read back, row by row (tests; wait for the GPU). computeSkyView records and
    // waits for one sky-view computation on its own.
    std::vector<glm::vec4> readTransmittance();
    std::vector<glm::vec4> readMultipleScattering();
    void computeSkyView(double r_km, double sunZenith_rad);
    std::vector<glm::vec4> readSkyView();

private:
    std::vector<glm::vec4> read(const vk::Image& image, VkImageLayout layout);

    vk::Context& context_;
    AtmosphereParameters atmosphere_;
    vk::Image transmittance_;
    vk::Image skyView_;
    vk::Image multipleScattering_;
    vk::Unique<VkDescriptorSetLayout> skyViewSetLayout_;
    vk::Unique<VkPipelineLayout> skyViewLayout_;
    vk::Unique<VkPipeline> skyViewPipeline_;
    vk::DescriptorSets skyViewSets_;
};

}  // namespace ct::render
