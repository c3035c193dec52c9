// The whole twin stepping through time: energy balance at every step of a year, determinism,
// phases, and the state snapshot's keyed quantities.
#include "twin/scenario_loader.h"
#include "twin/wind_turbine.h"

#include <cmath>
#include <set>
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include "support/abilene_scenario.h"

#include <cmath>

using namespace ct::twin;

namespace {
using ct::test::abilene;

double imbalance(const CampusKpis& k) {
    return k.solar_mw + k.wind_mw + k.battery_mw + k.grid_mw + k.gas_mw + k.loadShed_mw - k.facility_mw;
}
}  // namespace

TEST_CASE("every step of a year at 15-minute steps balances to 1e-6 MW", "[twin][simulation][year]") {
    const Scenario& s = abilene();
    Simulation sim(s, {.start = *parseIsoUtc("2026-01-01T00:00"), .step_s = 900.0, .phase = 4, .seed = 5});
    const int steps = 365 * 96;
    double worst = 0.0;
    double shedEnergy = 0.0;
    double solarEnergy = 0.0;
    double windEnergy = 0.0;
    for (int i = 0; i < steps; ++i) {
        const StateSnapshot& st = i == 0 ? sim.current() : sim.advance();
        const CampusKpis& k = st.campus;
        REQUIRE(std::isfinite(k.facility_mw));
        worst = std::max(worst, std::abs(imbalance(k)));
        REQUIRE(k.loadShed_mw >= -1e-9);
        REQUIRE(k.grid_mw <= s.substation.importLimitAt(4) + 1e-6);
        shedEnergy += k.loadShed_mw * 0.25;
        solarEnergy += k.solar_mw * 0.25;
        windEnergy += k.wind_mw * 0.25;
    }
    CHECK(worst <= 1e-6);
    CHECK(solarEnergy > 0.0);
    CHECK(windEnergy > 0.0);
    // Build-out is far beyond gas plus grid: the shortfall shows as load shed, not as made-up power.
    CHECK(shedEnergy > 0.0);
}

TEST_CASE("same seed, same state, another seed, another state", "[twin][simulation]") {
    const Scenario& s = abilene();
    auto run = [&](std::uint64_t seed) {
        Simulation sim(s, {.start = *parseIsoUtc("2026-07-15T00:00"), .step_s = 30.0, .phase = 2, .seed = seed});
        std::vector<double> trace;
        for (int i = 0; i < 600; ++i) {
            const StateSnapshot& st = sim.advance();
            trace.push_back(st.campus.it_mw);
            trace.push_back(st.campus.gas_mw);
            trace.push_back(st.weather.wind10m_ms);
        }
        return trace;
    };
    CHECK(run(9) == run(9));
    CHECK(run(9) != run(10));
}

TEST_CASE("buildings of later phases carry no load, and phase dates set the states", "[twin][simulation]") {
    const Scenario& s = abilene();
    Simulation phase1(s, {.start = *parseIsoUtc("2026-07-15T00:00"), .phase = 1});
    int energised = 0;
    for (const BuildingSnapshot& b : phase1.current().buildings) {
        if (b.state == BuildingState::Energised) {
            ++energised;
            CHECK(b.it_mw > 0.0);
            CHECK(b.pue > 1.0);
        } else {
            CHECK(b.it_mw == 0.0);
        }
    }
    CHECK(energised == 2);

    // By date: in mid-2026, Phase 1 runs; phases whose construction has started are building.
    const UtcSeconds t = *parseIsoUtc("2026-07-15T00:00");
    Simulation byDate(s, {.start = t});
    int expectedUnderConstruction = 0;
    for (const Building& b : s.buildings) {
        const Phase& phase = s.phases.at(b.phase - 1);
        expectedUnderConstruction += *parseIsoUtc(phase.constructionStart) <= t && t < *parseIsoUtc(phase.energised);
    }
    int underConstruction = 0;
    for (const BuildingSnapshot& b : byDate.current().buildings)
        underConstruction += b.state == BuildingState::UnderConstruction;
    CHECK(expectedUnderConstruction >= 6);
    CHECK(underConstruction == expectedUnderConstruction);
}

TEST_CASE("snapshot quantities are keyed by entity, with units and provenance", "[twin][simulation]") {
    const Scenario& s = abilene();
    Simulation sim(s, {.start = *parseIsoUtc("2026-07-15T18:00"), .phase = 1});
    const std::vector<Quantity> quantities = sim.current().quantities();
    bool sawBuilding = false;
    bool sawBank = false;
    for (const Quantity& q : quantities) {
        CHECK_FALSE(q.unit.empty());
        CHECK(q.provenance == Provenance::Simulated);
        CHECK(std::isfinite(q.value));
        sawBuilding = sawBuilding || (q.entity == s.buildings[0].id && q.name == "it_power" && q.unit == "MW");
        sawBank = sawBank || (q.entity == s.buildings[0].id + "/cooler-01" && q.name == "heat_rejected");
    }
    CHECK(sawBuilding);
    CHECK(sawBank);
}

TEST_CASE("warmer cooler inlet air raises the building's cooling power", "[twin][simulation][coupling]") {
    const Scenario& s = abilene();
    const SimulationOptions options{.start = *parseIsoUtc("2026-07-15T20:00"), .phase = 1, .seed = 3};
    Simulation ambient(s, options);
    Simulation heated(s, options);
    const BuildingSnapshot& before = ambient.current().buildings[0];
    std::vector<double> hot(before.bankInlet_c.size(), before.bankInlet_c[0] + 6.0);
    heated.setCoolerInletAir(0, hot);
    const BuildingSnapshot& after = heated.advance().buildings[0];
    const BuildingSnapshot& reference = ambient.advance().buildings[0];
    CHECK(after.cooling_mw > reference.cooling_mw);
    CHECK(after.pue > reference.pue);
}

