// The Abilene scenario (scenarios/abilene.json), loaded once per test executable, and the
// simulation options the tests start it with. A test that needs to change it takes a copy.
#pragma once

#include "twin/civil_time.h"
#include "twin/scenario_loader.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <string>

namespace ct::test {

inline const twin::Scenario& abilene() {
    static const twin::ScenarioResult loaded = twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

// Noon of a July day, one-minute steps, the first phase, a fixed seed.
inline twin::SimulationOptions abileneOptions() {
    return {.start = *twin::parseIsoUtc("2026-07-15T12:00"), .step_s = 60.0, .phase = 1, .seed = 3};
}

}  // namespace ct::test
