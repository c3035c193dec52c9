// The twin's speed: simulated hours per wall-clock second for the build-out (20 buildings, every
// turbine and solar farm) at 1-second steps. Reported as the counter sim_hours_per_s.
#include "twin/scenario_loader.h"
#include "twin/simulation.h"

#include <benchmark/benchmark.h>

namespace {

void simulateBuildOut(benchmark::State& state) {
    const ct::twin::ScenarioResult loaded = ct::twin::loadScenario(std::string(CT_SCENARIO_DIR) + "/abilene.json");
    if (!loaded.ok()) {
        state.SkipWithError(loaded.error.c_str());
        return;
    }
    const int phase = static_cast<int>(loaded.scenario->phases.size());
    ct::twin::Simulation simulation(
        *loaded.scenario, {.start = *ct::twin::parseIsoUtc("2026-07-15T00:00"), .step_s = 1.0, .phase = phase});
    const int stepsPerIteration = 3600;  // one simulated hour
    for (auto _ : state) {
        for (int i = 0; i < stepsPerIteration; ++i)
            benchmark::DoNotOptimize(simulation.advance().campus.facility_mw);
    }
    state.counters["sim_hours_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["buildings"] = static_cast<double>(loaded.scenario->buildings.size());
    state.counters["turbines"] = static_cast<double>(loaded.scenario->turbines.size());
}

}  // namespace

BENCHMARK(simulateBuildOut)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
