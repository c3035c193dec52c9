// The shipped Abilene scenario and its Phase 1 quantities, loaded once per fuzzing process:
// what tours, bindings and telemetry are checked against in the program too.
#pragma once

#include "twin/scenario_loader.h"
#include "twin/simulation.h"
#include "twin/telemetry/binding_file.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace ct::fuzz {

inline const twin::Scenario& abilene() {
    static const twin::ScenarioResult loaded = twin::loadScenario(CT_SCENARIO_DIR "/abilene.json");
    if (!loaded.ok()) {
        std::fprintf(stderr, "%s\n", loaded.error.c_str());
        std::abort();
    }
    return *loaded.scenario;
}

inline const std::vector<twin::Quantity>& abileneQuantities() {
    static const std::vector<twin::Quantity> quantities =
        twin::Simulation(abilene(), {.start = *twin::parseIsoUtc("2026-07-15T12:00"), .step_s = 60.0, .phase = 1})
            .current()
            .quantities();
    return quantities;
}

// The binding a harness is set up with; it must load, or the harness itself is wrong.
inline const twin::telemetry::BindingFile& bindingOrAbort(const twin::telemetry::BindingResult& result) {
    if (!result.binding) {
        std::fprintf(stderr, "%s\n", result.error.c_str());
        std::abort();
    }
    return *result.binding;
}

}  // namespace ct::fuzz
