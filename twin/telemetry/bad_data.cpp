#include "twin/telemetry/bad_data.h"

#include <cstdio>

namespace ct::twin::telemetry {

const char* badDataName(BadData kind) {
    switch (kind) {
        case BadData::MalformedPayload:
            return "malformed_payload";
        case BadData::WrongUnit:
            return "wrong_unit";
        case BadData::NotFinite:
            return "not_finite";
        case BadData::OutOfOrder:
            return "out_of_order";
        case BadData::Duplicate:
            return "duplicate";
        case BadData::UnknownTopic:
            return "unknown_topic";
        case BadData::BrokerDisconnect:
            return "broker_disconnect";
        case BadData::HistorianError:
            return "historian_error";
        default:
            return "unknown";
    }
}

BadDataLog::BadDataLog() : BadDataLog([](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); }) {}

BadDataLog::BadDataLog(Sink sink) : sink_(std::move(sink)) {}

void BadDataLog::report(BadData kind, const std::string& detail) {
    const std::size_t index = static_cast<std::size_t>(kind);
    if (index >= kBadDataKinds) return;
    // Only the first of a kind reaches the sink; the counter says how many followed.
    if (counts_[index].fetch_add(1, std::memory_order_relaxed) != 0) return;
    std::lock_guard lock(sinkMutex_);
    if (sink_)
        sink_(std::string("campus-twin telemetry: ") + badDataName(kind) + ": " + detail +
              " (logged once; later ones are counted)");
}

std::uint64_t BadDataLog::count(BadData kind) const {
    const std::size_t index = static_cast<std::size_t>(kind);
    return index < kBadDataKinds ? counts_[index].load(std::memory_order_relaxed) : 0;
}

std::uint64_t BadDataLog::total() const {
    std::uint64_t sum = 0;
    for (const auto& c : counts_)
        sum += c.load(std::memory_order_relaxed);
    return sum;
}

std::string BadDataLog::summary() const {
    std::string out;
    for (std::size_t i = 0; i < kBadDataKinds; ++i) {
        const std::uint64_t n = counts_[i].load(std::memory_order_relaxed);
        if (n == 0) continue;
        if (!out.empty()) out += ' ';
        out += badDataName(static_cast<BadData>(i));
        out += '=';
        out += std::to_string(n);
    }
    return out;
}

}  // namespace ct::twin::telemetry
