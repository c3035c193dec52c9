#include "campus/wall_clock.h"

#include "twin/telemetry/payload.h"

#include <cmath>
#include <thread>

namespace ct::campus {

std::optional<twin::UtcSeconds> startTime(const std::string& text) {
    if (text == "now") return static_cast<twin::UtcSeconds>(std::floor(twin::telemetry::wallClockNow() / 60.0) * 60.0);
    return twin::parseIsoUtc(text);
}

WallClockPacer::WallClockPacer(double step_s, double speed)
    : step_s_(step_s), speed_(speed), start_(std::chrono::steady_clock::now()) {}

void WallClockPacer::waitForStep(long long i) const {
    if (speed_ <= 0.0) return;
    std::this_thread::sleep_until(start_ +
                                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(static_cast<double>(i) * step_s_ / speed_)));
}

}  // namespace ct::campus
