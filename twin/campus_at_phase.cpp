#include "twin/campus_at_phase.h"

#include "twin/scenario_loader.h"

#include <algorithm>
#include <set>

namespace ct::twin {

int CampusAtPhase::count(EntityKind kind) const {
    return static_cast<int>(
        std::count_if(entities.begin(), entities.end(), [kind](const StandingEntity& e) { return e.kind == kind; }));
}

CampusAtPhase campusAtPhase(const Scenario& scenario, int phase) {
    CampusAtPhase standing;
    standing.phase = phase;
    standing.scenarioPath = scenario.sourcePath;
    auto add = [&](EntityKind kind, const std::string& id, const std::string& modelKey, Vec2 position,
                   double rotation_deg) -> StandingEntity& {
        standing.entities.push_back(
            {kind, id, modelKey, resolveModelPath(scenario, modelKey), position, rotation_deg, nullptr, nullptr});
        return standing.entities.back();
    };
    if (!scenario.terrainModel.empty()) add(EntityKind::Terrain, "terrain", scenario.terrainModel, {}, 0.0);
    for (const Building* b : buildingsAtPhase(scenario, phase))
        add(EntityKind::Building, b->id, b->model, b->position, b->rotation_deg);
    for (const SolarFarm* farm : solarFarmsAtPhase(scenario, phase))
        add(EntityKind::SolarFarm, farm->id, farm->model, farm->position, farm->rotation_deg).solarFarm = farm;
    for (const Turbine* turbine : turbinesAtPhase(scenario, phase)) {
        // Rotors face the prevailing wind: the model's rotor faces north (-z) unturned.
        add(EntityKind::Turbine, turbine->id, scenario.turbineTypes.at(turbine->type).model, turbine->position,
            -scenario.climate.prevailingWind_deg);
    }
    if (gasPlantAtPhase(scenario, phase))
        add(EntityKind::GasPlant, scenario.gasPlant.id, scenario.gasPlant.model, scenario.gasPlant.position,
            scenario.gasPlant.rotation_deg);
    if (!scenario.substation.model.empty())
        add(EntityKind::Substation, scenario.substation.id, scenario.substation.model, scenario.substation.position,
            scenario.substation.rotation_deg);
    for (const Battery* battery : batteriesAtPhase(scenario, phase))
        add(EntityKind::Battery, battery->id, battery->model, battery->position, battery->rotation_deg);
    for (const SiteWork& work : scenario.siteWorks)
        if (work.phase <= phase)
            standing.entities.push_back(
                {EntityKind::SiteWork, work.id, {}, {}, work.position, work.rotation_deg, nullptr, &work});

    std::set<std::string> ids;
    for (const StandingEntity& e : standing.entities)
        ids.insert(e.id);
    for (std::size_t i = 0; i < scenario.bindings.size(); ++i) {
        const Binding& binding = scenario.bindings[i];
        if (ids.count(binding.entity.substr(0, binding.entity.find('/')))) standing.bindings.push_back({binding, i});
    }
    return standing;
}

}  // namespace ct::twin
