// The sky's irradiance from the sky-view table on spherical harmonics (render/sky_irradiance.h):
// the projection against known skies on the CPU, and the GPU's projection against the CPU's on
// the same table.
#include "render/atmosphere_luts.h"
#include "render/data_dir.h"
#include "render/sky_irradiance.h"
#include "render/sky_irradiance_pass.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

using ct::render::irradianceOverPi;
using ct::render::kSkyViewHeight;
using ct::render::kSkyViewWidth;
using ct::render::projectSkyView;

namespace {

constexpr double kHalfPi = 1.5707963267948966;

float brightness(glm::vec3 c) {
    return (c.r + c.g + c.b) / 3.0f;
}

}  // namespace

TEST_CASE("a uniform sky lights a roof fully, a wall half and a floor not at all", "[render][sky-irradiance]") {
    const std::vector<glm::vec4> uniform(std::size_t{kSkyViewWidth} * kSkyViewHeight, glm::vec4(1.0f));
    const auto sh = projectSkyView(uniform, kHalfPi, {1.0f, 0.0f});
    // Radiance 1 over the upper hemisphere: irradiance pi on a roof (over pi: 1), pi / 2 on a
    // wall, 0 on a floor; order 2 holds them to a few per cent.
    CHECK(brightness(irradianceOverPi(sh, {0, 1, 0})) == Approx(1.0f).margin(0.03f));
    CHECK(brightness(irradianceOverPi(sh, {1, 0, 0})) == Approx(0.5f).margin(0.03f));
    CHECK(brightness(irradianceOverPi(sh, {0, 0, -1})) == Approx(0.5f).margin(0.03f));
    CHECK(brightness(irradianceOverPi(sh, {0, -1, 0})) < 0.05f);
}

TEST_CASE("a sky bright towards the sun lights the wall facing it more than the one facing away",
          "[render][sky-irradiance]") {
    // Ten times brighter within 30 degrees of the sun's azimuth (x < sqrt(1/6)).
    std::vector<glm::vec4> glow(std::size_t{kSkyViewWidth} * kSkyViewHeight, glm::vec4(0.1f));
    for (std::uint32_t j = 0; j < kSkyViewHeight; ++j)
        for (std::uint32_t i = 0; i < kSkyViewWidth; ++i)
            if (static_cast<double>(i) / (kSkyViewWidth - 1) < std::sqrt(1.0 / 6.0))
                glow[std::size_t{j} * kSkyViewWidth + i] = glm::vec4(1.0f);
    // The sun to the west (-x).
    const auto sh = projectSkyView(glow, kHalfPi, {-1.0f, 0.0f});
    const float west = brightness(irradianceOverPi(sh, {-1, 0, 0}));
    const float east = brightness(irradianceOverPi(sh, {1, 0, 0}));
    const float north = brightness(irradianceOverPi(sh, {0, 0, -1}));
    const float south = brightness(irradianceOverPi(sh, {0, 0, 1}));
    INFO("west " << west << ", east " << east << ", north " << north << ", south " << south);
    CHECK(west > 2.0f * east);
    CHECK(north == Approx(south).epsilon(1e-3));  // the sky is symmetric about the sun's azimuth
}

TEST_CASE("the GPU's harmonics of the sky view agree with the CPU's", "[render][sky-irradiance][gpu]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::AtmosphereLuts luts(context, ct::render::shaderDir());
    const double r = luts.atmosphere().bottomRadius_km + 0.55;
    const double sunZenith = 1.45;  // the sun 7 degrees up: a sky with a strong glow on one side
    luts.computeSkyView(r, sunZenith);
    const std::vector<glm::vec4> table = luts.readSkyView();
    const double horizon = ct::render::horizonZenith(luts.atmosphere(), r);
    const glm::vec2 sunFlat(0.6f, -0.8f);
    const auto cpu = projectSkyView(table, horizon, sunFlat);

    // What the scene's shaders read: the pass's uniform buffer, after its projection and copy.
    ct::render::SkyIrradiancePass pass(context, ct::render::shaderDir(), luts.skyView());
    ct::vk::Buffer readback(context, {9 * sizeof(glm::vec4), VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                      ct::vk::MemoryUsage::Readback, "test sky irradiance readback"});
    context.runOnce([&](VkCommandBuffer cmd) {
        ct::vk::transition(cmd, luts.skyView(),
                           {VK_IMAGE_LAYOUT_GENERAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                            VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                            VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        ct::vk::transition(
            cmd, pass.coefficients(),
            {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
             VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
        ct::render::ImageState state{};
        pass.record(cmd, sunFlat, static_cast<float>(horizon), state);
        ct::vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                              VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
        const VkBufferCopy all{0, 0, readback.size()};
        vkCmdCopyBuffer(cmd, pass.uniformCoefficients().get(), readback.get(), 1, &all);
        ct::vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                              VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context.device());
    std::vector<glm::vec4> gpu(9);
    std::memcpy(gpu.data(), readback.mapped(), gpu.size() * sizeof(glm::vec4));
    float scale = 0.0f;
    for (const glm::vec3& c : cpu.coefficients)
        scale = std::max(scale, std::max({c.r, c.g, c.b}));
    REQUIRE(scale > 0.0f);
    float largest = 0.0f;
    for (int k = 0; k < 9; ++k)
        largest = std::max(largest, glm::length(glm::vec3(gpu[k]) - cpu.coefficients[static_cast<std::size_t>(k)]));
    INFO("largest difference " << largest << " against a largest coefficient of " << scale);
    CHECK(largest < 1e-4f * scale + 1e-7f);
    // And the sky is not flat: the wall facing the low sun takes more than the one facing away.
    const glm::vec3 toSun = glm::normalize(glm::vec3(sunFlat.x, 0.0f, sunFlat.y));
    CHECK(brightness(irradianceOverPi(cpu, toSun)) > 1.3f * brightness(irradianceOverPi(cpu, -toSun)));
    CHECK(context.validationCounts().total() == 0);
}
