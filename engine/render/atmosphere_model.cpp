#include "render/atmosphere_model.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

RadiusAndCosine transmittanceLutRadiusAndCosine(const AtmosphereParameters& a, double xMu, double xR) {
    const double bottom = a.bottomRadius_km;
    const double top = a.topRadius_km;
    // H: the distance to the horizon from the top; rho: from radius r.
    const double H = std::sqrt(top * top - bottom * bottom);
    const double rho = H * xR;
    const double r = std::sqrt(rho * rho + bottom * bottom);
    // The distance to the top runs from straight up (top - r) to along the horizon (rho + H).
    const double dMin = top - r;
    const double dMax = rho + H;
    const double d = dMin + xMu * (dMax - dMin);
    const double mu = d == 0.0 ? 1.0 : std::clamp((H * H - rho * rho - d * d) / (2.0 * r * d), -1.0, 1.0);
    return {r, mu};
}

double distanceToTop(const AtmosphereParameters& a, double r, double mu) {
    const double top = a.topRadius_km;
    const double discriminant = r * r * (mu * mu - 1.0) + top * top;
    return std::max(0.0, -r * mu + std::sqrt(std::max(discriminant, 0.0)));
}

glm::dvec3 extinctionAt(const AtmosphereParameters& a, double h) {
    const double rayleigh = std::exp(-h / a.rayleighScaleHeight_km);
    const double mie = std::exp(-h / a.mieScaleHeight_km);
    const double ozone = std::max(0.0, 1.0 - std::abs(h - a.ozoneCentre_km) / a.ozoneHalfWidth_km);
    return glm::dvec3(a.rayleighScattering) * rayleigh + glm::dvec3(a.mieExtinction) * mie +
           glm::dvec3(a.ozoneAbsorption) * ozone;
}

glm::dvec3 transmittanceToTop(const AtmosphereParameters& a, double r, double mu, int steps) {
    const double length = distanceToTop(a, r, mu);
    const double dt = length / steps;
    glm::dvec3 depth(0.0);
    for (int i = 0; i < steps; ++i) {
        const double t = (i + 0.5) * dt;
        // Radius at distance t along the ray, by the law of cosines.
        const double radius = std::sqrt(t * t + 2.0 * r * mu * t + r * r);
        depth += extinctionAt(a, radius - a.bottomRadius_km) * dt;
    }
    return glm::exp(-depth);
}

std::vector<glm::vec4> transmittanceLutReference(const AtmosphereParameters& a) {
    std::vector<glm::vec4> table;
    table.reserve(kTransmittanceWidth * kTransmittanceHeight);
    for (std::uint32_t y = 0; y < kTransmittanceHeight; ++y) {
        for (std::uint32_t x = 0; x < kTransmittanceWidth; ++x) {
            // Texel centres map to the ends of the unit range, so the table holds its extremes.
            const RadiusAndCosine rm =
                transmittanceLutRadiusAndCosine(a, static_cast<double>(x) / (kTransmittanceWidth - 1),
                                                static_cast<double>(y) / (kTransmittanceHeight - 1));
            table.emplace_back(glm::vec3(transmittanceToTop(a, rm.r_km, rm.mu)), 1.0f);
        }
    }
    return table;
}

}  // namespace ct::render
