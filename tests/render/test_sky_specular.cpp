// The prefiltered sky for glass and metal (render/sky_specular.h): the resampling and the GGX
// convolution against skies whose answer is known, the environment BRDF's limits, and the GPU's
// map against the CPU's from the same sky-view table.
#include "render/atmosphere_luts.h"
#include "render/data_dir.h"
#include "render/sky_specular.h"
#include "render/sky_specular_pass.h"
#include "render_harness.h"
#include "sky_table_pass.h"

#include <catch2/catch.hpp>

#include <cmath>

using ct::render::kSkySpecularHeight;
using ct::render::kSkySpecularLevels;
using ct::render::kSkySpecularWidth;
using ct::render::kSkyViewHeight;
using ct::render::kSkyViewWidth;

namespace {

constexpr double kHalfPi = 1.5707963267948966;
constexpr std::size_t kTexels = std::size_t{kSkySpecularWidth} * kSkySpecularHeight;

glm::vec4 texel(const std::vector<glm::vec4>& levels, std::uint32_t level, std::uint32_t i, std::uint32_t j) {
    return levels[level * kTexels + std::size_t{j} * kSkySpecularWidth + i];
}

}  // namespace

TEST_CASE("a uniform sky resamples to itself above the horizon and to ground below it", "[render][sky-specular]") {
    const std::vector<glm::vec4> uniform(std::size_t{kSkyViewWidth} * kSkyViewHeight, glm::vec4(0.7f));
    const auto level0 = ct::render::resampleSkyView(uniform, kHalfPi, {1.0f, 0.0f});
    const auto levels = ct::render::prefilterSkySpecular(level0);
    // Straight up and just above the horizon: sky; the rows below the horizon: ground.
    CHECK(texel(levels, 0, 10, 0).r == Approx(0.7f).margin(1e-5));
    CHECK(texel(levels, 0, 10, 0).a == 0.0f);
    CHECK(texel(levels, 0, 40, kSkySpecularHeight / 2 - 1).r == Approx(0.7f).margin(1e-5));
    CHECK(texel(levels, 0, 40, kSkySpecularHeight / 2).a == 1.0f);
    CHECK(texel(levels, 0, 40, kSkySpecularHeight / 2).r == 0.0f);
    // Every level looking up sees sky; the rough ones looking along the horizon see the ground
    // in part, more the rougher, and a mirror looking up does not.
    float groundAtHorizon = 0.0f;
    for (std::uint32_t k = 0; k < kSkySpecularLevels; ++k) {
        INFO("level " << k);
        CHECK(texel(levels, k, 5, 0).r + texel(levels, k, 5, 0).a * 0.7f == Approx(0.7f).margin(1e-4));
        const float ground = texel(levels, k, 20, kSkySpecularHeight / 2 - 1).a;
        CHECK(ground >= groundAtHorizon);
        groundAtHorizon = ground;
    }
    CHECK(groundAtHorizon > 0.3f);
    CHECK(texel(levels, 1, 0, 0).a < 1e-3f);
}

