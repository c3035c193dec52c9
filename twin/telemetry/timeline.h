// One timeline for plots and the time slider: the stored past (historian), and beyond "now" the
// simulated future. The past holds what was measured or simulated at the time, with provenance;
// the future is a forecast from the simulation, marked simulated.
//
//   Timeline timeline(historian.get(), simulatedForecast(scenario, options));
//   auto points = timeline.values("bldg-01", "it_power", now - 3600, now + 3600, now);
#pragma once

#include "twin/simulation.h"
#include "twin/telemetry/historian.h"

#include <functional>
#include <string>
#include <vector>

namespace ct::twin::telemetry {

class Timeline {
public:
    // Values of one quantity with t0 <= time <= t1, by time.
    using Forecast = std::function<std::vector<Sample>(const std::string& entity, const std::string& quantity,
                                                       TimeSeconds t0, TimeSeconds t1)>;
    Timeline(const Historian* historian, Forecast forecast);

    // [t0, now] from the historian, (now, t1] from the forecast; either may be empty.
    std::vector<Sample> values(const std::string& entity, const std::string& quantity, TimeSeconds t0, TimeSeconds t1,
                               TimeSeconds now) const;

private:
    const Historian* historian_;
    Forecast forecast_;
};

// A forecast that runs the scenario's simulation (same options, so the same seed and step) from
// the first step after t0. Deterministic, and independent of the live simulation's state.
Timeline::Forecast simulatedForecast(const Scenario& scenario, SimulationOptions options);

}  // namespace ct::twin::telemetry
