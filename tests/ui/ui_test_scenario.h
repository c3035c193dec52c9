// The Abilene scenario, loaded once for the ui tests.
#pragma once

#include "twin/scenario_loader.h"

#include <stdexcept>
#include <string>

namespace ct::ui::test {

inline const twin::Scenario& abilene() {
    static const twin::ScenarioResult loaded = twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
    if (!loaded.ok()) throw std::runtime_error(loaded.error);
    return *loaded.scenario;
}

}  // namespace ct::ui::test
