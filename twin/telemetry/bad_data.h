// Bad telemetry is expected, not exceptional: every kind of problem is counted, and the first of
// each kind is logged (one line on the log sink, stderr by default) so a misconfigured meter
// sending 1000 bad values a second does not drown the terminal. Thread-safe: the MQTT thread,
// the replay and the historian's writer all report here.
//
//   BadDataLog bad;
//   bad.report(BadData::NotFinite, "campus/bldg-01/it_power: NaN");
//   bad.count(BadData::NotFinite);  // 1
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace ct::twin::telemetry {

enum class BadData {
    MalformedPayload,  // not a number, not the JSON we read, a bad time stamp
    WrongUnit,         // a unit that does not convert to the quantity's unit
    NotFinite,         // NaN or infinity
    OutOfOrder,        // older than the last value of its quantity: stored, not shown as current
    Duplicate,         // the same time stamp again for one quantity: dropped
    UnknownTopic,      // a message on a topic no point binds, or a template naming no quantity
    BrokerDisconnect,  // the connection to the broker dropped (the client reconnects)
    HistorianError,    // the historian could not write a batch (it keeps and retries it)
    Count
};
inline constexpr std::size_t kBadDataKinds = static_cast<std::size_t>(BadData::Count);

const char* badDataName(BadData kind);  // "malformed_payload"

class BadDataLog {
public:
    using Sink = std::function<void(const std::string& line)>;
    // Default sink: one line on stderr, "campus-twin telemetry: <kind>: <detail> (further ...)".
    BadDataLog();
    explicit BadDataLog(Sink sink);

    void report(BadData kind, const std::string& detail);
    std::uint64_t count(BadData kind) const;
    std::uint64_t total() const;
    // "malformed_payload=2 not_finite=1" over the kinds seen; empty when none.
    std::string summary() const;

private:
    Sink sink_;
    std::array<std::atomic<std::uint64_t>, kBadDataKinds> counts_{};
    std::mutex sinkMutex_;
};

}  // namespace ct::twin::telemetry
