// Simulation: the campus through time. Each step samples the weather, places the sun, runs the
// solar farms, turbines, IT load and cooling of every building, and dispatches supply to meet
// the demand. Deterministic: the same scenario, options and seed give the same bytes.
//
//   Simulation sim(scenario, {.start = *parseIsoUtc("2026-07-15T00:00"), .step_s = 60});
//   for (int i = 0; i < 1440; ++i) use(sim.advance());
#pragma once

#include "twin/power_dispatch.h"
#include "twin/scenario.h"
#include "twin/state.h"

#include <memory>
#include <optional>

namespace ct::twin {

struct SimulationOptions {
    UtcSeconds start = 0;
    double step_s = 60.0;      // 1 s .. 3600 s
    std::optional<int> phase;  // buildings of phases <= N energised; default: from the phase dates
    std::uint64_t seed = 1;
    WeatherPreset preset = WeatherPreset::None;
    std::shared_ptr<WeatherSource> weather;  // a recorded weather file instead of the climate model
    double deltaT_s = 69.0;                  // TT - UT for the solar position (2026 value)
};

class Simulation : public DataSource {
public:
    Simulation(const Scenario& scenario, SimulationOptions options);

    const StateSnapshot& current() const override { return state_; }
    const StateSnapshot& advance() override;

    // Heat-map coupling: the inlet air of each cooler bank of building `index` (in scenario
    // order); an empty list means ambient.
    void setCoolerInletAir(std::size_t index, std::vector<double> inlet_c);
    // The phase whose gas plant, batteries and grid limit are available.
    int supplyPhase() const { return supplyPhase_; }
    double step_s() const { return options_.step_s; }

private:
    BuildingState stateAt(const Building& building, UtcSeconds t) const;
    void compute(UtcSeconds t);

    const Scenario& scenario_;
    SimulationOptions options_;
    int supplyPhase_ = 1;
    std::shared_ptr<WeatherSource> weather_;
    std::vector<ItLoadModel> loads_;
    std::vector<double> previousSupply_c_;
    std::vector<std::vector<double>> inletOverride_c_;
    PowerDispatcher dispatcher_;
    StateSnapshot state_;
};

// The phase whose buildings are energised at `t` by the scenario's dates (0: none yet).
int phaseEnergisedAt(const Scenario& scenario, UtcSeconds t);

}  // namespace ct::twin
