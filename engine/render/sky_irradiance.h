// The sky's light on a surface of any orientation, from the sky-view table (render/atmosphere_
// luts.h): the table's upper hemisphere projected on real spherical harmonics to order 2 (nine
// coefficients per colour), from which the irradiance on a normal is three bands of cosine
// convolution (Ramamoorthi and Hanrahan 2001). A wall facing the sunset takes the warm glow, a
// wall facing away the blue, where a two-colour fit gave both the same. This is the CPU reference;
// shaders/sky_irradiance.comp projects on the GPU and shaders/sky_irradiance.glsl evaluates.
//
// The table is per unit sun illuminance and symmetric about the sun's azimuth: each texel (x, y)
// stands for the directions at zenith angle theta(y) and azimuth +-phi(x) from the sun's, with the
// solid angle its spacing covers (the trapezoid rule over the table's quadratic spacings).
#pragma once

#include <glm/glm.hpp>

#include <array>
#include <vector>

namespace ct::render {

struct SkyIrradianceSh {
    std::array<glm::vec3, 9> coefficients{};  // L_lm of the radiance, order (0,0), (1,-1), (1,0), (1,1), (2,-2) ...
};

// The real SH basis at a unit direction (x east, y up, z south).
std::array<float, 9> shBasis(glm::vec3 d);

// The table's sky above the horizon (zenith angles under `horizonZenith_rad`) projected; the sun's
// azimuth along `sunFlat` (x, z), not necessarily unit. Below the horizon counts as dark: the
// ground's light is added apart (the renderer's ground bounce).
SkyIrradianceSh projectSkyView(const std::vector<glm::vec4>& table, double horizonZenith_rad, glm::vec2 sunFlat);

// The irradiance on a surface facing `normal`, over pi: the radiance a white Lambertian surface
// sends back, in the table's units.
glm::vec3 irradianceOverPi(const SkyIrradianceSh& sh, glm::vec3 normal);

}  // namespace ct::render