TEST_CASE("the grid import limit follows the substation's growth by phase", "[twin][simulation]") {
    const Scenario& s = abilene();
    REQUIRE(s.substation.gridImportLimitByPhase_mw.size() == s.phases.size());
    CHECK(s.substation.importLimitAt(1) == Approx(200.0));
    CHECK(s.substation.importLimitAt(2) == Approx(1000.0));
    // Phase 2 draws more than the Phase 1 substation could give, never more than the grown one.
    Simulation sim(s, {.start = *parseIsoUtc("2026-07-15T00:00"), .step_s = 60.0, .phase = 2});
    double maxGrid = 0.0;
    for (int i = 0; i < 120; ++i)
        maxGrid = std::max(maxGrid, sim.advance().campus.grid_mw);
    CHECK(maxGrid > 200.0);
    CHECK(maxGrid <= 1000.0 + 1e-6);
}

TEST_CASE("rotors and nacelles carry over from step to step as the pose between steps says", "[twin][simulation]") {
    const Scenario& s = abilene();
    Simulation sim(s, {.start = *parseIsoUtc("2026-07-15T00:00"), .step_s = 60.0, .phase = 4, .seed = 3});
    std::vector<TurbineSnapshot> before = sim.current().turbines;
    REQUIRE(before.size() > 10);
    int turning = 0;
    std::set<long> phases;
    for (int i = 0; i < 30; ++i) {
        const std::vector<TurbineSnapshot> after = sim.advance().turbines;
        REQUIRE(after.size() == before.size());
        for (std::size_t t = 0; t < after.size(); ++t) {
            const TurbinePose expected = turbinePoseAfter(before[t], 60.0);
            CHECK(after[t].rotorAngle_deg == Approx(expected.rotorAngle_deg).margin(1e-9));
            CHECK(after[t].yaw_deg == Approx(expected.yaw_deg).margin(1e-9));
            if (before[t].rotor_rpm > 0.0) ++turning;
        }
        before = after;
    }
    CHECK(turning > 0);
    for (const TurbineSnapshot& t : sim.current().turbines)
        phases.insert(std::lround(t.rotorAngle_deg));
    CHECK(phases.size() > before.size() / 2);  // each rotor at an angle of its own
}

TEST_CASE("cooler fans turn by their bank's fan speed from step to step, an idle building's stand still",
          "[twin][simulation][cooling]") {
    const Scenario& s = abilene();
    // Phase 2 energised, the later phases' buildings not built.
    Simulation sim(s, {.start = *parseIsoUtc("2026-07-15T18:00"), .step_s = 60.0, .phase = 2, .seed = 3});
    std::vector<BuildingSnapshot> before = sim.current().buildings;
    int running = 0, idle = 0;
    for (int i = 0; i < 5; ++i) {
        const std::vector<BuildingSnapshot> after = sim.advance().buildings;
        for (std::size_t b = 0; b < after.size(); ++b) {
            const BuildingSnapshot& was = before[b];
            REQUIRE(after[b].bankFanAngle_deg.size() == was.bankFanAngle_deg.size());
            for (std::size_t k = 0; k < was.bankFanAngle_deg.size(); ++k)
                CHECK(after[b].bankFanAngle_deg[k] == Approx(coolerFanAngleAfter(was, k, 60.0)).margin(1e-9));
            if (after[b].state == BuildingState::NotBuilt) {
                // No heat to reject: every bank's fans still, where they stood.
                for (std::size_t k = 0; k < after[b].bankFanAngle_deg.size(); ++k)
                    CHECK((k < after[b].bankFan_rpm.size() ? after[b].bankFan_rpm[k] : 0.0) == 0.0);
                CHECK(after[b].bankFanAngle_deg == was.bankFanAngle_deg);
                ++idle;
                continue;
            }
            REQUIRE(after[b].bankFan_rpm.size() == after[b].bankHeat_mw.size());
            if (after[b].state != BuildingState::Energised) continue;
            for (const double rpm : after[b].bankFan_rpm) {
                // Between the coolers' slowest (a fifth of design) and fastest (twice) speeds.
                CHECK(rpm >= 0.2 * s.cooling.fanDesign_rpm - 1e-9);
                CHECK(rpm <= 2.0 * s.cooling.fanDesign_rpm + 1e-9);
            }
            ++running;
        }
        before = after;
    }
    CHECK(running > 0);
    CHECK(idle > 0);
    // A bank's fan speed is a quantity of its own, as telemetry would report it.
    bool found = false;
    for (const Quantity& q : sim.current().quantities())
        if (q.entity == "bldg-01/cooler-01" && q.name == "fan_speed") {
            found = true;
            CHECK(q.unit == "rpm");
            CHECK(q.value == sim.current().buildings.front().bankFan_rpm.front());
        }
    CHECK(found);
    // Half a minute on, a bank at 210 rpm has turned 37,800 degrees: 0 modulo 360.
    BuildingSnapshot one;
    one.bankFan_rpm = {210.0};
    one.bankFanAngle_deg = {10.0};
    CHECK(coolerFanAngleAfter(one, 0, 30.0) == Approx(10.0).margin(1e-9));
    CHECK(coolerFanAngleAfter(one, 0, 1.0 / 14.0) == Approx(100.0).margin(1e-9));
    CHECK(coolerFanAngleAfter(one, 1, 1.0) == 0.0);  // no such bank
}
