#include "render/sky_irradiance.h"

#include "render/atmosphere_model.h"

#include <cmath>

namespace ct::render {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The zenith angle of table row y (0..1) and its derivative, as skyViewDirection spaces them.
void zenithOf(double y, double horizon, double& zenith, double& dZenith) {
    if (y < 0.5) {
        const double s = 1.0 - 2.0 * y;
        zenith = horizon * (1.0 - s * s);
        dZenith = 4.0 * horizon * s;
    } else {
        const double s = 2.0 * y - 1.0;
        zenith = horizon + (kPi - horizon) * s * s;
        dZenith = 4.0 * (kPi - horizon) * s;
    }
}

}  // namespace

std::array<float, 9> shBasis(glm::vec3 d) {
    return {0.282095f,
            0.488603f * d.y,
            0.488603f * d.z,
            0.488603f * d.x,
            1.092548f * d.x * d.y,
            1.092548f * d.y * d.z,
            0.315392f * (3.0f * d.z * d.z - 1.0f),
            1.092548f * d.x * d.z,
            0.546274f * (d.x * d.x - d.y * d.y)};
}

SkyIrradianceSh projectSkyView(const std::vector<glm::vec4>& table, double horizon, glm::vec2 sunFlat) {
    std::array<glm::dvec3, 9> sum{};
    const glm::dvec2 s = glm::length(sunFlat) > 1e-6f ? glm::normalize(glm::dvec2(sunFlat)) : glm::dvec2(1.0, 0.0);
    const glm::dvec2 p(-s.y, s.x);
    const double dx = 1.0 / (kSkyViewWidth - 1);
    const double dy = 1.0 / (kSkyViewHeight - 1);
    for (std::uint32_t j = 0; j < kSkyViewHeight; ++j) {
        double zenith = 0.0;
        double dZenith = 0.0;
        zenithOf(j * dy, horizon, zenith, dZenith);
        if (zenith >= horizon) continue;  // the ground's part is added apart
        const double rowWeight = (j == 0 ? 0.5 : 1.0) * std::sin(zenith) * dZenith * dy;
        for (std::uint32_t i = 0; i < kSkyViewWidth; ++i) {
            const double x = i * dx;
            const double phi = kPi * x * x;
            const double weight = rowWeight * (i == 0 || i == kSkyViewWidth - 1 ? 0.5 : 1.0) * 2.0 * kPi * x * dx;
            if (weight <= 0.0) continue;
            const glm::dvec3 radiance(table[static_cast<std::size_t>(j) * kSkyViewWidth + i]);
            for (const double side : {-1.0, 1.0}) {
                const glm::dvec2 flat = std::cos(phi) * s + side * std::sin(phi) * p;
                const glm::vec3 d(glm::dvec3(std::sin(zenith) * flat.x, std::cos(zenith), std::sin(zenith) * flat.y));
                const std::array<float, 9> y = shBasis(d);
                for (int k = 0; k < 9; ++k)
                    sum[static_cast<std::size_t>(k)] += radiance * (weight * y[static_cast<std::size_t>(k)]);
            }
        }
    }
    SkyIrradianceSh sh;
    for (int k = 0; k < 9; ++k)
        sh.coefficients[static_cast<std::size_t>(k)] = glm::vec3(sum[static_cast<std::size_t>(k)]);
    return sh;
}

glm::vec3 irradianceOverPi(const SkyIrradianceSh& sh, glm::vec3 n) {
    // The clamped cosine's bands: pi, 2 pi / 3, pi / 4; divided by pi.
    constexpr float kBand[9] = {1.0f, 2.0f / 3.0f, 2.0f / 3.0f, 2.0f / 3.0f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f};
    const std::array<float, 9> y = shBasis(n);
    glm::vec3 e(0.0f);
    for (std::size_t k = 0; k < 9; ++k)
        e += kBand[k] * y[k] * sh.coefficients[k];
    return glm::max(e, glm::vec3(0.0f));
}

}  // namespace ct::render
