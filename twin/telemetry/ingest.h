// Ingest: where every incoming value goes through the same checks. A message (topic, payload)
// or a CSV cell (column, time, text) is matched to its binding point, read, converted to the
// twin's unit, checked (finite, in order, not a duplicate), put in the last-value cache and
// queued for the historian. Whatever fails is counted in the BadDataLog, never thrown.
//
//   Ingest ingest(binding, known, cache, historian.get(), bad);
//   ingest.onMessage("site/b1/it_kw", "81500", wallClockNow());
#pragma once

#include "twin/state.h"
#include "twin/telemetry/bad_data.h"
#include "twin/telemetry/binding_file.h"
#include "twin/telemetry/historian.h"
#include "twin/telemetry/last_value_cache.h"
#include "twin/telemetry/units.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ct::twin::telemetry {

class Ingest {
public:
    // `known`: the twin's quantities (for units and for checking templated names); `historian`
    // may be null (no history kept).
    Ingest(const BindingFile& binding, const std::vector<Quantity>& known, LastValueCache& cache, Historian* historian,
           BadDataLog& bad);

    // A message on `topic`; `received` is the wall-clock time, used when the payload has none.
    void onMessage(std::string_view topic, std::string_view payload, TimeSeconds received);
    // One CSV cell; an empty cell is a gap and is skipped before this is called.
    void onCsvCell(const std::string& column, TimeSeconds time, std::string_view text);

    bool bindsColumn(const std::string& column) const;
    std::uint64_t accepted() const { return accepted_.load(); }  // values stored (cache and/or historian)

private:
    struct Target {
        std::string entity;
        std::string quantity;
        std::string twinUnit;
        std::string bindingUnit;  // the unit raw * scale + offset is in
        double scale = 1.0;
        double offset = 0.0;
        UnitConversion toTwin;
    };
    std::optional<Target> resolveTopic(std::string_view topic);
    std::optional<Target> targetFor(const BindingPoint& point, const std::vector<std::string>& captures,
                                    std::string_view where);
    void accept(const Target& target, const std::string& source, double raw, const std::string& payloadUnit,
                TimeSeconds time);

    const BindingFile& binding_;
    std::map<std::pair<std::string, std::string>, std::string> units_;
    LastValueCache& cache_;
    Historian* historian_;
    BadDataLog& bad_;
    std::unordered_map<std::string, std::optional<Target>> topicCache_;  // topic -> target, or known-unbound
    std::mutex topicMutex_;
    std::unordered_map<std::string, Target> columns_;
    std::atomic<std::uint64_t> accepted_{0};
};

}  // namespace ct::twin::telemetry
