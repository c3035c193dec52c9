#include "twin/telemetry/timeline.h"

#include <cmath>

namespace ct::twin::telemetry {

Timeline::Timeline(const Historian* historian, Forecast forecast)
    : historian_(historian), forecast_(std::move(forecast)) {}

std::vector<Sample> Timeline::values(const std::string& entity, const std::string& quantity, TimeSeconds t0,
                                     TimeSeconds t1, TimeSeconds now) const {
    std::vector<Sample> out;
    if (historian_ && t0 <= now) out = historian_->range(entity, quantity, t0, std::min(t1, now));
    if (forecast_ && t1 > now) {
        for (Sample& s : forecast_(entity, quantity, std::max(t0, now), t1))
            if (s.time > now) out.push_back(std::move(s));
    }
    return out;
}

Timeline::Forecast simulatedForecast(const Scenario& scenario, SimulationOptions options) {
    return
        [&scenario, options](const std::string& entity, const std::string& quantity, TimeSeconds t0, TimeSeconds t1) {
            SimulationOptions o = options;
            // Start on the live run's step grid so forecast and history line up.
            const double step = o.step_s;
            o.start = options.start +
                      static_cast<UtcSeconds>(std::ceil((t0 - static_cast<double>(options.start)) / step) * step);
            Simulation simulation(scenario, o);
            std::vector<Sample> out;
            for (const StateSnapshot* s = &simulation.current(); static_cast<double>(s->time) <= t1;
                 s = &simulation.advance()) {
                for (const Quantity& q : s->quantities())
                    if (q.entity == entity && q.name == quantity)
                        out.push_back({entity, quantity, static_cast<double>(s->time), q.value, Provenance::Simulated});
            }
            return out;
        };
}

}  // namespace ct::twin::telemetry
