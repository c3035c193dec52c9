// Civil time for the twin: instants are UTC seconds since 1970-01-01T00:00:00Z (no leap seconds,
// as in POSIX time); calendar fields come from the proleptic Gregorian calendar.
//
//   auto start = parseIsoUtc("2026-07-15T00:00");          // std::optional<UtcSeconds>
//   CivilTime local = toLocal(scenario.site, *start);       // 2026-07-14 19:00 in Abilene (CDT)
//   std::string stamp = formatIsoUtc(*start + 3600);        // "2026-07-15T01:00:00Z"
//
// The site's local time is its standard offset plus, when `usDaylightSaving`, one hour under the
// US rules in force since 2007 (15 U.S.C. 260a): from the second Sunday of March at 02:00 local
// standard time to the first Sunday of November at 02:00 local daylight time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "twin/scenario.h"

namespace ct::twin {

using UtcSeconds = std::int64_t;

inline constexpr std::int64_t kSecondsPerDay = 86400;

struct CivilTime {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    int hour = 0;   // 0..23
    int minute = 0;
    int second = 0;

    friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);  // 0 for a month outside 1..12

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Hinnant's algorithms,
// http://howardhinnant.github.io/date_algorithms.html). Valid for any date an int year holds.
std::int64_t daysFromCivil(int year, int month, int day);
CivilTime civilFromDays(std::int64_t days);  // hour, minute and second are 0

// 0 = Sunday .. 6 = Saturday.
int weekdayFromDays(std::int64_t days);

// Civil fields read as UTC, and back. Fields out of range are not normalised: validate first.
UtcSeconds toUtcSeconds(const CivilTime& utc);
CivilTime toCivilUtc(UtcSeconds t);

// Accepts "YYYY-MM-DD", "YYYY-MM-DDThh:mm", "YYYY-MM-DDThh:mm:ss", each optionally with a
// trailing 'Z'; also a space in place of 'T'. Rejects anything else, and fields out of range
// (month 13, February 29 of a common year, hour 24, second 60).
std::optional<UtcSeconds> parseIsoUtc(std::string_view text);
// The same with fractional seconds allowed after the seconds ("2026-07-15T18:30:00.100Z", one to
// nine digits): a moment between two whole seconds, as a frame of a video is.
std::optional<double> parseIsoUtcMoment(std::string_view text);

// "2026-07-15T00:00:00Z".
std::string formatIsoUtc(UtcSeconds t);
std::string formatIso(const CivilTime& civil);  // "2026-07-14T19:00:00", no zone designator

// Local offset from UTC in hours at instant t: standardUtcOffset_h, plus 1 inside US daylight time.
double localOffsetHours(const Site& site, UtcSeconds t);
bool isUsDaylightTime(const Site& site, UtcSeconds t);
CivilTime toLocal(const Site& site, UtcSeconds t);

// Day of the year, 1 on January 1, of the UTC date of t.
int dayOfYear(UtcSeconds t);
int dayOfYear(const CivilTime& civil);
// Fraction of the UTC year elapsed at t: 0 at January 1 00:00, approaching 1 at year end.
double fractionOfYear(UtcSeconds t);
// Fraction of the UTC day elapsed at t, 0..1.
double fractionOfDay(UtcSeconds t);

// Floor division for seconds -> days when t may be negative.
std::int64_t floorDiv(std::int64_t a, std::int64_t b);

}  // namespace ct::twin
