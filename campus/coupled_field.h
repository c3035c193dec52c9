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
#include <string>

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
    FieldBackendChoice solver;  // which solver ran the field, and why
    long long fieldSteps = 0;   // of the spin-up
    double fieldSeconds = 0.0;  // wall time of those steps (sources, step, inlet samples)
};

// For --stats: "field: cpu solver (auto: CPU device llvmpipe), 180 steps of 512 x 512 cells,
// 11.7 ms a step (sources, step and inlet samples)".
std::string fieldStats(const CoupledField& run);

// Bad input for bad options, as runTwin. The solver follows options.backend and `gpu`
// (chooseFieldBackend); `gpu` may be null only when that gives the CPU reference.
Result<std::unique_ptr<CoupledField>> runCoupledField(const twin::Scenario& scenario, const CampusScene& campus,
                                                      int phase, const CoupledFieldOptions& options, vk::Context* gpu);

}  // namespace ct::campus