TEST_CASE("the rougher levels spread a bright patch of sky and keep its light", "[render][sky-specular]") {
    // A glow 10x the rest within 40 degrees of the sun's azimuth and 50 degrees of the horizon
    // (the sun along +x, low).
    std::vector<glm::vec4> table(std::size_t{kSkyViewWidth} * kSkyViewHeight, glm::vec4(0.1f));
    for (std::uint32_t j = 0; j < kSkyViewHeight; ++j)
        for (std::uint32_t i = 0; i < kSkyViewWidth; ++i) {
            const double x = static_cast<double>(i) / (kSkyViewWidth - 1);
            const double y = static_cast<double>(j) / (kSkyViewHeight - 1);
            // y in 0.5 (1 - sqrt(1 - z / h)): zenith 40 degrees and below, to the horizon at 0.5.
            if (x * x < 40.0 / 180.0 && y > 0.5 * (1.0 - std::sqrt(1.0 - 40.0 / 90.0)))
                table[std::size_t{j} * kSkyViewWidth + i] = glm::vec4(1.0f);
        }
    const auto levels = ct::render::prefilterSkySpecular(ct::render::resampleSkyView(table, kHalfPi, {1.0f, 0.0f}));
    // The texel looking at the glow (azimuth 0 is u = 0.5, i = 32; 20 degrees up) and one
    // looking away from it (i = 0, the far side), where the ground counts as the sky around it.
    const std::uint32_t row = kSkySpecularHeight / 2 - 4;
    float previousPeak = 2.0f;
    float previousAway = 0.0f;
    for (std::uint32_t k = 0; k < kSkySpecularLevels; ++k) {
        const float peak = texel(levels, k, kSkySpecularWidth / 2, row).r;
        const float away = texel(levels, k, 0, row).r + 0.1f * texel(levels, k, 0, row).a;
        INFO("level " << k << ": towards the glow " << peak << ", away " << away);
        CHECK(peak < previousPeak + 1e-4f);
        CHECK(away > previousAway - 1e-4f);
        previousPeak = peak;
        previousAway = away;
    }
    CHECK(texel(levels, 0, kSkySpecularWidth / 2, row).r == Approx(1.0f).margin(1e-4));
    CHECK(texel(levels, 1, kSkySpecularWidth / 2, row).r > 0.9f);  // glossy: still the glow
    CHECK(texel(levels, 4, kSkySpecularWidth / 2, row).r < 0.8f);  // rough: spread out
    // The mean over the sphere (by solid angle, the ground counted as the sky around it) moves by
    // little: the convolution redistributes light, it does not make it.
    auto sphereMean = [&](std::uint32_t k) {
        double sum = 0.0;
        double weight = 0.0;
        for (std::uint32_t j = 0; j < kSkySpecularHeight; ++j)
            for (std::uint32_t i = 0; i < kSkySpecularWidth; ++i) {
                const double w = std::sin((j + 0.5) / kSkySpecularHeight * 3.14159265358979);
                sum += w * (texel(levels, k, i, j).r + 0.1 * texel(levels, k, i, j).a);
                weight += w;
            }
        return sum / weight;
    };
    INFO("means by level: " << sphereMean(0) << ", " << sphereMean(2) << ", " << sphereMean(4));
    CHECK(sphereMean(2) == Approx(sphereMean(0)).epsilon(0.1));
    CHECK(sphereMean(4) == Approx(sphereMean(0)).epsilon(0.1));

    // Level 1 takes only the texels within its lobe's reach (kSkySpecularLevel1Reach_rad), levels 2
    // and up level 0's coarse blocks (kSkySpecularCoarseBlock): against the convolution of every
    // texel, here term for term, they differ by a few hundredths of the glow at most, though the
    // glow's edge is as sharp as a sky gets.
    const double cell = (3.14159265358979 / kSkySpecularHeight) * (2.0 * 3.14159265358979 / kSkySpecularWidth);
    for (std::uint32_t k = 1; k < kSkySpecularLevels; ++k) {
        const double alpha = std::pow(ct::render::skySpecularRoughness(k), 2.0);
        double largest = 0.0;
        for (std::uint32_t j = 0; j < kSkySpecularHeight; j += 3)
            for (std::uint32_t i = 0; i < kSkySpecularWidth; i += 3) {
                const glm::dvec3 n(ct::render::skySpecularDirection(i, j));
                double sum = 0.0;
                double weights = 0.0;
                for (std::uint32_t sj = 0; sj < kSkySpecularHeight; ++sj)
                    for (std::uint32_t si = 0; si < kSkySpecularWidth; ++si) {
                        const glm::dvec3 l(ct::render::skySpecularDirection(si, sj));
                        const double nDotL = glm::dot(n, l);
                        if (nDotL <= 0.0) continue;
                        const double nDotH = std::sqrt(0.5 + 0.5 * nDotL);
                        const double d = nDotH * nDotH * (alpha * alpha - 1.0) + 1.0;
                        const double w = alpha * alpha / (d * d) * nDotL *
                                         std::sin((sj + 0.5) / kSkySpecularHeight * 3.14159265358979) * cell;
                        sum += w * texel(levels, 0, si, sj).r;
                        weights += w;
                    }
                largest = std::max(largest, std::abs(sum / weights - texel(levels, k, i, j).r));
            }
        INFO("level " << k << ": largest difference from the full convolution " << largest);
        CHECK(largest < 0.05);
    }
}

