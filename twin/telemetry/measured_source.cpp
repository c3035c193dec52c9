#include "twin/telemetry/measured_source.h"

#include "twin/telemetry/snapshot_fields.h"

#include <cmath>

namespace ct::twin::telemetry {

MeasuredSource::MeasuredSource(DataSource& inner, const LastValueCache& cache, MeasuredSourceOptions options)
    : inner_(inner), cache_(cache), options_(std::move(options)) {
    overlay(true);
}

const StateSnapshot& MeasuredSource::advance() {
    inner_.advance();
    overlay(true);
    return state_;
}

const StateSnapshot& MeasuredSource::refresh() {
    overlay(false);  // same instant again: its simulated values are already stored
    return state_;
}

void MeasuredSource::overlay(bool store) {
    state_ = inner_.current();
    const TimeSeconds now = static_cast<TimeSeconds>(state_.time);
    if (options_.beforeOverlay) options_.beforeOverlay(now);
    measured_.clear();
    for (const LastValue& v : cache_.all()) {
        // Fresh on either side of now: a meter's clock may run a little ahead of the twin's.
        if (std::abs(now - v.time) > options_.staleAfter_s) continue;
        double* field = quantityField(state_, v.entity, v.quantity);
        if (!field) continue;
        *field = v.value;
        measured_.emplace(v.entity, v.quantity);
    }
    state_.measured = measured_;
    if (!store || !options_.historian) return;
    std::vector<Sample> simulated;
    for (const Quantity& q : state_.quantities())
        if (!measured_.count({q.entity, q.name}))
            simulated.push_back({q.entity, q.name, now, q.value, Provenance::Simulated});
    options_.historian->append(std::move(simulated));
}

std::vector<Quantity> MeasuredSource::quantities() const {
    return state_.quantities();
}

Provenance MeasuredSource::provenance(const std::string& entity, const std::string& name) const {
    return measured_.count({entity, name}) ? Provenance::Measured : Provenance::Simulated;
}

}  // namespace ct::twin::telemetry
