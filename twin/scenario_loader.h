// Loading and validating a scenario file (schema: docs/scenario.md).
//
//     ct::twin::ScenarioResult result = ct::twin::loadScenario("scenarios/abilene.json");
//     if (!result.ok()) { std::cerr << result.error << "\n"; return 2; }
//     const ct::twin::Scenario& campus = *result.scenario;
//     for (const ct::twin::Building* b : ct::twin::buildingsAtPhase(campus, 2)) { ... }
//
// A file that loads is consistent: every id is unique across all entities, every reference
// (model, turbine type, phase, binding) points at something that exists, every model file is
// on disk, every figure is in range. A file that does not load yields exactly one error line,
// "<file>: <JSON pointer>: <problem>", for the first problem found; for broken JSON the pointer
// is replaced by "line L, column C".
#pragma once

#include "twin/scenario.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ct::twin {

struct ScenarioResult {
    std::optional<Scenario> scenario;
    std::string error;  // one line, empty when ok()
    bool ok() const { return scenario.has_value(); }
};

[[nodiscard]] ScenarioResult loadScenario(const std::filesystem::path& path);

// The file of models[modelKey], resolved against the scenario file's folder. Empty for a key
// that is not in the map (a loaded scenario never refers to one).
std::filesystem::path resolveModelPath(const Scenario& scenario, const std::string& modelKey);

// The entities standing at phase `phase`: those whose own phase is <= `phase`, in file order.
// Phase 0 (before construction) gives none; a phase past the last gives all.
std::vector<const Building*> buildingsAtPhase(const Scenario& scenario, int phase);
std::vector<const SolarFarm*> solarFarmsAtPhase(const Scenario& scenario, int phase);
std::vector<const Turbine*> turbinesAtPhase(const Scenario& scenario, int phase);
std::vector<const Battery*> batteriesAtPhase(const Scenario& scenario, int phase);
bool gasPlantAtPhase(const Scenario& scenario, int phase);

}  // namespace ct::twin
