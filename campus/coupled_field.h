// The twin and the campus air-temperature field run together up to an instant: a spin-up of
// `spinupHours` before the requested time, so that the field and the cooling it feeds back into
// have settled. The heat map command, the render command's heat and power-flow layers and the
// benchmarks all start from here.
//
//   std::unique_ptr<CoupledField> run = runCoupledField(scenario, campus, phase, options, &context);
//   if (!run) return;  // a bad --time or --preset, already printed
//   run->coupling->overlay(...);
#pragma once

#include "campus/campus_options.h"
#include "campus/campus_scene.h"
#include "campus/heat_coupling.h"
#include "twin/simulation.h"

#include <memory>

namespace ct::vk {
class Context;
}

namespace ct::campus {

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

}  // namespace ct::campus
