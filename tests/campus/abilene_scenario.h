// The Abilene scenario, loaded once for the campus tests.
#pragma once

#include "twin/scenario_loader.h"

#include <catch2/catch.hpp>

#include <string>

namespace ct::test {

inline const twin::Scenario& abilene() {
    static const twin::ScenarioResult loaded = twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    return *loaded.scenario;
}

}  // namespace ct::test
