// The clear atmosphere the sky is computed from, after Hillaire, "A Scalable and Production Ready
// Sky and Atmosphere Rendering Technique" (EGSR 2020), with the precomputed-table layout of
// Bruneton, "Precomputed Atmospheric Scattering: a New Implementation" (2017): Rayleigh scattering
// by air, Mie scattering and absorption by aerosols (each falling off exponentially with
// height) and absorption by ozone (a tent-shaped layer around 25 km). Lengths in km, coefficients
// per km, for the red, green and blue of the renderer.
//
// This file is the CPU reference of what shaders/atmosphere_*.comp compute: the same functions in
// double precision, compared with the GPU tables by tests/render/test_atmosphere.cpp.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace ct::render {

struct AtmosphereParameters {
    float bottomRadius_km = 6360.0f;  // the ground (Hillaire's Earth)
    float topRadius_km = 6460.0f;     // where the air is taken to end
    glm::vec3 rayleighScattering{0.005802f, 0.013558f, 0.033100f};
    float rayleighScaleHeight_km = 8.0f;
    float mieScattering = 0.003996f;
    float mieExtinction = 0.004440f;  // scattering plus absorption
    float mieScaleHeight_km = 1.2f;
    glm::vec3 ozoneAbsorption{0.000650f, 0.001881f, 0.000085f};
    float ozoneCentre_km = 25.0f;     // altitude of the tent's peak
    float ozoneHalfWidth_km = 15.0f;  // the density falls to zero this far above and below
};

// The transmittance table: from a point at radius r looking along a direction whose cosine with
// the zenith is mu, to the top of the atmosphere (rays that meet the ground are not in it).
inline constexpr std::uint32_t kTransmittanceWidth = 256;  // mu
inline constexpr std::uint32_t kTransmittanceHeight = 64;  // r
inline constexpr int kTransmittanceSteps = 64;             // integration steps along each ray

struct RadiusAndCosine {
    double r_km = 0.0;
    double mu = 1.0;
};

// Bruneton's mapping of the table's unit square to (r, mu): x_r spreads the radius by the
// distance to the horizon, x_mu the direction by the distance to the top, so that the table is
// fine where the transmittance changes fast (near the horizon, near the ground).
RadiusAndCosine transmittanceLutRadiusAndCosine(const AtmosphereParameters& atmosphere, double xMu, double xR);

// Distance from radius r along mu to the top of the atmosphere.
double distanceToTop(const AtmosphereParameters& atmosphere, double r_km, double mu);

// Extinction per km at an altitude above the ground (Rayleigh, Mie and ozone together).
glm::dvec3 extinctionAt(const AtmosphereParameters& atmosphere, double altitude_km);

// exp(-optical depth) from (r, mu) to the top, by the midpoint rule with `steps` steps.
glm::dvec3 transmittanceToTop(const AtmosphereParameters& atmosphere, double r_km, double mu,
                              int steps = kTransmittanceSteps);

// The whole table, row by row (r), texel centres as the GPU computes them.
std::vector<glm::vec4> transmittanceLutReference(const AtmosphereParameters& atmosphere);

}  // namespace ct::render

namespace ct::render {

// The multiple-scattering table (Hillaire 2020, section 5.5): light scattered twice and more, as
// an isotropic source per unit scattering coefficient, by altitude (y, ground to top) and the
// sun's zenith cosine (x, -1 to 1). Each texel integrates second-order scattering over 64
// directions, with the ground (albedo 0.3) reflecting too, and sums the infinite series of
// higher orders as L2 / (1 - f_ms).
inline constexpr std::uint32_t kMultipleScatteringSize = 32;
inline constexpr int kMultipleScatteringDirections = 64;
inline constexpr int kMultipleScatteringSteps = 20;
inline constexpr float kGroundAlbedo = 0.3f;

// (r, sun zenith cosine) of the table's (x, y) in the unit square.
RadiusAndCosine multipleScatteringRadiusAndCosine(const AtmosphereParameters& atmosphere, double x, double y);
glm::dvec3 multipleScattering(const AtmosphereParameters& atmosphere, const std::vector<glm::vec4>& transmittance,
                              double r_km, double sunMu);
std::vector<glm::vec4> multipleScatteringLutReference(const AtmosphereParameters& atmosphere,
                                                      const std::vector<glm::vec4>& transmittance);
// The table at (r, sun mu) with bilinear weights, as the GPU reads it.
glm::dvec3 sampleMultipleScattering(const AtmosphereParameters& atmosphere, const std::vector<glm::vec4>& table,
                                    double r_km, double sunMu);

// The sky-view table: the sky's radiance around a viewer, per unit of sun illuminance, for the
// sun at one elevation and the viewer at one altitude (recomputed when either moves).
// x: azimuth from the sun's, phi = pi * x^2 (finer towards the sun, where aerosols shine);
// y: zenith angle, 0 at the top row, the geometric horizon at the middle, straight down at the
// bottom, spaced quadratically away from the horizon (finer where the sky changes fastest).
inline constexpr std::uint32_t kSkyViewWidth = 192;
inline constexpr std::uint32_t kSkyViewHeight = 108;
inline constexpr int kSkyViewSteps = 30;
inline constexpr float kMieAsymmetry = 0.8f;  // Cornette-Shanks g of the aerosols

struct SkyViewDirection {
    double zenith_rad = 0.0;          // angle from straight up
    double azimuthFromSun_rad = 0.0;  // 0 towards the sun, pi away from it
};

// The zenith angle of the geometric horizon seen from radius r (pi/2 at the ground).
double horizonZenith(const AtmosphereParameters& atmosphere, double r_km);
SkyViewDirection skyViewDirection(const AtmosphereParameters& atmosphere, double r_km, double x, double y);

// The transmittance table (as transmittanceLutReference lays it out) read at (r, mu) with
// bilinear weights, as the GPU reads it; 0 where the ray meets the ground.
glm::dvec3 sampleTransmittance(const AtmosphereParameters& atmosphere, const std::vector<glm::vec4>& table, double r_km,
                               double mu);

// Sunlight scattered towards a viewer at radius r along a direction, the sun at sunZenith: single
// scattering (Rayleigh and Mie phases) plus, where `multiple` is given, the higher orders from
// the multiple-scattering table; integrated to the ground or the top in `steps` segments, per
// unit sun illuminance.
glm::dvec3 skyRadiance(const AtmosphereParameters& atmosphere, const std::vector<glm::vec4>& transmittance, double r_km,
                       const SkyViewDirection& view, double sunZenith_rad, int steps = kSkyViewSteps,
                       const std::vector<glm::vec4>* multiple = nullptr);

// The whole sky-view table for a viewer at radius r and the sun at sunZenith, row by row.
std::vector<glm::vec4> skyViewLutReference(const AtmosphereParameters& atmosphere,
                                           const std::vector<glm::vec4>& transmittance,
                                           const std::vector<glm::vec4>& multiple, double r_km, double sunZenith_rad);

}  // namespace ct::render
