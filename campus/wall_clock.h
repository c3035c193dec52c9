// The twin's clock against the wall clock, for the commands that run the twin live (publish,
// monitor): where it starts ("now" or an ISO 8601 time) and how its steps are paced.
//
//   const auto start = startTime("now");          // nullopt: neither "now" nor ISO 8601
//   const WallClockPacer pacer(60.0, 60.0);        // one 60 s step per wall-clock second
//   for (long long i = 0; ...; ++i) { pacer.waitForStep(i); simulation.advance(); }
#pragma once

#include "twin/civil_time.h"

#include <chrono>
#include <optional>
#include <string>

namespace ct::campus {

// "now" (the current minute) or an ISO 8601 UTC time; nullopt for anything else.
std::optional<twin::UtcSeconds> startTime(const std::string& text);

// Paces the simulation against the wall clock: step i is due at i * step / speed seconds;
// speed 0 or less: no waiting.
class WallClockPacer {
public:
    WallClockPacer(double step_s, double speed);
    void waitForStep(long long i) const;

private:
    double step_s_;
    double speed_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace ct::campus
