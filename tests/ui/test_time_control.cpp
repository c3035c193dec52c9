// Time panel logic: play/pause, speed limits and decade steps, jumps in site-local time, and
// the presets, grid outage included.
#include "support/abilene_scenario.h"
#include "ui/time_control.h"

#include <catch2/catch.hpp>

using namespace ct;

TEST_CASE("the clock advances by wall time x speed only while playing", "[ui][time]") {
    ui::TimeControl clock(1000, 60.0);
    CHECK(clock.playing());
    CHECK(clock.tick(0.5) == Approx(30.0));
    CHECK(clock.now() == Approx(1030.0));
    clock.togglePlay();
    CHECK(clock.tick(10.0) == 0.0);
    CHECK(clock.now() == Approx(1030.0));
}

TEST_CASE("speed stays within 1x..100,000x and steps by decades", "[ui][time]") {
    ui::TimeControl clock(0, 1.0);
    clock.setSpeed(1e9);
    CHECK(clock.speed() == ui::TimeControl::kMaxSpeed);
    clock.setSpeed(0.01);
    CHECK(clock.speed() == ui::TimeControl::kMinSpeed);
    clock.slower();
    CHECK(clock.speed() == 1.0);
    clock.faster();
    CHECK(clock.speed() == Approx(10.0));
    clock.setSpeed(3600.0);
    clock.faster();
    CHECK(clock.speed() == Approx(10000.0));
    clock.setSpeed(3600.0);
    clock.slower();
    CHECK(clock.speed() == Approx(1000.0));
    for (int i = 0; i < 10; ++i)
        clock.faster();
    CHECK(clock.speed() == ui::TimeControl::kMaxSpeed);
}

TEST_CASE("a jump to local date and hour lands on the right UTC instant and asks for a restart", "[ui][time]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::TimeControl clock(0);
    const auto revision = clock.restartRevision();
    REQUIRE(clock.jumpToLocal(s.site, "2026-07-15", 15.5));  // CDT, UTC-5
    CHECK(static_cast<twin::UtcSeconds>(clock.now()) == *twin::parseIsoUtc("2026-07-15T20:30"));
    CHECK(clock.restartRevision() != revision);
    REQUIRE(clock.jumpToLocal(s.site, "2026-01-15", 6.0));  // CST, UTC-6
    CHECK(static_cast<twin::UtcSeconds>(clock.now()) == *twin::parseIsoUtc("2026-01-15T12:00"));
    CHECK_FALSE(clock.jumpToLocal(s.site, "2026-13-01", 6.0));
    CHECK_FALSE(clock.jumpToLocal(s.site, "2026-01-01", 24.0));
}

TEST_CASE("presets: the twin's weather presets plus grid-outage", "[ui][time]") {
    const auto names = ui::timePresetNames();
    CHECK(names == std::vector<std::string>{"none", "summer-design-day", "heat-wave", "freeze", "wind-lull",
                                            "storm-front", "grid-outage"});
    ui::TimeControl clock(0);
    CHECK(clock.applyPreset("heat-wave"));
    CHECK(clock.weatherPreset() == twin::WeatherPreset::HeatWave);
    CHECK(clock.applyPreset("grid-outage"));
    CHECK(clock.gridOutage());
    CHECK(clock.presetName() == "heat-wave + grid-outage");
    CHECK_FALSE(clock.applyPreset("tornado"));
    CHECK(clock.applyPreset("none"));
    CHECK_FALSE(clock.gridOutage());
    CHECK(clock.weatherPreset() == twin::WeatherPreset::None);

    const twin::Scenario outage = ui::withGridOutage(ct::test::abilene());
    for (int phase = 1; phase <= 4; ++phase)
        CHECK(outage.substation.importLimitAt(phase) == 0.0);
}
