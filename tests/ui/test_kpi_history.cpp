// KPI history: ring buffers keep the newest values; buildings keep 24 simulated hours at the
// sample interval; a jump back in time clears the plots.
#include "support/abilene_scenario.h"
#include "ui/kpi_history.h"

#include "twin/simulation.h"

#include <catch2/catch.hpp>

using namespace ct;

TEST_CASE("a ring buffer keeps the newest values, oldest first", "[ui][kpi]") {
    ui::RingBuffer ring(3);
    CHECK(ring.size() == 0);
    CHECK(ring.latest() == 0.0f);
    for (float v : {1.0f, 2.0f, 3.0f, 4.0f, 5.0f})
        ring.push(v);
    CHECK(ring.size() == 3);
    CHECK(ring.toVector() == std::vector<float>{3.0f, 4.0f, 5.0f});
    CHECK(ring.latest() == 5.0f);
    CHECK(ring.min() == 3.0f);
    CHECK(ring.max() == 5.0f);
    ring.clear();
    CHECK(ring.size() == 0);
}

TEST_CASE("campus series follow the snapshots, buildings keep the last 24 h", "[ui][kpi]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::KpiHistory history({.campusSamples = 100, .buildingWindow_s = 86400.0, .buildingInterval_s = 300.0});
    twin::Simulation sim(s, {.start = *twin::parseIsoUtc("2026-07-15T00:00"), .step_s = 300, .phase = 1});
    for (int i = 0; i < 12 * 30; ++i)
        history.record(sim.advance());  // 30 hours at 5 min
    CHECK(history.campus(ui::CampusSeries::ItMw).size() == 100);
    CHECK(history.campus(ui::CampusSeries::ItMw).latest() == Approx(sim.current().campus.it_mw));
    CHECK(history.campus(ui::CampusSeries::Pue).latest() == Approx(sim.current().campus.pue));

    const ui::RingBuffer* it = history.building("bldg-01", ui::BuildingSeries::ItMw);
    REQUIRE(it);
    CHECK(history.buildingCapacity() == 288);
    CHECK(it->size() == 288);  // the last 24 hours only
    CHECK(it->latest() == Approx(sim.current().buildings[0].it_mw));
    CHECK(it->max() > 50.0f);
    CHECK_FALSE(history.building("bldg-99", ui::BuildingSeries::ItMw));

    // Back in time: everything starts over.
    twin::Simulation earlier(s, {.start = *twin::parseIsoUtc("2026-07-01T00:00"), .step_s = 600, .phase = 1});
    history.record(earlier.advance());
    CHECK(history.campus(ui::CampusSeries::ItMw).size() == 1);
    CHECK(history.building("bldg-01", ui::BuildingSeries::ItMw)->size() == 1);
}

TEST_CASE("a fast clock samples buildings on the interval grid, not every step", "[ui][kpi]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::KpiHistory history;
    twin::Simulation sim(s, {.start = *twin::parseIsoUtc("2026-07-15T00:00"), .step_s = 60, .phase = 1});
    for (int i = 0; i < 60; ++i)
        history.record(sim.advance());  // one hour at 1 min
    // 00:01 (the first step), then 00:05, 00:10 .. 01:00.
    CHECK(history.building("bldg-01", ui::BuildingSeries::SupplyC)->size() == 13);
}
