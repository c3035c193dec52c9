// The twin and the campus air-temperature field run together up to an instant: a spin-up of
// `spinupHours` before the requested time, so that the field and the cooling it feeds back into
// have settled. The heat map command, the render command's heat and power-flow layers and the
// benchmarks all start from here.
//
//   Result<std::unique_ptr<CoupledField>> run = runCoupledField(scenario, campus, phase, options, &context);
//   if (!run) return run.problem();  // a bad --time or --preset
//   (*run)->coupling->overlay(...);
#pragma once

#include "campus/campus_options.h"
#include "campus/campus_scene.h"
#include "campus/heat_coupling.h"
#include "campus/outcome.h"
#include "twin/simulation.h"

#include <memory>

namespace ct::vk {
class Context;
}

namespace ct::campus {

// Twin steps of the spin-up before the requested time.
long long spinupSteps(const CoupledFieldOptions& options);

// The twin alone run up to the requested time (spin-up, preset and seed as for the field); bad
// input when the time or preset is bad.
Result<std::unique_ptr<twin::Simulation>> runTwin(const twin::Scenario& scenario, int phase,
                                                  const CoupledFieldOptions& options);

// The twin and the heat field run together up to the requested time.
struct CoupledField {
    std::unique_ptr<twin::Simulation> simulation;
    std::unique_ptr<HeatCoupling> coupling;
};

// Bad input for bad options, as runTwin.
Result<std::unique_ptr<CoupledField>> runCoupledField(const twin::Scenario& scenario, const CampusScene& campus,
                                                      int phase, const CoupledFieldOptions& options, vk::Context* gpu);

}  // namespace ct::campus
