// The typed field behind each quantity of StateSnapshot::quantities(), so a measurement can
// replace the simulated value where the UI and the KPI output read it (BuildingSnapshot::it_mw
// for "bldg-01"/"it_power"). Mirrors twin/state.cpp; a test walks every quantity of a real
// snapshot through here so the two cannot drift apart unnoticed.
#pragma once

#include "twin/state.h"

#include <string_view>

namespace ct::twin::telemetry {

// The field holding `entity`/`name` in `snapshot`, or nullptr when the snapshot has none.
double* quantityField(StateSnapshot& snapshot, std::string_view entity, std::string_view name);

}  // namespace ct::twin::telemetry
