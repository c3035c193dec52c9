// CPU reference of the solar rows surface's figures over whole row pitches (shaders/
// solar_rows.glsl, scene::ProceduralSurface::SolarRows): how much of a far tracker field an eye
// sees as modules, and how much of the ground it sees between them lies in the modules' shade.
// Rays are given by their component across the rows (towards the quad's +x) and up.
#pragma once

#include <glm/glm.hpp>

namespace ct::render {

// Bands of `width` (0..1) centred on the middle of every unit period: how much of [0, x] they cover.
float bandIntegral(float x, float width);

// The width (over the pitch) a module `share` of the pitch wide and tilted by `tilt` (radians, +
// facing -across) covers on a level plane, projected along `ray` (across, up); at 1 or more the
// rows close up.
float projectedShare(float share, float tilt, glm::vec2 ray);

struct SolarRowsShares {
    float modulesSeen = 0.0f;   // of the field seen from the eye
    float groundShaded = 0.0f;  // of the ground seen between the modules (1 with the sun down)
};

// `params`: scene::Material::proceduralParams (share, height over the pitch, tilt); `eye` towards
// the eye, `sun` towards the sun.
SolarRowsShares solarRowsShares(const glm::vec4& params, glm::vec2 eye, glm::vec2 sun);

}  // namespace ct::render
