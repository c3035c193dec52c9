// The sky as glass and metal reflect it: a prefiltered specular environment (the split-sum
// approximation, Karis 2013). The sky-view table (render/atmosphere_luts.h) is resampled into an
// equirectangular map around the viewer, then convolved with the GGX lobe of four roughnesses,
// taking the normal and the view along the reflected ray. A glossy surface reads the level of its
// roughness along its mirror direction and scales it by the environment BRDF's share
// (envBrdfApprox). Each texel's alpha is the share of the ground below the horizon in it, so the
// shader adds the ground's light there in its own units (the table is the sky alone).
//
// This is the CPU reference, term for term; shaders/sky_specular_resample.comp and
// shaders/sky_specular_prefilter.comp compute the same on the GPU (render/sky_specular_pass.h),
// shaders/sky_specular.glsl reads the map.
//
// Layout: kSkySpecularLevels levels of kSkySpecularWidth x kSkySpecularHeight stacked in rows
// (level k at rows k * height ..); u from the azimuth atan2(z, x), v from the zenith angle.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace ct::render {

inline constexpr std::uint32_t kSkySpecularWidth = 64;
inline constexpr std::uint32_t kSkySpecularHeight = 32;
inline constexpr std::uint32_t kSkySpecularLevels = 5;      // roughness 0, 1/4, 1/2, 3/4, 1
inline constexpr std::uint32_t kSkySpecularSubsamples = 4;  // per side of a level-0 texel
// Levels 2 and up (lobes tens of degrees wide) are convolved from level 0 averaged over blocks of
// this many texels a side (16 x 8 of them, each the solid-angle-weighted mean of its block, seen
// along the block's centre): a sixteenth of the samples for the same result within the tests'
// tolerance, where the full convolution cost a draft frame on lavapipe 70-90 ms whenever the sun
// moved. Level 1 (a lobe a few degrees wide) keeps the full map.
inline constexpr std::uint32_t kSkySpecularCoarseBlock = 4;
// Level 1 takes only the texels within this angle of a texel's direction: where its lobe (GGX,
// alpha 1/16) has fallen to a thousandth of its peak, about 1 % of its light lying beyond. The
// rest of the sphere was four fifths of the prefilter's samples, redone whenever the sun moved,
// which in the window at 60x is every frame.
inline constexpr double kSkySpecularLevel1Reach_rad = 0.666;  // 38.2 degrees: 2 atan(sqrt(sqrt(1000) - 1) / 16)

// The perceptual roughness of a level: k / (levels - 1).
float skySpecularRoughness(std::uint32_t level);
// The unit direction through the centre of texel (i, j) of a level (x east, y up, z south).
glm::vec3 skySpecularDirection(double i, double j);

// Level 0: the table's radiance over each texel (the mean of kSkySpecularSubsamples^2 points,
// bilinear in the table), alpha the share of those points below the horizon (rgb 0 there).
// `sunFlat` is the sun's azimuth (x, z), which the table leaves out.
std::vector<glm::vec4> resampleSkyView(const std::vector<glm::vec4>& table, double horizonZenith_rad,
                                       glm::vec2 sunFlat);

// All levels from level 0 (kSkySpecularWidth x kSkySpecularHeight texels): level 0 as given,
// level k the GGX-weighted mean around each texel's direction, D(n.h) (n.l) dOmega, over level 0
// within kSkySpecularLevel1Reach_rad (k = 1) or its coarse blocks (k >= 2, kSkySpecularCoarseBlock).
std::vector<glm::vec4> prefilterSkySpecular(const std::vector<glm::vec4>& level0);

// The environment BRDF's scale and bias on f0 for a roughness and n.v (Karis's fit for mobile,
// "Physically Based Shading on Mobile", 2014): reflected = env * (f0 * x + y).
glm::vec2 envBrdfApprox(float roughness, float nDotV);

}  // namespace ct::render
