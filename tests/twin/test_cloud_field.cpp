// The cloud field: its cover matches the weather's cloudiness, it tiles, it drifts continuously
// downwind, and in the simulation a cloud's shadow lowers the output of the solar block it falls on.
#include "twin/cloud_field.h"
#include "twin/pv_system.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include "support/abilene_scenario.h"

#include <cmath>

using namespace ct::twin;

namespace {

// The mean of `value(x, z)` over a 300 km square (a hundred cells of the pattern), on a 200 x 200 grid.
template <typename Value>
double regionMean(Value value) {
    constexpr int kSide = 200;
    double sum = 0.0;
    for (int i = 0; i < kSide; ++i)
        for (int j = 0; j < kSide; ++j)
            sum += value((i - kSide / 2) * 1501.0, (j - kSide / 2) * 1499.0);
    return sum / (kSide * kSide);
}

SolarPosition sunAt(double elevation_deg, double azimuth_deg) {
    SolarPosition sun;
    sun.elevation_deg = elevation_deg;
    sun.zenith_deg = 90.0 - elevation_deg;
    sun.azimuth_deg = azimuth_deg;
    return sun;
}

}  // namespace

TEST_CASE("the field covers the sky the weather's cloudiness asks for, and loses that share of the light",
          "[twin][clouds]") {
    const SolarPosition noon = sunAt(70.0, 180.0);
    for (const double cloudiness : {0.1, 0.3, 0.5, 0.7, 0.9}) {
        const CloudLayer layer = cloudLayerFor(12345u, cloudiness, {}, 60.0, 10.0, 200.0);
        const double cover = regionMean([&](double x, double z) {
            return cloudDensity(layer, cloudPattern(layer.seed, static_cast<float>(x), static_cast<float>(z)));
        });
        const double lost = regionMean([&](double x, double z) { return cloudShadeAt(layer, x, z, noon); });
        INFO("cloudiness " << cloudiness << ": cover " << cover << " (asked " << layer.cover << "), lost " << lost);
        CHECK(cover == Approx(layer.cover).margin(0.06));
        CHECK(lost == Approx(cloudiness).margin(0.05));
    }
    const CloudLayer clear = cloudLayerFor(12345u, 0.0, {}, 60.0, 10.0, 200.0);
    CHECK(regionMean([&](double x, double z) { return cloudShadeAt(clear, x, z, noon); }) == 0.0);
}

TEST_CASE("the pattern tiles every period, differs between seeds, and spans clear sky to cloud", "[twin][clouds]") {
    int differs = 0;
    float lowest = 1.0f, highest = 0.0f;
    for (int i = 0; i < 400; ++i) {
        const float x = -20000.0f + 97.0f * i;
        const float z = 15000.0f - 61.0f * i;
        const float here = cloudPattern(7u, x, z);
        CHECK(cloudPattern(7u, x + static_cast<float>(kCloudPeriod_m), z) == Approx(here).margin(1e-4));
        CHECK(cloudPattern(7u, x, z - static_cast<float>(kCloudPeriod_m)) == Approx(here).margin(1e-4));
        differs += std::abs(cloudPattern(8u, x, z) - here) > 0.05f;
        lowest = std::min(lowest, here);
        highest = std::max(highest, here);
    }
    CHECK(differs > 300);
    CHECK(lowest < 0.3f);
    CHECK(highest > 0.7f);
}

TEST_CASE("clouds drift downwind, continuously from step to step", "[twin][clouds]") {
    // Wind from the south-west (225 degrees) at 10 m/s: the pattern moves north-east (+x, -z).
    const CloudLayer first = cloudLayerFor(1u, 0.4, {}, 60.0, 10.0, 225.0);
    CHECK(first.velocityX_ms == Approx(7.0711).margin(1e-3));
    CHECK(first.velocityZ_ms == Approx(-7.0711).margin(1e-3));
    const CloudLayer second = cloudLayerFor(1u, 0.4, first, 60.0, 4.0, 90.0);
    const CloudLayer between = cloudLayerAfter(first, 60.0);
    CHECK(second.driftX_m == Approx(between.driftX_m).margin(1e-9));
    CHECK(second.driftZ_m == Approx(between.driftZ_m).margin(1e-9));
    CHECK(second.driftX_m == Approx(424.26).margin(0.01));
    CHECK(second.driftZ_m == Approx(kCloudPeriod_m - 424.26).margin(0.01));  // kept within a period
    // A cloud seen at x from the ground stands at x + 424 m a minute later.
    const SolarPosition overhead = sunAt(90.0, 0.0);
    int followed = 0;
    for (int i = 0; i < 200; ++i) {
        const double x = 37.0 * i - 3000.0, z = 11.0 * i;
        followed += std::abs(cloudShadeAt(first, x, z, overhead) -
                             cloudShadeAt(between, x + 424.264, z - 424.264, overhead)) < 1e-3;
    }
    CHECK(followed == 200);
}

