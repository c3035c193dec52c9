// Weather: the climate model's presets and daily cycle, and recorded weather files.
#include "twin/pv_system.h"
#include "twin/scenario_loader.h"
#include "twin/simulation.h"
#include "twin/weather.h"

#include <catch2/catch.hpp>

#include "support/abilene_scenario.h"
#include "support/expected_cases.h"

#include <cmath>
#include <fstream>
#include <sstream>

using namespace ct::twin;

namespace {
using ct::test::abilene;
}  // namespace

TEST_CASE("the summer design day peaks at 44 C in the afternoon and is clear", "[twin][weather]") {
    const Scenario& s = abilene();
    ClimateWeather weather(s.site, s.climate, 7, WeatherPreset::SummerDesignDay);
    const UtcSeconds midnightLocal = *parseIsoUtc("2026-07-15T05:00:00Z");
    double peak = -100.0;
    double low = 100.0;
    int peakHour = -1;
    for (int minute = 0; minute < 24 * 60; minute += 10) {
        const WeatherSample w = weather.sample(midnightLocal + minute * 60, 600.0);
        if (w.ambient_c > peak) {
            peak = w.ambient_c;
            peakHour = minute / 60;
        }
        low = std::min(low, w.ambient_c);
        CHECK(w.cloudiness == 0.0);
    }
    CHECK(peak == Approx(44.0).margin(0.05));
    CHECK(low == Approx(30.5).margin(0.05));
    CHECK(peakHour >= 14);
    CHECK(peakHour <= 16);
}

TEST_CASE("the climate model follows the monthly normals and is reproducible", "[twin][weather]") {
    const Scenario& s = abilene();
    auto meanOfMonth = [&](const char* start, std::uint64_t seed) {
        ClimateWeather weather(s.site, s.climate, seed);
        const UtcSeconds t0 = *parseIsoUtc(start);
        double sum = 0.0;
        double wind = 0.0;
        const int samples = 30 * 24;
        for (int h = 0; h < samples; ++h) {
            const WeatherSample w = weather.sample(t0 + h * 3600, 3600.0);
            sum += w.ambient_c;
            wind += w.wind10m_ms;
            REQUIRE(w.cloudiness >= 0.0);
            REQUIRE(w.cloudiness <= 1.0);
            REQUIRE(w.wind10m_ms >= 0.0);
        }
        return std::pair{sum / samples, wind / samples};
    };
    const auto [july, julyWind] = meanOfMonth("2026-07-01T00:00", 3);
    const auto [january, januaryWind] = meanOfMonth("2026-01-01T00:00", 3);
    const double julyNormal = 0.5 * (s.climate.monthlyHigh_c[6] + s.climate.monthlyLow_c[6]);
    const double januaryNormal = 0.5 * (s.climate.monthlyHigh_c[0] + s.climate.monthlyLow_c[0]);
    CHECK(july == Approx(julyNormal).margin(1.5));
    CHECK(january == Approx(januaryNormal).margin(2.0));
    CHECK(julyWind == Approx(s.climate.meanWind_ms).margin(1.5));

    ClimateWeather a(s.site, s.climate, 11);
    ClimateWeather b(s.site, s.climate, 11);
    ClimateWeather c(s.site, s.climate, 12);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const UtcSeconds t = *parseIsoUtc("2026-03-01T00:00") + i * 60;
        const WeatherSample wa = a.sample(t, 60.0);
        const WeatherSample wb = b.sample(t, 60.0);
        const WeatherSample wc = c.sample(t, 60.0);
        REQUIRE(wa.ambient_c == wb.ambient_c);
        REQUIRE(wa.wind10m_ms == wb.wind10m_ms);
        differs = differs || wa.wind10m_ms != wc.wind10m_ms;
    }
    CHECK(differs);
}

