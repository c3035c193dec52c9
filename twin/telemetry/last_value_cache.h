// The newest measured value of each bound quantity, in the twin's unit. Written by the ingest
// (the MQTT thread, a replay), read by the decorator each step; a mutex keeps the two apart.
// update() also says whether the value is newer than the one held, which is how out-of-order
// and duplicate time stamps are told apart from fresh ones.
#pragma once

#include "twin/telemetry/payload.h"

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ct::twin::telemetry {

struct LastValue {
    std::string entity;
    std::string quantity;
    double value = 0.0;
    TimeSeconds time = 0.0;
};

enum class UpdateResult { Newer, OutOfOrder, Duplicate };

class LastValueCache {
public:
    // Keeps the value when it is newer than the one held.
    UpdateResult update(const std::string& entity, const std::string& quantity, double value, TimeSeconds time);
    std::vector<LastValue> all() const;
    bool find(std::string_view entity, std::string_view quantity, LastValue& out) const;
    std::size_t size() const;

private:
    static std::string key(std::string_view entity, std::string_view quantity);

    mutable std::mutex mutex_;
    std::unordered_map<std::string, LastValue> values_;
};

}  // namespace ct::twin::telemetry
