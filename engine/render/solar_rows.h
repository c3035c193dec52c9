// CPU reference of the solar rows surface's figures over whole row pitches (shaders/
// solar_rows.glsl, scene::ProceduralSurface::SolarRows): how much of a far tracker field an eye
// sees as modules, and how much of the ground it sees between them lies in the modules' shade.
// Rays are given by their component across the rows (towards the quad's +x) and up.
#pragma once

#include <glm/glm.hpp>

namespace ct::render {

// Bands of `width` (0..1) centred on the middle of every unit period: how much of [0, x] they cover.
float bandIntegral(float x, float width);
// Its integral over [0, x], for box-filtering a band integral in turn.
float bandIntegralIntegral(float x, float width);

// How irregular a real field is, as a share of how far the eye's and the sun's rays run (in
// pitches) between the modules' height and the ground: the terrain under the rows, the posts and
// the trackers' tolerances move the ground a gap shows by about that much (assumed), so seen low
// the rows no longer agree on the phase of their shade, and the offsets spread.
inline constexpr float kRowIrregularity = 0.25f;

// The width (over the pitch) a module `share` of the pitch wide and tilted by `tilt` (radians, +
// facing -across) covers on a level plane, projected along `ray` (across, up); at 1 or more the
// rows close up.
float projectedShare(float share, float tilt, glm::vec2 ray);

struct SolarRowsShares {
    float modulesSeen = 0.0f;   // of the field seen from the eye
    float groundShaded = 0.0f;  // of the ground seen between the modules (1 with the sun down)
};

// `params`: scene::Material::proceduralParams (share, height over the pitch, tilt); `eye` towards
// the eye, `sun` towards the sun. `offsetSpread`: how far (in pitches) the shade's offset runs
// across the pixel, beyond the field's irregularity, averaged over.
SolarRowsShares solarRowsShares(const glm::vec4& params, glm::vec2 eye, glm::vec2 sun, float offsetSpread = 0.0f);

// The share of the gap [gapStart, gapStart + gap) lying in shade bands `shade` wide, averaged over
// offsets of gapStart within +-spread/2.
float gapShade(float gapStart, float gap, float shade, float spread);

}  // namespace ct::render