TEST_CASE("a weather file is sorted and interpolated", "[twin][weather]") {
    WeatherFileResult loaded = loadWeatherFile(std::string(CT_TEST_DATA_DIR) + "/weather/ok.csv");
    INFO(loaded.error);
    REQUIRE(loaded.source);
    const WeatherSample mid = loaded.source->sample(*parseIsoUtc("2026-07-15T13:30:00Z"), 60.0);
    CHECK(mid.ambient_c == Approx(32.5));
    CHECK(mid.wind10m_ms == Approx(5.0));
    CHECK(mid.windFrom_deg == Approx(185.0));
    REQUIRE(mid.ghi_wm2.has_value());
    CHECK(*mid.ghi_wm2 == Approx(550.0));
    // Before the first and after the last row the ends hold.
    CHECK(loaded.source->sample(*parseIsoUtc("2026-07-14T00:00:00Z"), 60.0).ambient_c == Approx(30.0));
    CHECK(loaded.source->sample(*parseIsoUtc("2026-07-16T00:00:00Z"), 60.0).ambient_c == Approx(40.0));
}

TEST_CASE("broken weather files give one line naming the file, the line and the problem",
          "[twin][weather][bad-input]") {
    const std::string dir = std::string(CT_TEST_DATA_DIR) + "/weather/";
    int cases = 0;
    for (const auto& [file, expected] : ct::test::readExpectedCases(dir + "expected.tsv")) {
        const WeatherFileResult result = loadWeatherFile(dir + file);
        INFO(file << ": " << result.error);
        CHECK_FALSE(result.source);
        CHECK(result.error.find(file) != std::string::npos);
        CHECK(result.error.find(expected) != std::string::npos);
        CHECK(result.error.find('\n') == std::string::npos);
        ++cases;
    }
    CHECK(cases >= 8);
}

TEST_CASE("presets are named", "[twin][weather]") {
    CHECK(parseWeatherPreset("summer-design-day") == WeatherPreset::SummerDesignDay);
    CHECK(parseWeatherPreset("freeze") == WeatherPreset::Freeze);
    CHECK_FALSE(parseWeatherPreset("hurricane"));
    CHECK(std::string(presetName(WeatherPreset::WindLull)) == "wind-lull");
}

TEST_CASE("the storm-front preset: a fair morning, then the cloud bank and a gust front past cut-out",
          "[twin][weather][simulation]") {
    const Scenario& s = ct::test::abilene();
    // 2026-07-15, CDT (UTC-5): 13:00Z is 08:00 local.
    Simulation sim(s, {.start = *parseIsoUtc("2026-07-15T13:00"),
                       .step_s = 300.0,
                       .phase = 2,
                       .seed = 3,
                       .preset = WeatherPreset::StormFront});
    int morning = 0, storm = 0;
    for (int i = 0; i < 12 * 12; ++i) {
        const StateSnapshot& st = i == 0 ? sim.current() : sim.advance();
        const double localHour = std::fmod(static_cast<double>(st.time % 86400) / 3600.0 + 24.0 - 5.0, 24.0);
        if (localHour >= 8.0 && localHour < 13.0) {
            ++morning;
            CHECK(st.weather.cloudiness < 0.6);
            CHECK(st.weather.wind10m_ms < 15.0);
        }
        if (localHour >= 15.5 && localHour <= 16.5) {
            ++storm;
            CHECK(st.weather.cloudiness > 0.85);
            CHECK(st.weather.wind10m_ms >= kTrackerStowWind_ms);
            CHECK(std::abs(st.weather.windFrom_deg - 320.0) < 1.0);
            CHECK(st.campus.wind_mw == 0.0);  // every turbine past cut-out
            for (const TurbineSnapshot& t : st.turbines)
                CHECK(t.rotor_rpm == 0.0);
            for (const SolarFarmSnapshot& f : st.solarFarms)
                CHECK(f.trackerAngle_deg == 0.0);  // stowed
        }
    }
    CHECK(morning > 50);
    CHECK(storm == 13);
}