TEST_CASE("the environment BRDF reflects all at grazing and f0 head on for a mirror", "[render][sky-specular]") {
    const glm::vec2 headOn = ct::render::envBrdfApprox(0.0f, 1.0f);
    CHECK(headOn.x == Approx(1.0f).margin(0.05f));
    CHECK(headOn.y == Approx(0.0f).margin(0.05f));
    const glm::vec2 grazing = ct::render::envBrdfApprox(0.0f, 0.0f);
    CHECK(grazing.x + grazing.y == Approx(1.0f).margin(0.1f));
    CHECK(grazing.y > 0.8f);
    // A rough surface's reflection of the sky is dimmer at grazing than a mirror's.
    const glm::vec2 rough = ct::render::envBrdfApprox(1.0f, 0.1f);
    CHECK(0.04f * rough.x + rough.y < 0.04f * grazing.x + grazing.y);
}

TEST_CASE("the GPU's prefiltered sky agrees with the CPU's", "[render][sky-specular][gpu]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::AtmosphereLuts luts(context, ct::render::shaderDir());
    const double r = luts.atmosphere().bottomRadius_km + 0.55;
    const double sunZenith = 1.40;  // the sun 10 degrees up: a glow on one side
    luts.computeSkyView(r, sunZenith);
    const std::vector<glm::vec4> table = luts.readSkyView();
    const double horizon = ct::render::horizonZenith(luts.atmosphere(), r);
    const glm::vec2 sunFlat(0.6f, -0.8f);
    const auto cpu = ct::render::prefilterSkySpecular(ct::render::resampleSkyView(table, horizon, sunFlat));

    ct::render::SkySpecularPass pass(context, ct::render::shaderDir(), luts.skyView());
    const std::vector<glm::vec4> gpu = ct::test::runSkyTablePass(
        context, luts.skyView(), pass.map(), {kSkySpecularWidth, kSkySpecularHeight * kSkySpecularLevels},
        [&](VkCommandBuffer cmd) { pass.record(cmd, sunFlat, static_cast<float>(horizon)); });
    float scale = 0.0f;
    for (const glm::vec4& c : cpu)
        scale = std::max(scale, std::max({c.r, c.g, c.b}));
    REQUIRE(scale > 0.0f);
    for (std::uint32_t k = 0; k < kSkySpecularLevels; ++k) {
        float largestColour = 0.0f;
        float largestGround = 0.0f;
        for (std::size_t t = 0; t < kTexels; ++t) {
            const glm::vec4 d = gpu[k * kTexels + t] - cpu[k * kTexels + t];
            largestColour = std::max(largestColour, glm::length(glm::vec3(d)));
            largestGround = std::max(largestGround, std::abs(d.a));
        }
        INFO("level " << k << ": largest difference " << largestColour << " against a largest texel of " << scale
                      << ", ground share " << largestGround);
        CHECK(largestColour < 2e-3f * scale);
        CHECK(largestGround < 2e-3f);
    }
    // The sky is not flat: towards the low sun the glossy level is brighter than away from it.
    const auto towards = [&](glm::vec2 flat, std::uint32_t k) {
        const double phi = std::atan2(flat.y, flat.x);
        const auto i = static_cast<std::uint32_t>((phi / (2.0 * 3.14159265358979) + 0.5) * kSkySpecularWidth);
        return texel(gpu, k, std::min(i, kSkySpecularWidth - 1), kSkySpecularHeight / 2 - 2);
    };
    const auto sum = [](glm::vec4 c) { return c.r + c.g + c.b; };
    CHECK(sum(towards(sunFlat, 1)) > 1.3f * sum(towards(-sunFlat, 1)));
    CHECK(context.validationCounts().total() == 0);
}
