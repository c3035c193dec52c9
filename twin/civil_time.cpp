#include "twin/civil_time.h"

#include <cmath>
#include <cstdio>

namespace ct::twin {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2 && isLeapYear(year)) return 29;
    return kDays[month - 1];
}

// Hinnant's days_from_civil: shift the year to start in March so the leap day falls last, then
// count whole 400-year eras (146097 days each) and the day within the era.
std::int64_t daysFromCivil(int year, int month, int day) {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = floorDiv(y, 400);
    const std::int64_t yearOfEra = y - era * 400;                                      // [0, 399]
    const std::int64_t monthFromMarch = month > 2 ? month - 3 : month + 9;             // [0, 11]
    const std::int64_t dayOfYearFromMarch = (153 * monthFromMarch + 2) / 5 + day - 1;  // [0, 365]
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYearFromMarch;
    return era * 146097 + dayOfEra - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

// Hinnant's civil_from_days, the inverse of the above.
CivilTime civilFromDays(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = floorDiv(z, 146097);
    const std::int64_t dayOfEra = z - era * 146097;  // [0, 146096]
    const std::int64_t yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;  // [0, 399]
    const std::int64_t dayOfYearFromMarch = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t monthFromMarch = (5 * dayOfYearFromMarch + 2) / 153;  // [0, 11]
    CivilTime civil;
    civil.day = static_cast<int>(dayOfYearFromMarch - (153 * monthFromMarch + 2) / 5 + 1);
    civil.month = static_cast<int>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    civil.year = static_cast<int>(yearOfEra + era * 400 + (civil.month <= 2 ? 1 : 0));
    return civil;
}

int weekdayFromDays(std::int64_t days) {
    // 1970-01-01 was a Thursday (4).
    return static_cast<int>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
}

UtcSeconds toUtcSeconds(const CivilTime& utc) {
    return daysFromCivil(utc.year, utc.month, utc.day) * kSecondsPerDay + utc.hour * 3600 + utc.minute * 60 +
           utc.second;
}

CivilTime toCivilUtc(UtcSeconds t) {
    const std::int64_t days = floorDiv(t, kSecondsPerDay);
    const std::int64_t secondOfDay = t - days * kSecondsPerDay;
    CivilTime civil = civilFromDays(days);
    civil.hour = static_cast<int>(secondOfDay / 3600);
    civil.minute = static_cast<int>(secondOfDay / 60 % 60);
    civil.second = static_cast<int>(secondOfDay % 60);
    return civil;
}

namespace {

// Reads exactly `count` decimal digits at text[pos]; false if any is not a digit.
bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > text.size()) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

}  // namespace

std::optional<UtcSeconds> parseIsoUtc(std::string_view text) {
    if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) text.remove_suffix(1);
    CivilTime civil;
    // Date: YYYY-MM-DD
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!readDigits(text, 0, 4, civil.year) || !readDigits(text, 5, 2, civil.month) ||
        !readDigits(text, 8, 2, civil.day)) {
        return std::nullopt;
    }
    if (civil.month < 1 || civil.month > 12) return std::nullopt;
    if (civil.day < 1 || civil.day > daysInMonth(civil.year, civil.month)) return std::nullopt;
    if (text.size() > 10) {
        // Time: Thh:mm or Thh:mm:ss
        if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
        if (text.size() != 16 && text.size() != 19) return std::nullopt;
        if (text[13] != ':' || !readDigits(text, 11, 2, civil.hour) || !readDigits(text, 14, 2, civil.minute)) {
            return std::nullopt;
        }
        if (text.size() == 19 && (text[16] != ':' || !readDigits(text, 17, 2, civil.second))) return std::nullopt;
        if (civil.hour > 23 || civil.minute > 59 || civil.second > 59) return std::nullopt;
    }
    return toUtcSeconds(civil);
}

std::optional<double> parseIsoUtcMoment(std::string_view text) {
    if (!text.empty() && (text.back() == 'Z' || text.back() == 'z')) text.remove_suffix(1);
    const std::size_t point = text.size() > 19 ? 19 : std::string_view::npos;
    double fraction = 0.0;
    if (point != std::string_view::npos) {
        const std::string_view digits = text.substr(point + 1);
        if (text[point] != '.' || digits.empty() || digits.size() > 9) return std::nullopt;
        double scale = 0.1;
        for (const char c : digits) {
            if (c < '0' || c > '9') return std::nullopt;
            fraction += (c - '0') * scale;
            scale *= 0.1;
        }
        text = text.substr(0, point);
    }
    const std::optional<UtcSeconds> whole = parseIsoUtc(text);
    if (!whole) return std::nullopt;
    return static_cast<double>(*whole) + fraction;
}

std::string formatIso(const CivilTime& civil) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", civil.year, civil.month, civil.day,
                  civil.hour, civil.minute, civil.second);
    return buffer;
}

std::string formatIsoUtc(UtcSeconds t) {
    return formatIso(toCivilUtc(t)) + "Z";
}

namespace {

// Day number (since 1970-01-01) of the n-th Sunday (1-based) of a month.
std::int64_t nthSunday(int year, int month, int n) {
    const std::int64_t first = daysFromCivil(year, month, 1);
    const int daysToSunday = (7 - weekdayFromDays(first)) % 7;
    return first + daysToSunday + 7 * (n - 1);
}

}  // namespace

bool isUsDaylightTime(const Site& site, UtcSeconds t) {
    if (!site.usDaylightSaving) return false;
    const auto standardOffset_s = static_cast<std::int64_t>(std::llround(site.standardUtcOffset_h * 3600.0));
    // The year is the local standard-time year; the transitions never fall near New Year.
    const int year = toCivilUtc(t + standardOffset_s).year;
    // Starts at 02:00 local standard time; ends at 02:00 local daylight time = 01:00 standard.
    const UtcSeconds start = nthSunday(year, 3, 2) * kSecondsPerDay + 2 * 3600 - standardOffset_s;
    const UtcSeconds end = nthSunday(year, 11, 1) * kSecondsPerDay + 1 * 3600 - standardOffset_s;
    return t >= start && t < end;
}

double localOffsetHours(const Site& site, UtcSeconds t) {
    return site.standardUtcOffset_h + (isUsDaylightTime(site, t) ? 1.0 : 0.0);
}

CivilTime toLocal(const Site& site, UtcSeconds t) {
    return toCivilUtc(t + static_cast<std::int64_t>(std::llround(localOffsetHours(site, t) * 3600.0)));
}

int dayOfYear(const CivilTime& civil) {
    return static_cast<int>(daysFromCivil(civil.year, civil.month, civil.day) - daysFromCivil(civil.year, 1, 1)) + 1;
}

int dayOfYear(UtcSeconds t) {
    return dayOfYear(toCivilUtc(t));
}

double fractionOfYear(UtcSeconds t) {
    const int year = toCivilUtc(t).year;
    const UtcSeconds start = daysFromCivil(year, 1, 1) * kSecondsPerDay;
    const UtcSeconds end = daysFromCivil(year + 1, 1, 1) * kSecondsPerDay;
    return static_cast<double>(t - start) / static_cast<double>(end - start);
}

double fractionOfDay(UtcSeconds t) {
    const std::int64_t secondOfDay = t - floorDiv(t, kSecondsPerDay) * kSecondsPerDay;
    return static_cast<double>(secondOfDay) / static_cast<double>(kSecondsPerDay);
}

}  // namespace ct::twin
