#include "campus/coupled_field.h"

#include "twin/civil_time.h"
#include "twin/weather.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace ct::campus {

namespace {

// The simulation's start: spin-up steps before --time; bad input when the options are wrong.
Result<twin::SimulationOptions> spinupStart(int phase, const CoupledFieldOptions& o) {
    if (const std::string error = coupledFieldError(o); !error.empty()) return badInput(error);
    const twin::WeatherPreset preset =
        o.preset == "none" ? twin::WeatherPreset::None : *twin::parseWeatherPreset(o.preset);
    return twin::SimulationOptions{
        .start = *twin::parseIsoUtc(o.time) - static_cast<twin::UtcSeconds>(spinupSteps(o) * o.step_s),
        .step_s = o.step_s,
        .phase = phase,
        .seed = o.seed,
        .preset = preset};
}

}  // namespace

std::string fieldStats(const CoupledField& run) {
    const twin::HeatFieldGrid& grid = run.coupling->grid();
    char line[256];
    std::snprintf(line, sizeof line,
                  "field: %s solver (%s), %lld steps of %d x %d cells, %.1f ms a step (sources, "
                  "step and inlet samples)",
                  fieldBackendName(run.solver.backend), run.solver.reason.c_str(), run.fieldSteps, grid.nx, grid.nz,
                  run.fieldSteps > 0 ? 1e3 * run.fieldSeconds / static_cast<double>(run.fieldSteps) : 0.0);
    return line;
}

long long spinupSteps(const CoupledFieldOptions& o) {
    return std::llround(o.spinupHours * 3600.0 / o.step_s);
}

Result<std::unique_ptr<twin::Simulation>> runTwin(const twin::Scenario& scenario, int phase,
                                                  const CoupledFieldOptions& o) {
    const auto start = spinupStart(phase, o);
    if (!start) return start.problem();
    auto sim = std::make_unique<twin::Simulation>(scenario, *start);
    for (long long i = 0; i < spinupSteps(o); ++i)
        sim->advance();
    return sim;
}

Result<std::unique_ptr<CoupledField>> runCoupledField(const twin::Scenario& scenario, const CampusScene& campus,
                                                      int phase, const CoupledFieldOptions& o, vk::Context* gpu) {
    const auto start = spinupStart(phase, o);
    if (!start) return start.problem();
    auto run = std::make_unique<CoupledField>();
    run->simulation = std::make_unique<twin::Simulation>(scenario, *start);
    run->solver = chooseFieldBackend(o.backend, gpu ? &gpu->deviceInfo() : nullptr);
    HeatCouplingOptions coupling;
    coupling.backend = run->solver.backend;
    run->coupling = std::make_unique<HeatCoupling>(scenario, campus, coupling, gpu);
    for (long long i = 0; i < spinupSteps(o); ++i) {
        const auto started = std::chrono::steady_clock::now();
        run->coupling->step(*run->simulation, o.step_s);
        run->fieldSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        run->simulation->advance();
    }
    run->fieldSteps = spinupSteps(o);
    return run;
}

}  // namespace ct::campus
