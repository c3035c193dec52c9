// Captions that read the twin (ui/caption_fields.h): fields replaced by the state's values in
// their unit's precision, shares as percentages, and a tour naming an unknown field refused.
#include "twin/simulation.h"
#include "ui/caption_fields.h"
#include "ui/tour.h"

#include <catch2/catch.hpp>

#include "support/abilene_scenario.h"

using namespace ct;

TEST_CASE("caption fields read the twin's state", "[ui][tour][captions]") {
    twin::StateSnapshot state;
    state.campus.solar_mw = 212.4;
    state.campus.wind_mw = 3.26;
    state.campus.renewableShare = 0.314;
    state.campus.gasUnitsOnline = 4;
    state.weather.wind10m_ms = 19.46;
    CHECK(ui::fillCaption("Solar {campus:solar_power} MW, wind {campus:wind_power} MW", state) ==
          "Solar 212 MW, wind 3.3 MW");
    CHECK(ui::fillCaption("{campus:renewable_share:%} renewable", state) == "31 % renewable");
    CHECK(ui::fillCaption("{campus:gas_units_online} units; {weather:wind_speed} m/s", state) == "4 units; 19.5 m/s");
    CHECK(ui::fillCaption("no fields {here", state) == "no fields {here");
    CHECK(ui::fillCaption("{wtg-99:power}", state) == "-");

    const std::set<std::string> known = ui::captionFieldNames(state);
    CHECK_FALSE(ui::captionFieldProblem("{campus:solar_power} and {campus:gas_units_online}", known));
    CHECK(ui::captionFieldProblem("{campus:sun_power}", known).value_or("").rfind("{campus:sun_power}: no such", 0) ==
          0);
}

TEST_CASE("a tour caption naming no quantity of the twin is refused in one line", "[ui][tour][captions]") {
    const twin::Scenario& scenario = test::abilene();
    const std::string good = R"({"stops": [{"camera": "overview", "time": "2026-07-15T18:00",
        "caption": "Solar {campus:solar_power} MW, block {solar-a/block-03:ac_power} MW"}]})";
    const ui::TourResult loaded = ui::parseTour(good, "day.json", scenario);
    INFO(loaded.error);
    CHECK(loaded.tour);
    const std::string bad = R"({"stops": [{"camera": "overview", "time": "2026-07-15T18:00"},
        {"camera": "overview", "time": "2026-07-15T19:00", "caption": "Sun {campus:sunshine} MW"}]})";
    const ui::TourResult refused = ui::parseTour(bad, "day.json", scenario);
    CHECK_FALSE(refused.tour);
    CHECK(refused.error ==
          "day.json: stops[1].caption: {campus:sunshine}: no such quantity (\"entity:quantity\", e.g. "
          "{campus:solar_power})");
}
