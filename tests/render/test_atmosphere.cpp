// The atmosphere's transmittance: the CPU reference against the physics it models, and the GPU
// table (shaders/atmosphere_transmittance.comp) against the reference.
#include "render/atmosphere_luts.h"
#include "render/data_dir.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace ct::render;

TEST_CASE("straight up from the ground the air lets through what its columns say", "[render][atmosphere]") {
    const AtmosphereParameters earth;
    const glm::dvec3 t = transmittanceToTop(earth, earth.bottomRadius_km, 1.0);
    // Optical depth of each column: scattering x scale height (Rayleigh, Mie), absorption x the
    // tent's area (ozone: half width x 1).
    const double rayleighColumn = 8.0 * (1.0 - std::exp(-100.0 / 8.0));
    const double mie = 0.00444 * 1.2;
    const glm::dvec3 depth = glm::dvec3(0.005802, 0.013558, 0.033100) * rayleighColumn + glm::dvec3(mie) +
                             glm::dvec3(0.000650, 0.001881, 0.000085) * 15.0;
    CHECK(t.r == Approx(std::exp(-depth.r)).margin(1e-3));  // 0.940
    CHECK(t.g == Approx(std::exp(-depth.g)).margin(1e-3));  // 0.868
    CHECK(t.b == Approx(std::exp(-depth.b)).margin(1e-3));  // 0.762
    // Blue is scattered most: the sun reddens.
    CHECK(t.b < t.g);
    CHECK(t.g < t.r);
}

TEST_CASE("the sun's light thins towards the horizon and is whole at the top", "[render][atmosphere]") {
    const AtmosphereParameters earth;
    const double ground = earth.bottomRadius_km;
    double previous = 1.0;
    for (const double mu : {1.0, 0.5, 0.2, 0.05, 0.0}) {
        const double blue = transmittanceToTop(earth, ground, mu).b;
        INFO("mu " << mu);
        CHECK(blue < previous);
        previous = blue;
    }
    CHECK(transmittanceToTop(earth, ground, 0.0).b < 0.01);  // sunset: almost no blue
    CHECK(transmittanceToTop(earth, earth.topRadius_km, 1.0).r == Approx(1.0));
}

TEST_CASE("the table's corners are the ground and the top, the zenith and the horizon", "[render][atmosphere]") {
    const AtmosphereParameters earth;
    const RadiusAndCosine groundUp = transmittanceLutRadiusAndCosine(earth, 0.0, 0.0);
    CHECK(groundUp.r_km == Approx(earth.bottomRadius_km));
    CHECK(groundUp.mu == Approx(1.0));
    const RadiusAndCosine groundHorizon = transmittanceLutRadiusAndCosine(earth, 1.0, 0.0);
    CHECK(groundHorizon.mu == Approx(0.0).margin(1e-9));
    const RadiusAndCosine topHorizon = transmittanceLutRadiusAndCosine(earth, 1.0, 1.0);
    CHECK(topHorizon.r_km == Approx(earth.topRadius_km));
    // From the top, the last ray that misses the ground dips below the horizontal.
    CHECK(topHorizon.mu == Approx(-std::sqrt(1.0 - std::pow(earth.bottomRadius_km / earth.topRadius_km, 2.0))));
}

TEST_CASE("the GPU transmittance table matches the CPU reference", "[render][atmosphere][gpu]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    AtmosphereLuts luts(context, shaderDir());
    const std::vector<glm::vec4> gpu = luts.readTransmittance();
    const std::vector<glm::vec4> cpu = transmittanceLutReference(luts.atmosphere());
    REQUIRE(gpu.size() == cpu.size());
    float worst = 0.0f;
    std::size_t at = 0;
    for (std::size_t i = 0; i < gpu.size(); ++i)
        for (int c = 0; c < 3; ++c)
            if (const float d = std::abs(gpu[i][c] - cpu[i][c]); d > worst) {
                worst = d;
                at = i;
            }
    INFO("largest difference " << worst << " at texel " << at % kTransmittanceWidth << "," << at / kTransmittanceWidth);
    CHECK(worst < 1e-4f);
    CHECK(context.validationCounts().total() == 0);
}

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;

