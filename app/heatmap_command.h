// `campus-twin heatmap`: the campus air-temperature field at a time, as a PNG (colour map) or a
// CSV (degrees C per cell, with the grid's origin and cell size in a header). The field is the
// coupled one: the twin and the field run together from a spin-up before the time.
#pragma once

#include "campus_scene.h"
#include "heat_coupling.h"
#include "options.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace ct::app {

struct CoupledFieldOptions {
    std::string time = "2026-07-15T21:00";  // 16:00 local, a summer afternoon
    int phase = 0;                          // 0: the last
    std::string backend = "gpu";
    double spinupHours = 3.0;
    double step_s = 60.0;
    std::uint64_t seed = 1;
    std::string preset = "summer-design-day";
};

void addCoupledFieldOptions(CLI::App& command, CoupledFieldOptions& options);

// What is wrong with the time or preset, in one line naming the option; empty when both are good.
std::string coupledFieldError(const CoupledFieldOptions& options);

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

struct HeatmapOptions {
    std::string scenario;
    std::string out;
    std::string colormap = "inferno";
    std::string range;  // "lo,hi" in degrees C; default: ambient .. hottest
    CoupledFieldOptions field;
};

void addHeatmapCommand(CLI::App& app, HeatmapOptions& options);
int runHeatmap(const GlobalOptions& global, const HeatmapOptions& options);

}  // namespace ct::app
