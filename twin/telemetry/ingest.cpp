#include "twin/telemetry/ingest.h"

#include "twin/telemetry/topic_pattern.h"

#include <cmath>

namespace ct::twin::telemetry {

Ingest::Ingest(const BindingFile& binding, const std::vector<Quantity>& known, LastValueCache& cache,
               Historian* historian, BadDataLog& bad)
    : binding_(binding), cache_(cache), historian_(historian), bad_(bad) {
    for (const Quantity& q : known)
        units_[{q.entity, q.name}] = q.unit;
    for (const BindingPoint& p : binding.points) {
        if (p.csvColumn.empty()) continue;
        if (auto target = targetFor(p, {}, p.csvColumn)) columns_[p.csvColumn] = *target;
    }
}

bool Ingest::bindsColumn(const std::string& column) const {
    return columns_.count(column) != 0;
}

std::optional<Ingest::Target> Ingest::targetFor(const BindingPoint& point, const std::vector<std::string>& captures,
                                                std::string_view where) {
    const auto entity = substituteCaptures(point.entity, captures);
    const auto quantity = substituteCaptures(point.quantity, captures);
    const auto unit = entity && quantity ? units_.find({*entity, *quantity}) : units_.end();
    if (unit == units_.end()) {
        bad_.report(BadData::UnknownTopic, std::string(where) + ": binds " + point.entity + "/" + point.quantity +
                                               ", which names no quantity of the twin");
        return std::nullopt;
    }
    Target t{*entity,      *quantity, unit->second, point.unit.empty() ? unit->second : point.unit, point.scale,
             point.offset, {}};
    const auto conversion = unitConversion(t.bindingUnit, t.twinUnit);
    if (!conversion) {
        bad_.report(BadData::WrongUnit, std::string(where) + ": unit " + t.bindingUnit + " does not convert to " +
                                            t.twinUnit + " (" + t.entity + "/" + t.quantity + ")");
        return std::nullopt;
    }
    t.toTwin = *conversion;
    return t;
}

std::optional<Ingest::Target> Ingest::resolveTopic(std::string_view topic) {
    // The MQTT thread is the only caller in practice; the mutex keeps direct calls (tests) safe.
    std::lock_guard lock(topicMutex_);
    const std::string key(topic);
    if (const auto it = topicCache_.find(key); it != topicCache_.end()) {
        // Every message on an unusable topic counts; the log line was written the first time.
        if (!it->second) bad_.report(BadData::UnknownTopic, key);
        return it->second;
    }
    std::optional<Target> found;
    bool matched = false;
    for (const BindingPoint& p : binding_.points) {
        if (p.topic.empty()) continue;
        const auto captures = matchTopic(p.topic, topic);
        if (!captures) continue;
        matched = true;
        found = targetFor(p, *captures, topic);
        break;
    }
    if (!matched) bad_.report(BadData::UnknownTopic, key + ": no binding point matches this topic");
    // Bounded, so a publisher walking through random topics cannot grow it without end.
    if (topicCache_.size() < 100000) topicCache_.emplace(key, found);
    return found;
}

void Ingest::onMessage(std::string_view topic, std::string_view payload, TimeSeconds received) {
    const std::optional<Target> target = resolveTopic(topic);
    if (!target) return;
    const PayloadResult parsed = parsePayload(payload);
    if (!parsed.payload) {
        bad_.report(BadData::MalformedPayload, std::string(topic) + ": " + parsed.problem);
        return;
    }
    accept(*target, std::string(topic), parsed.payload->value, parsed.payload->unit,
           parsed.payload->time.value_or(received));
}

void Ingest::onCsvCell(const std::string& column, TimeSeconds time, std::string_view text) {
    const auto it = columns_.find(column);
    if (it == columns_.end()) return;
    const auto value = parseNumber(text);
    if (!value) {
        bad_.report(BadData::MalformedPayload, "column " + column + ": not a number: '" + std::string(text) + "'");
        return;
    }
    accept(it->second, "column " + column, *value, {}, time);
}

void Ingest::accept(const Target& target, const std::string& source, double raw, const std::string& payloadUnit,
                    TimeSeconds time) {
    if (!std::isfinite(raw) || !std::isfinite(time)) {
        bad_.report(BadData::NotFinite, source + ": " + std::to_string(raw));
        return;
    }
    double value = 0.0;
    if (payloadUnit.empty() || payloadUnit == target.bindingUnit) {
        value = target.toTwin.apply(raw * target.scale + target.offset);
    } else {
        // The payload names its own unit: trust it over the binding's, if it converts.
        const auto conversion = unitConversion(payloadUnit, target.twinUnit);
        if (!conversion) {
            bad_.report(BadData::WrongUnit, source + ": unit " + payloadUnit + " does not convert to " +
                                                target.twinUnit + " (" + target.entity + "/" + target.quantity + ")");
            return;
        }
        value = conversion->apply(raw * target.scale + target.offset);
    }
    if (!std::isfinite(value)) {
        bad_.report(BadData::NotFinite, source + ": " + std::to_string(raw) + " overflows after scaling");
        return;
    }
    switch (cache_.update(target.entity, target.quantity, value, time)) {
        case UpdateResult::Duplicate:
            bad_.report(BadData::Duplicate, source + ": a second value at " + formatTime(time) + " (dropped)");
            return;
        case UpdateResult::OutOfOrder:
            // A late value is still a true value of the past: kept in the history, not shown as now.
            bad_.report(BadData::OutOfOrder, source + ": " + formatTime(time) +
                                                 " is older than the last value (stored, not shown as current)");
            break;
        case UpdateResult::Newer:
            break;
    }
    ++accepted_;
    if (historian_) historian_->append({target.entity, target.quantity, time, value, Provenance::Measured});
}

}  // namespace ct::twin::telemetry