// The sky-view table's texel nearest a direction (zenith angle, azimuth from the sun).
glm::vec4 lookUp(const std::vector<glm::vec4>& table, const AtmosphereParameters& a, double r, double zenith,
                 double azimuth) {
    const double horizon = horizonZenith(a, r);
    double y;
    if (zenith < horizon)
        y = 0.5 * (1.0 - std::sqrt(1.0 - zenith / horizon));
    else
        y = 0.5 + 0.5 * std::sqrt((zenith - horizon) / (3.14159265358979323846 - horizon));
    const double x = std::sqrt(azimuth / 3.14159265358979323846);
    const auto ix = static_cast<std::size_t>(std::lround(x * (kSkyViewWidth - 1)));
    const auto iy = static_cast<std::size_t>(std::lround(y * (kSkyViewHeight - 1)));
    return table[iy * kSkyViewWidth + ix];
}

}  // namespace

TEST_CASE("the horizon lies just below the level, by the dip the viewer's height gives", "[render][atmosphere]") {
    const AtmosphereParameters earth;
    CHECK(horizonZenith(earth, earth.bottomRadius_km) == Approx(90.0 * kDeg).margin(1e-9));
    // 550 m up: the dip is acos(R / r), about sqrt(2 h / R) = 0.75 degrees.
    const double r = earth.bottomRadius_km + 0.55;
    CHECK(horizonZenith(earth, r) == Approx(90.0 * kDeg + std::acos(earth.bottomRadius_km / r)).margin(1e-9));
    CHECK(horizonZenith(earth, r) < 91.0 * kDeg);
}

TEST_CASE("the noon sky is blue overhead and the sunset sky is warm towards the sun", "[render][atmosphere]") {
    const AtmosphereParameters earth;
    const std::vector<glm::vec4> transmittance = transmittanceLutReference(earth);
    const double r = earth.bottomRadius_km + 0.55;  // Abilene's plain, 546 m up
    const glm::dvec3 noonZenith = skyRadiance(earth, transmittance, r, {0.0, 0.0}, 30.0 * kDeg);
    CHECK(noonZenith.b > noonZenith.g);
    CHECK(noonZenith.g > noonZenith.r);
    // The sun 2 degrees up: low towards the sun the sky is red-orange, away from it dimmer.
    const double sunset = 88.0 * kDeg;
    const glm::dvec3 towards = skyRadiance(earth, transmittance, r, {87.0 * kDeg, 10.0 * kDeg}, sunset);
    const glm::dvec3 away = skyRadiance(earth, transmittance, r, {87.0 * kDeg, 180.0 * kDeg}, sunset);
    CHECK(towards.r > towards.b);
    CHECK(towards.r > away.r);
    // The horizon is brighter than the zenith at noon (a longer path through the air).
    const glm::dvec3 noonHorizon = skyRadiance(earth, transmittance, r, {89.0 * kDeg, 90.0 * kDeg}, 30.0 * kDeg);
    CHECK(noonHorizon.g > noonZenith.g);
    // The sun well below the horizon: the earth's shadow, nothing scattered.
    const glm::dvec3 night = skyRadiance(earth, transmittance, r, {0.0, 0.0}, 120.0 * kDeg);
    CHECK(night.b < 1e-3 * noonZenith.b);
}

