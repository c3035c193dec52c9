#include "render/sky_specular.h"

#include "render/atmosphere_model.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The table's bilinear read at fractional texel coordinates, texel centres at the ends, as
// shaders/sky_specular_resample.comp reads it with texelFetch.
glm::dvec3 sampleTable(const std::vector<glm::vec4>& table, double fx, double fy) {
    const int x0 = std::clamp(static_cast<int>(fx), 0, static_cast<int>(kSkyViewWidth) - 2);
    const int y0 = std::clamp(static_cast<int>(fy), 0, static_cast<int>(kSkyViewHeight) - 2);
    const double tx = std::clamp(fx - x0, 0.0, 1.0);
    const double ty = std::clamp(fy - y0, 0.0, 1.0);
    auto at = [&](int x, int y) { return glm::dvec3(table[static_cast<std::size_t>(y) * kSkyViewWidth + x]); };
    const glm::dvec3 bottom = glm::mix(at(x0, y0), at(x0 + 1, y0), tx);
    const glm::dvec3 top = glm::mix(at(x0, y0 + 1), at(x0 + 1, y0 + 1), tx);
    return glm::mix(bottom, top, ty);
}

double ggx(double nDotH, double alpha) {
    const double a2 = alpha * alpha;
    const double d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    return a2 / (kPi * d * d);
}

}  // namespace

float skySpecularRoughness(std::uint32_t level) {
    return static_cast<float>(level) / static_cast<float>(kSkySpecularLevels - 1);
}

glm::vec3 skySpecularDirection(double i, double j) {
    const double phi = ((i + 0.5) / kSkySpecularWidth - 0.5) * 2.0 * kPi;
    const double theta = (j + 0.5) / kSkySpecularHeight * kPi;
    return glm::vec3(glm::dvec3(std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi)));
}

std::vector<glm::vec4> resampleSkyView(const std::vector<glm::vec4>& table, double horizon, glm::vec2 sunFlat) {
    const glm::dvec2 sun = glm::length(sunFlat) > 1e-6f ? glm::normalize(glm::dvec2(sunFlat)) : glm::dvec2(1.0, 0.0);
    std::vector<glm::vec4> level(std::size_t{kSkySpecularWidth} * kSkySpecularHeight);
    constexpr std::uint32_t n = kSkySpecularSubsamples;
    for (std::uint32_t j = 0; j < kSkySpecularHeight; ++j)
        for (std::uint32_t i = 0; i < kSkySpecularWidth; ++i) {
            glm::dvec3 sum(0.0);
            double ground = 0.0;
            for (std::uint32_t b = 0; b < n; ++b)
                for (std::uint32_t a = 0; a < n; ++a) {
                    const glm::dvec3 d(skySpecularDirection(i + (a + 0.5) / n - 0.5, j + (b + 0.5) / n - 0.5));
                    const double zenith = std::acos(std::clamp(d.y, -1.0, 1.0));
                    if (zenith >= horizon) {
                        ground += 1.0;
                        continue;
                    }
                    const glm::dvec2 flat(d.x, d.z);
                    double azimuth = 0.0;
                    if (glm::length(flat) > 1e-9)
                        azimuth = std::acos(std::clamp(glm::dot(glm::normalize(flat), sun), -1.0, 1.0));
                    // The table's spacing (render/atmosphere_model.h): quadratic away from the
                    // horizon in y, phi = pi x^2 in x.
                    const double y = 0.5 * (1.0 - std::sqrt(std::max(1.0 - zenith / horizon, 0.0)));
                    const double x = std::sqrt(azimuth / kPi);
                    sum += sampleTable(table, x * (kSkyViewWidth - 1), y * (kSkyViewHeight - 1));
                }
            const double count = static_cast<double>(n * n);
            level[std::size_t{j} * kSkySpecularWidth + i] = glm::vec4(glm::dvec4(sum / count, ground / count));
        }
    return level;
}

