// The ground lit by lamps, baked: the horizontal illuminance (lux) the lamps that light the
// ground give at each cell of a grid over where they stand. A lamp at height h over a point at
// horizontal distance r gives E = I cos(theta) / d^2 = I h / d^3 (d^2 = r^2 + h^2), cut off where
// it falls below kLampCutoff_lux. Baked on the CPU when the lamps shown change (a phase appears),
// sampled bilinearly by the scene's shading (shaders/lamp_light.glsl) every frame: one fetch per
// pixel, whatever the number of lamps.
#pragma once

#include "render/lamps.h"

#include <glm/glm.hpp>

#include <span>
#include <vector>

namespace ct::render {

constexpr float kLampCutoff_lux = 0.5f;

struct LampLightMap {
    glm::vec2 origin{0.0f};  // world x, z of cell (0, 0)'s centre
    float cell_m = 4.0f;
    int nx = 0;
    int nz = 0;
    std::vector<float> lux;  // nx * nz, row by row along x

    bool empty() const { return nx == 0 || nz == 0; }
    // Bilinear between cell centres, 0 outside the grid: what the shader reads.
    float sample(float x, float z) const;
};

// The grid covering every lamp in `lamps` that lights the ground and whose `shown` entry is
// non-zero (one per lamp), out to where its light falls below the cutoff; ground at y = 0.
// Empty when none does.
LampLightMap bakeLampLight(std::span<const Lamp> lamps, std::span<const char> shown, float cell_m = 4.0f);

// The illuminance one lamp gives on level ground at horizontal distance `r_m` (lux).
float lampIlluminance(const Lamp& lamp, float r_m);

}  // namespace ct::render