TEST_CASE("the GPU sky-view table matches the CPU reference", "[render][atmosphere][gpu]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    AtmosphereLuts luts(context, shaderDir());
    const AtmosphereParameters& earth = luts.atmosphere();
    const std::vector<glm::vec4> transmittance = transmittanceLutReference(earth);
    const std::vector<glm::vec4> multiple = multipleScatteringLutReference(earth, transmittance);
    const double r = earth.bottomRadius_km + 0.55;
    for (const double sunZenith : {30.0 * kDeg, 85.0 * kDeg}) {
        luts.computeSkyView(r, sunZenith);
        const std::vector<glm::vec4> gpu = luts.readSkyView();
        const std::vector<glm::vec4> cpu = skyViewLutReference(earth, transmittance, multiple, r, sunZenith);
        REQUIRE(gpu.size() == cpu.size());
        double worst = 0.0;
        for (std::size_t i = 0; i < gpu.size(); ++i)
            for (int c = 0; c < 3; ++c)
                worst = std::max(worst, std::abs(static_cast<double>(gpu[i][c]) - cpu[i][c]) /
                                            std::max(1e-4, static_cast<double>(cpu[i][c])));
        INFO("sun zenith " << sunZenith / kDeg << " degrees: largest relative difference " << worst);
        CHECK(worst < 2e-3);
        // The table itself: the zenith blue, the texel towards the low sun warmer than away.
        const glm::vec4 zenith = lookUp(gpu, earth, r, 0.0, 0.0);
        CHECK(zenith.b > zenith.r);
    }
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("light scattered more than once brightens the sky, most where single scattering is weak",
          "[render][atmosphere]") {
    const AtmosphereParameters earth;
    const std::vector<glm::vec4> transmittance = transmittanceLutReference(earth);
    const std::vector<glm::vec4> multiple = multipleScatteringLutReference(earth, transmittance);
    const double r = earth.bottomRadius_km + 0.55;
    // Noon, overhead: some more, not a different sky.
    const glm::dvec3 single = skyRadiance(earth, transmittance, r, {0.0, 0.0}, 30.0 * kDeg);
    const glm::dvec3 all = skyRadiance(earth, transmittance, r, {0.0, 0.0}, 30.0 * kDeg, kSkyViewSteps, &multiple);
    INFO("noon zenith blue: single " << single.b << ", with higher orders " << all.b);
    CHECK(all.b > 1.05 * single.b);
    CHECK(all.b < 2.0 * single.b);
    // The sun just set (3 degrees below): overhead, the higher orders add more than they do at noon.
    const glm::dvec3 duskSingle = skyRadiance(earth, transmittance, r, {0.0, 0.0}, 93.0 * kDeg);
    const glm::dvec3 duskAll = skyRadiance(earth, transmittance, r, {0.0, 0.0}, 93.0 * kDeg, kSkyViewSteps, &multiple);
    INFO("dusk zenith blue: single " << duskSingle.b << ", with higher orders " << duskAll.b);
    CHECK(duskAll.b / duskSingle.b > all.b / single.b);
    // The series converges: every texel finite, not negative, far below the sun itself.
    for (const glm::vec4& texel : multiple) {
        CHECK(std::isfinite(texel.b));
        CHECK(texel.b >= 0.0f);
        CHECK(texel.b < 1.0f);
    }
}

TEST_CASE("the GPU multiple-scattering table matches the CPU reference", "[render][atmosphere][gpu]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    AtmosphereLuts luts(context, shaderDir());
    const std::vector<glm::vec4> gpu = luts.readMultipleScattering();
    const std::vector<glm::vec4> cpu =
        multipleScatteringLutReference(luts.atmosphere(), transmittanceLutReference(luts.atmosphere()));
    REQUIRE(gpu.size() == cpu.size());
    double worst = 0.0;
    for (std::size_t i = 0; i < gpu.size(); ++i)
        for (int c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(static_cast<double>(gpu[i][c]) - cpu[i][c]) /
                                        std::max(1e-5, static_cast<double>(cpu[i][c])));
    INFO("largest relative difference " << worst);
    CHECK(worst < 5e-3);  // float sums over 64 directions x 20 steps
    CHECK(context.validationCounts().total() == 0);
}
