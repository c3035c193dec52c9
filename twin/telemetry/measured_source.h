// MeasuredSource: a DataSource that lays measurements over another one (the simulation).
// After each step of the inner source, every bound quantity whose last measurement is fresh
// (no older than the binding's stale_after_s at the snapshot's time) replaces the simulated
// value in the snapshot's typed fields and is marked Provenance::Measured; everything else
// stays simulated. Derived values are not recomputed: a measured bldg-01 it_power does not
// change the simulated campus it_power unless that is bound too (the meters say what they say).
//
//   MeasuredSource twin(simulation, cache, {.staleAfter_s = 300, .historian = h.get()});
//   const StateSnapshot& s = twin.advance();
//   for (const Quantity& q : twin.quantities()) show(q.entity, q.name, q.value, q.provenance);
#pragma once

#include "twin/state.h"
#include "twin/telemetry/historian.h"
#include "twin/telemetry/last_value_cache.h"

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ct::twin::telemetry {

struct MeasuredSourceOptions {
    double staleAfter_s = 300.0;
    // When set, each step's simulated quantities are stored (measured ones are stored on arrival).
    Historian* historian = nullptr;
    // Called with the snapshot time before each overlay: a replay feeds the rows up to it.
    std::function<void(TimeSeconds)> beforeOverlay;
};

class MeasuredSource : public DataSource {
public:
    MeasuredSource(DataSource& inner, const LastValueCache& cache, MeasuredSourceOptions options);

    const StateSnapshot& current() const override { return state_; }
    const StateSnapshot& advance() override;
    // Re-reads the cache for the current time without stepping (a live view between steps).
    const StateSnapshot& refresh();

    // The snapshot's quantities with their provenance.
    std::vector<Quantity> quantities() const;
    Provenance provenance(const std::string& entity, const std::string& name) const;
    std::size_t measuredCount() const { return measured_.size(); }

private:
    void overlay(bool store);

    DataSource& inner_;
    const LastValueCache& cache_;
    MeasuredSourceOptions options_;
    StateSnapshot state_;
    std::set<std::pair<std::string, std::string>> measured_;
};

}  // namespace ct::twin::telemetry
