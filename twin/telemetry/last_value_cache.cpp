#include "twin/telemetry/last_value_cache.h"

namespace ct::twin::telemetry {

std::string LastValueCache::key(std::string_view entity, std::string_view quantity) {
    std::string k;
    k.reserve(entity.size() + quantity.size() + 1);
    k.append(entity).push_back('\0');  // ids never hold NUL, so the key is unambiguous
    k.append(quantity);
    return k;
}

UpdateResult LastValueCache::update(const std::string& entity, const std::string& quantity, double value,
                                    TimeSeconds time) {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = values_.try_emplace(key(entity, quantity));
    LastValue& held = it->second;
    if (!inserted) {
        if (time == held.time) return UpdateResult::Duplicate;
        if (time < held.time) return UpdateResult::OutOfOrder;
    } else {
        held.entity = entity;
        held.quantity = quantity;
    }
    held.value = value;
    held.time = time;
    return UpdateResult::Newer;
}

std::vector<LastValue> LastValueCache::all() const {
    std::lock_guard lock(mutex_);
    std::vector<LastValue> out;
    out.reserve(values_.size());
    for (const auto& [k, v] : values_)
        out.push_back(v);
    return out;
}

bool LastValueCache::find(std::string_view entity, std::string_view quantity, LastValue& out) const {
    std::lock_guard lock(mutex_);
    const auto it = values_.find(key(entity, quantity));
    if (it == values_.end()) return false;
    out = it->second;
    return true;
}

std::size_t LastValueCache::size() const {
    std::lock_guard lock(mutex_);
    return values_.size();
}

}  // namespace ct::twin::telemetry