TEST_CASE("a low sun throws a cloud's shadow away from the sun", "[twin][clouds]") {
    // Sun in the east at 30 degrees: the shadow of a cloud lies base / tan 30 (4.3 km) west of it.
    const CloudLayer layer = cloudLayerFor(3u, 0.5, {}, 60.0, 0.0, 0.0);
    const SolarPosition overhead = sunAt(90.0, 0.0);
    const SolarPosition east = sunAt(30.0, 90.0);
    const double offset = kCloudBase_m / std::tan(30.0 * 3.14159265358979 / 180.0);
    for (int i = 0; i < 50; ++i) {
        const double x = 211.0 * i, z = -73.0 * i;
        CHECK(cloudShadeAt(layer, x - offset, z, east) == Approx(cloudShadeAt(layer, x, z, overhead)).margin(1e-3));
    }
}

TEST_CASE("solar blocks: rows shared out, centres where the rows stand", "[twin][clouds][solar]") {
    SolarFarm farm;
    farm.rows = 95;
    farm.blocks = 10;
    farm.rowPitch_m = 5.0;
    farm.position = {1000.0, -200.0};
    int rows = 0;
    for (int b = 0; b < 10; ++b) {
        const RowRange range = solarBlockRows(farm, b);
        CHECK(range.end - range.first >= 9);
        CHECK(range.end - range.first <= 10);
        rows += range.end - range.first;
    }
    CHECK(rows == 95);
    // Rows at -235 .. 235 m: the first block's nine or ten at the west end, centred 4-4.5 pitches in.
    CHECK(solarBlockCentre(farm, 0).x == Approx(1000.0 - 235.0 + 4.5 * 5.0).margin(2.5));
    CHECK(solarBlockCentre(farm, 9).x == Approx(1000.0 + 235.0 - 4.5 * 5.0).margin(2.5));
    farm.rotation_deg = 90.0;  // rows now run east-west, block 0 at the south end (+z)
    CHECK(solarBlockCentre(farm, 0).z == Approx(-200.0 + 235.0 - 4.5 * 5.0).margin(2.5));
    CHECK(solarBlockCentre(farm, 0).x == Approx(1000.0).margin(1e-6));
}

TEST_CASE("a cloud's shadow over a solar block lowers that block's output, not its neighbours'",
          "[twin][clouds][simulation]") {
    const Scenario& s = ct::test::abilene();
    // A day of 5-minute steps in July with the farm built: find midday steps where one block of a
    // farm lies under a cloud's core and another in the clear.
    Simulation sim(s, {.start = *parseIsoUtc("2026-07-15T14:00"), .step_s = 300.0, .phase = 4, .seed = 11});
    int contrasts = 0;
    int shadedSteps = 0;
    for (int i = 0; i < 12 * 10; ++i) {
        const StateSnapshot& st = i == 0 ? sim.current() : sim.advance();
        if (st.sun.elevation_deg < 30.0) continue;
        for (const SolarFarmSnapshot& farm : st.solarFarms) {
            REQUIRE(farm.blocks.size() == 10);
            double sum = 0.0;
            for (const SolarBlockSnapshot& block : farm.blocks)
                sum += block.ac_mw;
            CHECK(sum == Approx(farm.ac_mw).margin(1e-9));
            const auto darkest = std::max_element(farm.blocks.begin(), farm.blocks.end(),
                                                  [](auto& a, auto& b) { return a.cloudShade < b.cloudShade; });
            const auto clearest = std::min_element(farm.blocks.begin(), farm.blocks.end(),
                                                   [](auto& a, auto& b) { return a.cloudShade < b.cloudShade; });
            shadedSteps += darkest->cloudShade > 0.05;
            if (darkest->cloudShade < 0.5 || clearest->cloudShade > 0.05) continue;
            ++contrasts;
            CHECK(darkest->poa_wm2 < 0.6 * clearest->poa_wm2);
            CHECK(darkest->ac_mw < 0.6 * clearest->ac_mw);
        }
    }
    INFO("steps with a farm partly under cloud: " << contrasts << ", with any shade: " << shadedSteps);
    CHECK(contrasts >= 3);
}
