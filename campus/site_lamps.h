// The campus's lamps at night (render/lamps.h), placed from what stands:
//   - floodlights on 10 m poles every 40 m along a perimeter road 12 m outside each data-center
//     building's yard, and on 8 m poles every 30 m around the substation, the gas plant and the
//     battery yards (security and working light; assumed, as no lighting plan is published);
//   - a red aviation obstruction light on every turbine's nacelle, flashing 30 times a minute,
//     all in unison (FAA Advisory Circular 70/7460-1M, chapter 13: L-864 red flashing lights on
//     wind turbines at night, synchronised across the farm).
//   - status lights on each battery yard: a green, an amber and a white one at each corner, on
//     empty nodes "<id>/status_charging", "/status_discharging", "/status_idle" (kBatteryStatus);
//     campus/campus_motion.h hides all but the one the twin's battery flow says;
//   - a status light on each gas unit's hall roof, green steady online, amber flashing while it
//     starts, dark off, on empty nodes "<unit>/status_online", "/status_starting" (kGasUnitStatus).
// Each lamp belongs to its entity's root node (or a node under it), so a building not yet built is
// dark too.
#pragma once

#include "campus/campus_scene.h"
#include "render/lamps.h"
#include "twin/campus_at_phase.h"

#include <vector>

namespace ct::campus {

std::vector<render::Lamp> siteLamps(const twin::CampusAtPhase& standing, const CampusScene& campus);

// The battery yards' status nodes, by what the batteries do.
constexpr const char* kBatteryStatus[3] = {"/status_charging", "/status_discharging", "/status_idle"};

// A gas unit's status nodes, under its node ("<plant>/unit_NN"), by its state.
constexpr const char* kGasUnitStatus[2] = {"/status_online", "/status_starting"};

// Adds each battery's and each gas unit's empty status nodes (before siteLamps hangs lights on them).
void addStatusNodes(const twin::CampusAtPhase& standing, CampusScene& campus);

// The gas plant's unit nodes, in unit order ("<plant>/unit_01", "unit_02"...; -1 for a number missing).
std::vector<int> gasUnitNodes(const scene::Scene& scene, const std::string& plant);

// The obstruction lights' rate and colour, for tests and the docs.
constexpr float kObstructionFlashesPerMinute = 30.0f;

}  // namespace ct::campus