namespace {

// What a level is convolved from: texels with their direction, solid angle and value.
struct SkySamples {
    std::vector<glm::dvec3> directions;
    std::vector<double> solidAngles;
    std::vector<glm::dvec4> values;
};

SkySamples fullSamples(const std::vector<glm::vec4>& level0) {
    SkySamples out;
    const double cell = (kPi / kSkySpecularHeight) * (2.0 * kPi / kSkySpecularWidth);
    for (std::uint32_t j = 0; j < kSkySpecularHeight; ++j)
        for (std::uint32_t i = 0; i < kSkySpecularWidth; ++i) {
            out.directions.emplace_back(skySpecularDirection(i, j));
            out.solidAngles.push_back(std::sin((j + 0.5) / kSkySpecularHeight * kPi) * cell);
            out.values.emplace_back(level0[std::size_t{j} * kSkySpecularWidth + i]);
        }
    return out;
}

// Blocks of kSkySpecularCoarseBlock^2 texels: their summed solid angle, the solid-angle-weighted
// mean of their values, and the direction through the block's centre.
SkySamples coarseSamples(const SkySamples& full) {
    constexpr std::uint32_t b = kSkySpecularCoarseBlock;
    SkySamples out;
    for (std::uint32_t bj = 0; bj < kSkySpecularHeight / b; ++bj)
        for (std::uint32_t bi = 0; bi < kSkySpecularWidth / b; ++bi) {
            double solidAngle = 0.0;
            glm::dvec4 sum(0.0);
            for (std::uint32_t y = 0; y < b; ++y)
                for (std::uint32_t x = 0; x < b; ++x) {
                    const std::size_t t = std::size_t{bj * b + y} * kSkySpecularWidth + bi * b + x;
                    solidAngle += full.solidAngles[t];
                    sum += full.values[t] * full.solidAngles[t];
                }
            out.directions.emplace_back(skySpecularDirection(bi * b + 0.5 * (b - 1), bj * b + 0.5 * (b - 1)));
            out.solidAngles.push_back(solidAngle);
            out.values.push_back(sum / solidAngle);
        }
    return out;
}

}  // namespace

std::vector<glm::vec4> prefilterSkySpecular(const std::vector<glm::vec4>& level0) {
    const std::size_t texels = std::size_t{kSkySpecularWidth} * kSkySpecularHeight;
    std::vector<glm::vec4> levels(texels * kSkySpecularLevels);
    std::copy(level0.begin(), level0.begin() + static_cast<std::ptrdiff_t>(texels), levels.begin());
    const SkySamples full = fullSamples(level0);
    const SkySamples coarse = coarseSamples(full);
    for (std::uint32_t k = 1; k < kSkySpecularLevels; ++k) {
        const double roughness = skySpecularRoughness(k);
        const double alpha = roughness * roughness;
        const SkySamples& from = k == 1 ? full : coarse;
        const double least = k == 1 ? std::cos(kSkySpecularLevel1Reach_rad) : 0.0;
        for (std::size_t t = 0; t < texels; ++t) {
            const glm::dvec3 n = full.directions[t];
            glm::dvec4 sum(0.0);
            double weights = 0.0;
            for (std::size_t s = 0; s < from.directions.size(); ++s) {
                const double nDotL = glm::dot(n, from.directions[s]);
                if (nDotL <= least) continue;
                const double nDotH = glm::dot(n, glm::normalize(n + from.directions[s]));
                const double w = ggx(nDotH, alpha) * nDotL * from.solidAngles[s];
                sum += from.values[s] * w;
                weights += w;
            }
            levels[k * texels + t] = glm::vec4(sum / std::max(weights, 1e-30));
        }
    }
    return levels;
}

glm::vec2 envBrdfApprox(float roughness, float nDotV) {
    const glm::vec4 c0(-1.0f, -0.0275f, -0.572f, 0.022f);
    const glm::vec4 c1(1.0f, 0.0425f, 1.04f, -0.04f);
    const glm::vec4 r = roughness * c0 + c1;
    const float a004 = std::min(r.x * r.x, std::exp2(-9.28f * nDotV)) * r.x + r.y;
    return glm::vec2(a004 * -1.04f + r.z, a004 * 1.04f + r.w);
}

}  // namespace ct::render
