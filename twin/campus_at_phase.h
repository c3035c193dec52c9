// The campus as it stands at a phase: every entity built by then, in the order it is drawn,
// each with its model file resolved against the scenario's folder (a loaded scenario has
// checked that every one is on disk) and where it stands. The twin produces it once; the
// campus composition (campus/campus_scene) places exactly these and asks the scenario nothing
// more, and the planner counts from the same list.
//
//   const CampusAtPhase standing = campusAtPhase(scenario, 2);
//   for (const StandingEntity& e : standing.entities) place(e.modelPath, e.id, e.position, e.rotation_deg);
#pragma once

#include "twin/scenario.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace ct::twin {

enum class EntityKind { Terrain, Building, SolarFarm, Turbine, GasPlant, Substation, Battery, SiteWork };

struct StandingEntity {
    EntityKind kind = EntityKind::Building;
    std::string id;                        // "terrain" for the ground
    std::string modelKey;                  // the scenario's key, for messages
    std::filesystem::path modelPath;       // resolved: the file to load
    Vec2 position;                         // metres east (x) and south (y) of the site origin
    double rotation_deg = 0.0;             // about +y, counter-clockwise seen from above
    const SolarFarm* solarFarm = nullptr;  // Kind::SolarFarm: its rows and panels
    const SiteWork* siteWork = nullptr;    // Kind::SiteWork: made by the campus from this, no model
};

struct CampusAtPhase {
    int phase = 0;
    std::string scenarioPath;  // for messages
    std::vector<StandingEntity>
        entities;  // terrain, buildings, solar farms, turbines, gas plant, substation, batteries
    struct StandingBinding {
        Binding binding;
        std::size_t index = 0;  // in the scenario's bindings, for messages (/bindings/<index>)
    };
    std::vector<StandingBinding> bindings;  // those of the standing entities
    int count(EntityKind kind) const;
};

// `scenario` must outlive the result (solar farms are referred to, not copied). Phase 0 gives
// the site before construction: terrain and substation only.
CampusAtPhase campusAtPhase(const Scenario& scenario, int phase);

}  // namespace ct::twin
