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

namespace ct::render {

namespace {

constexpr double kPi = 3.14159265358979323846;

double rayleighPhase(double cosAngle) {
    return 3.0 / (16.0 * kPi) * (1.0 + cosAngle * cosAngle);
}

// Cornette-Shanks: Henyey-Greenstein's forward peak with Rayleigh's symmetric term.
double miePhase(double cosAngle) {
    const double g = kMieAsymmetry;
    const double k = 3.0 / (8.0 * kPi) * (1.0 - g * g) / (2.0 + g * g);
    return k * (1.0 + cosAngle * cosAngle) / std::pow(1.0 + g * g - 2.0 * g * cosAngle, 1.5);
}

// Distance along mu from radius r to the ground, or -1 when the ray misses it.
double distanceToGround(const AtmosphereParameters& a, double r, double mu) {
    const double bottom = a.bottomRadius_km;
    const double discriminant = r * r * (mu * mu - 1.0) + bottom * bottom;
    if (mu >= 0.0 || discriminant < 0.0) return -1.0;
    return -r * mu - std::sqrt(discriminant);
}

}  // namespace

double horizonZenith(const AtmosphereParameters& a, double r) {
    // The angle at the viewer between straight down and the line grazing the planet (the right
    // triangle viewer, centre, tangent point: cos = tangent length / r); the horizon lies that far
    // from the nadir, a little below the level for a viewer above the ground.
    const double fromNadir =
        std::acos(std::clamp(std::sqrt(std::max(r * r - a.bottomRadius_km * a.bottomRadius_km, 0.0)) / r, -1.0, 1.0));
    return kPi - fromNadir;
}

SkyViewDirection skyViewDirection(const AtmosphereParameters& a, double r, double x, double y) {
    const double horizon = horizonZenith(a, r);
    SkyViewDirection view;
    if (y < 0.5) {
        const double s = 1.0 - 2.0 * y;
        view.zenith_rad = horizon * (1.0 - s * s);
    } else {
        const double s = 2.0 * y - 1.0;
        view.zenith_rad = horizon + (kPi - horizon) * s * s;
    }
    view.azimuthFromSun_rad = kPi * x * x;
    return view;
}

glm::dvec3 sampleTransmittance(const AtmosphereParameters& a, const std::vector<glm::vec4>& table, double r,
                               double mu) {
    if (distanceToGround(a, r, mu) >= 0.0) return glm::dvec3(0.0);
    const double bottom = a.bottomRadius_km;
    const double top = a.topRadius_km;
    const double H = std::sqrt(top * top - bottom * bottom);
    const double rho = std::sqrt(std::max(r * r - bottom * bottom, 0.0));
    const double d = distanceToTop(a, r, mu);
    const double dMin = top - r;
    const double dMax = rho + H;
    const double xMu = dMax > dMin ? std::clamp((d - dMin) / (dMax - dMin), 0.0, 1.0) : 0.0;
    const double xR = std::clamp(rho / H, 0.0, 1.0);
    const double fx = xMu * (kTransmittanceWidth - 1);
    const double fy = xR * (kTransmittanceHeight - 1);
    const int x0 = std::min(static_cast<int>(fx), static_cast<int>(kTransmittanceWidth) - 2);
    const int y0 = std::min(static_cast<int>(fy), static_cast<int>(kTransmittanceHeight) - 2);
    const double tx = fx - x0;
    const double ty = fy - y0;
    auto at = [&](int x, int y) { return glm::dvec3(table[static_cast<std::size_t>(y) * kTransmittanceWidth + x]); };
    return glm::mix(glm::mix(at(x0, y0), at(x0 + 1, y0), tx), glm::mix(at(x0, y0 + 1), at(x0 + 1, y0 + 1), tx), ty);
}

RadiusAndCosine multipleScatteringRadiusAndCosine(const AtmosphereParameters& a, double x, double y) {
    // A hair above the ground, so the bottom row is not exactly on it.
    const double h = std::max(y * (a.topRadius_km - a.bottomRadius_km), 0.01);
    return {a.bottomRadius_km + h, 2.0 * x - 1.0};
}

glm::dvec3 multipleScattering(const AtmosphereParameters& a, const std::vector<glm::vec4>& transmittance, double r,
                              double sunMu) {
    const glm::dvec3 sun(std::sqrt(std::max(0.0, 1.0 - sunMu * sunMu)), 0.0, sunMu);
    const double golden = kPi * (3.0 - std::sqrt(5.0));
    glm::dvec3 secondOrder(0.0);
    glm::dvec3 transfer(0.0);
    for (int k = 0; k < kMultipleScatteringDirections; ++k) {
        // Directions spread evenly over the sphere (a Fibonacci lattice), each weighing 1/N.
        const double cosTheta = 1.0 - 2.0 * (k + 0.5) / kMultipleScatteringDirections;
        const double sinTheta = std::sqrt(std::max(0.0, 1.0 - cosTheta * cosTheta));
        const double phi = golden * k;
        const glm::dvec3 dir(sinTheta * std::cos(phi), sinTheta * std::sin(phi), cosTheta);
        const double ground = distanceToGround(a, r, cosTheta);
        const double length = ground >= 0.0 ? ground : distanceToTop(a, r, cosTheta);
        const double dt = length / kMultipleScatteringSteps;
        glm::dvec3 throughput(1.0);
        glm::dvec3 light(0.0);
        glm::dvec3 scatteredShare(0.0);
        for (int i = 0; i < kMultipleScatteringSteps; ++i) {
            const glm::dvec3 p = glm::dvec3(0.0, 0.0, r) + dir * ((i + 0.5) * dt);
            const double radius = glm::length(p);
            const double h = radius - a.bottomRadius_km;
            const glm::dvec3 scattering = glm::dvec3(a.rayleighScattering) * std::exp(-h / a.rayleighScaleHeight_km) +
                                          glm::dvec3(a.mieScattering * std::exp(-h / a.mieScaleHeight_km));
            const glm::dvec3 extinction = extinctionAt(a, h);
            const glm::dvec3 segment = glm::exp(-extinction * dt);
            const glm::dvec3 toSun = sampleTransmittance(a, transmittance, radius, glm::dot(p / radius, sun));
            const glm::dvec3 source = scattering * toSun / (4.0 * kPi);  // isotropic phase
            light += throughput * (source - source * segment) / extinction;
            scatteredShare += throughput * (scattering - scattering * segment) / extinction;
            throughput *= segment;
        }
        if (ground >= 0.0) {
            // The ground, a diffuse reflector, lit by the sun through the air.
            const glm::dvec3 p = glm::dvec3(0.0, 0.0, r) + dir * length;
            const glm::dvec3 up = p / glm::length(p);
            const double cosSun = glm::dot(up, sun);
            const glm::dvec3 toSun = sampleTransmittance(a, transmittance, glm::length(p), cosSun);
            light += throughput * toSun * std::max(cosSun, 0.0) * (kGroundAlbedo / kPi);
        }
        secondOrder += light / static_cast<double>(kMultipleScatteringDirections);
        transfer += scatteredShare / static_cast<double>(kMultipleScatteringDirections);
    }
    return secondOrder / (1.0 - transfer);
}

std::vector<glm::vec4> multipleScatteringLutReference(const AtmosphereParameters& a,
                                                      const std::vector<glm::vec4>& transmittance) {
    std::vector<glm::vec4> table;
    table.reserve(kMultipleScatteringSize * kMultipleScatteringSize);
    for (std::uint32_t y = 0; y < kMultipleScatteringSize; ++y)
        for (std::uint32_t x = 0; x < kMultipleScatteringSize; ++x) {
            const RadiusAndCosine rm =
                multipleScatteringRadiusAndCosine(a, static_cast<double>(x) / (kMultipleScatteringSize - 1),
                                                  static_cast<double>(y) / (kMultipleScatteringSize - 1));
            table.emplace_back(glm::vec3(multipleScattering(a, transmittance, rm.r_km, rm.mu)), 1.0f);
        }
    return table;
}

glm::dvec3 sampleMultipleScattering(const AtmosphereParameters& a, const std::vector<glm::vec4>& table, double r,
                                    double sunMu) {
    const double n = kMultipleScatteringSize - 1;
    const double fx = std::clamp((sunMu + 1.0) * 0.5, 0.0, 1.0) * n;
    const double fy = std::clamp((r - a.bottomRadius_km) / (a.topRadius_km - a.bottomRadius_km), 0.0, 1.0) * n;
    const int last = static_cast<int>(kMultipleScatteringSize) - 2;
    const int x0 = std::min(static_cast<int>(fx), last);
    const int y0 = std::min(static_cast<int>(fy), last);
    const double tx = fx - x0;
    const double ty = fy - y0;
    auto at = [&](int x, int y) {
        return glm::dvec3(table[static_cast<std::size_t>(y) * kMultipleScatteringSize + x]);
    };
    return glm::mix(glm::mix(at(x0, y0), at(x0 + 1, y0), tx), glm::mix(at(x0, y0 + 1), at(x0 + 1, y0 + 1), tx), ty);
}

glm::dvec3 skyRadiance(const AtmosphereParameters& a, const std::vector<glm::vec4>& transmittance, double r,
                       const SkyViewDirection& view, double sunZenith, int steps,
                       const std::vector<glm::vec4>* multiple) {
    // The viewer at (0, 0, r); z up, the sun in the x-z plane.
    const glm::dvec3 dir(std::sin(view.zenith_rad) * std::cos(view.azimuthFromSun_rad),
                         std::sin(view.zenith_rad) * std::sin(view.azimuthFromSun_rad), std::cos(view.zenith_rad));
    const glm::dvec3 sun(std::sin(sunZenith), 0.0, std::cos(sunZenith));
    const double mu = dir.z;
    const double ground = distanceToGround(a, r, mu);
    const double length = ground >= 0.0 ? ground : distanceToTop(a, r, mu);
    const double dt = length / steps;
    const double cosAngle = glm::dot(dir, sun);
    const double phaseR = rayleighPhase(cosAngle);
    const double phaseM = miePhase(cosAngle);
    glm::dvec3 radiance(0.0);
    glm::dvec3 throughput(1.0);
    for (int i = 0; i < steps; ++i) {
        const glm::dvec3 p = glm::dvec3(0.0, 0.0, r) + dir * ((i + 0.5) * dt);
        const double radius = glm::length(p);
        const double h = radius - a.bottomRadius_km;
        const double rayleigh = std::exp(-h / a.rayleighScaleHeight_km);
        const double mie = std::exp(-h / a.mieScaleHeight_km);
        const glm::dvec3 extinction = extinctionAt(a, h);
        const double sunMu = glm::dot(p / radius, sun);
        const glm::dvec3 toSun = sampleTransmittance(a, transmittance, radius, sunMu);
        glm::dvec3 scattered =
            toSun * (glm::dvec3(a.rayleighScattering) * rayleigh * phaseR + a.mieScattering * mie * phaseM);
        if (multiple)
            scattered += sampleMultipleScattering(a, *multiple, radius, sunMu) *
                         (glm::dvec3(a.rayleighScattering) * rayleigh + glm::dvec3(a.mieScattering * mie));
        // Light scattered within the segment, dimmed by the segment itself on its way out.
        const glm::dvec3 segment = glm::exp(-extinction * dt);
        radiance += throughput * (scattered - scattered * segment) / extinction;
        throughput *= segment;
    }
    return radiance;
}

std::vector<glm::vec4> skyViewLutReference(const AtmosphereParameters& a, const std::vector<glm::vec4>& transmittance,
                                           const std::vector<glm::vec4>& multiple, double r, double sunZenith) {
    std::vector<glm::vec4> table;
    table.reserve(kSkyViewWidth * kSkyViewHeight);
    for (std::uint32_t y = 0; y < kSkyViewHeight; ++y)
        for (std::uint32_t x = 0; x < kSkyViewWidth; ++x) {
            const SkyViewDirection view = skyViewDirection(a, r, static_cast<double>(x) / (kSkyViewWidth - 1),
                                                           static_cast<double>(y) / (kSkyViewHeight - 1));
            table.emplace_back(glm::vec3(skyRadiance(a, transmittance, r, view, sunZenith, kSkyViewSteps, &multiple)),
                               1.0f);
        }
    return table;
}

}  // namespace ct::render
