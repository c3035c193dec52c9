// Reading one telemetry value: an MQTT payload is either a plain number ("12.5") or a JSON
// object {"value": 12.5, "time": "2026-07-15T12:00:00.250Z", "unit": "MW"} (time and unit
// optional); CSV cells are plain numbers. Times are UTC seconds as a double, so sub-second
// meters keep their resolution.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ct::twin::telemetry {

using TimeSeconds = double;  // UTC seconds since 1970, fractional

struct Payload {
    double value = 0.0;
    std::optional<TimeSeconds> time;  // absent: the time it was received
    std::string unit;                 // empty: the binding's unit
};

struct PayloadResult {
    std::optional<Payload> payload;
    std::string problem;  // when it could not be read
};

PayloadResult parsePayload(std::string_view text);

// A plain number, all of `text` (surrounding blanks allowed). NaN and inf parse (the caller
// counts them as not finite, a different kind of bad data than text that is not a number).
std::optional<double> parseNumber(std::string_view text);

// ISO 8601 UTC with optional fractional seconds and 'Z' or "+00:00": "2026-07-15T12:00:00.25Z".
// Also a number of seconds since 1970.
std::optional<TimeSeconds> parseTime(std::string_view text);

// "2026-07-15T12:00:00.250Z" (milliseconds).
std::string formatTime(TimeSeconds t);

// Wall-clock now, as UTC seconds.
TimeSeconds wallClockNow();

}  // namespace ct::twin::telemetry
