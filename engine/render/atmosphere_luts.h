// The atmosphere's precomputed tables on the GPU (Hillaire 2020): for now the transmittance
// table, computed once per atmosphere by shaders/atmosphere_transmittance.comp; the multiple-
// scattering, sky-view and aerial-perspective tables follow it here. The CPU reference is
// render/atmosphere_model.h.
//
//   AtmosphereLuts luts(context, shaderDir());             // computes the table, does not wait
//   renderer binds luts.transmittance() (SHADER_READ_ONLY, sampled linearly)
#pragma once

#include "render/atmosphere_model.h"
#include "vk/resources.h"

#include <filesystem>
#include <vector>

namespace ct::render {

class AtmosphereLuts {
public:
    AtmosphereLuts(vk::Context& context, const std::filesystem::path& shaderDir,
                   const AtmosphereParameters& atmosphere = {});

    const AtmosphereParameters& atmosphere() const { return atmosphere_; }
    // RGB transmittance (alpha 1), kTransmittanceWidth x kTransmittanceHeight, RGBA32F; left in
    // SHADER_READ_ONLY_OPTIMAL for fragment and compute shaders.
    const vk::Image& transmittance() const { return transmittance_; }

    // The table read back, row by row (tests; waits for the GPU).
    std::vector<glm::vec4> readTransmittance();

private:
    vk::Context& context_;
    AtmosphereParameters atmosphere_;
    vk::Image transmittance_;
};

}  // namespace ct::render
