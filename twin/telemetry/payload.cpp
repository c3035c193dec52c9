#include "twin/telemetry/payload.h"

#include "twin/civil_time.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace ct::twin::telemetry {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() &&
           (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<double> parseNumber(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 64) return std::nullopt;
    // strtod, not from_chars: it also reads "nan" and "inf", which are counted apart.
    const std::string copy(text);
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size()) return std::nullopt;
    return value;
}

std::optional<TimeSeconds> parseTime(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    if (text.find('-') == std::string_view::npos || text.front() == '-') {
        const auto n = parseNumber(text);
        if (n && std::isfinite(*n)) return *n;
        return std::nullopt;
    }
    if (text.ends_with("+00:00"))
        text.remove_suffix(6);
    else if (text.ends_with('Z'))
        text.remove_suffix(1);
    double fraction = 0.0;
    if (const std::size_t dot = text.find('.'); dot != std::string_view::npos) {
        const std::string_view digits = text.substr(dot + 1);
        if (digits.empty() || digits.size() > 9) return std::nullopt;
        for (char c : digits)
            if (c < '0' || c > '9') return std::nullopt;
        fraction = std::strtod(("0." + std::string(digits)).c_str(), nullptr);
        text = text.substr(0, dot);
    }
    const auto whole = parseIsoUtc(text);
    if (!whole) return std::nullopt;
    return static_cast<double>(*whole) + fraction;
}

std::string formatTime(TimeSeconds t) {
    const double floored = std::floor(t);
    int millis = static_cast<int>(std::lround((t - floored) * 1000.0));
    UtcSeconds whole = static_cast<UtcSeconds>(floored);
    if (millis == 1000) {
        millis = 0;
        ++whole;
    }
    std::string iso = formatIsoUtc(whole);  // "...:ssZ"
    iso.pop_back();
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, ".%03dZ", millis);
    return iso + buffer;
}

TimeSeconds wallClockNow() {
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

PayloadResult parsePayload(std::string_view text) {
    const std::string_view trimmed = trim(text);
    if (trimmed.empty()) return {std::nullopt, "empty payload"};
    if (trimmed.front() != '{') {
        if (const auto n = parseNumber(trimmed)) return {Payload{*n, std::nullopt, {}}, {}};
        return {std::nullopt, "not a number: '" + std::string(trimmed.substr(0, 40)) + "'"};
    }
    // allow_exceptions=false: a broken payload is data, not an error path.
    const nlohmann::json json = nlohmann::json::parse(trimmed, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return {std::nullopt, "not valid JSON"};
    Payload p;
    const auto value = json.find("value");
    if (value == json.end()) return {std::nullopt, "JSON payload without \"value\""};
    if (value->is_number()) {
        p.value = value->get<double>();
    } else if (value->is_string()) {
        // JSON has no NaN; meters that send "NaN" as a string are reporting not-finite values.
        const auto n = parseNumber(value->get<std::string>());
        if (!n) return {std::nullopt, "\"value\" is not a number"};
        p.value = *n;
    } else if (value->is_null()) {
        p.value = std::nan("");
    } else {
        return {std::nullopt, "\"value\" is not a number"};
    }
    if (const auto time = json.find("time"); time != json.end()) {
        std::optional<TimeSeconds> t;
        if (time->is_string())
            t = parseTime(time->get<std::string>());
        else if (time->is_number())
            t = time->get<double>();
        if (!t) return {std::nullopt, "\"time\" is not an ISO 8601 UTC time"};
        p.time = t;
    }
    if (const auto unit = json.find("unit"); unit != json.end()) {
        if (!unit->is_string()) return {std::nullopt, "\"unit\" is not a string"};
        p.unit = unit->get<std::string>();
    }
    return {p, {}};
}

}  // namespace ct::twin::telemetry
