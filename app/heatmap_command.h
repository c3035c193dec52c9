// `campus-twin heatmap`: the campus air-temperature field at a time, as a PNG (colour map) or a
// CSV (degrees C per cell, with the grid's origin and cell size in a header). The field is the
// coupled one: the twin and the field run together from a spin-up before the time.
#pragma once

#include "campus_scene.h"
#include "heat_coupling.h"
#include "command_line.h"

#include <memory>
#include <string>

namespace ct::app {

// Twin steps of the spin-up before the requested time.
long long spinupSteps(const CoupledFieldOptions& options);

// The twin alone run up to the requested time (spin-up, preset and seed as for the field);
// nullptr after printing why when the time or preset is bad.
std::unique_ptr<twin::Simulation> runTwin(const twin::Scenario& scenario, int phase,
                                          const CoupledFieldOptions& options);

// The twin and the heat field run together up to the requested time.
struct CoupledField {
    std::unique_ptr<twin::Simulation> simulation;
    std::unique_ptr<HeatCoupling> coupling;
};

// Returns nullptr after printing a one-line error for bad options.
std::unique_ptr<CoupledField> runCoupledField(const twin::Scenario& scenario, const CampusScene& campus, int phase,
                                              const CoupledFieldOptions& options, vk::Context* gpu);

int runHeatmap(const GlobalOptions& global, const HeatmapOptions& options);

}  // namespace ct::app
