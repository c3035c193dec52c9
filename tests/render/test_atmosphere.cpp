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
