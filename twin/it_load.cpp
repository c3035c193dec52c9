#include "twin/it_load.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ct::twin {

namespace {

// Timers shorter than this are treated as this long, so a pattern with zero durations cannot stall
// the event loop.
constexpr double kMinEventDuration_s = 1e-3;

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// SplitMix64's finaliser: spreads nearby seeds (1, 2, 3...) far apart before seeding the engine.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Position in [0, period) of a time, from an integer second plus an offset, without losing the
// offset's precision to a large epoch value.
double wrap(std::int64_t t_s, double offset_s, double period_s) {
    double base = std::fmod(static_cast<double>(t_s), period_s);
    double pos = std::fmod(base + offset_s, period_s);
    return pos < 0.0 ? pos + period_s : pos;
}

// The integral from 0 to `pos` (within one period) of a square wave that is +1 for the first half
// period and -1 for the second: a triangle, and 0 over each whole period.
double squareWaveIntegral(double pos, double period_s) {
    double half = 0.5 * period_s;
    return pos < half ? pos : period_s - pos;
}

}  // namespace

double throttleCut(const ItLoadPattern& pattern, double throttleSupply_c, double coolantSupply_c) {
    if (!std::isfinite(coolantSupply_c)) return 0.0;
    double excess = coolantSupply_c - throttleSupply_c;
    if (excess <= 0.0) return 0.0;
    return std::min(pattern.throttleMaxCut, pattern.throttlePerKelvin * excess);
}

ItLoadModel::ItLoadModel(const Building& building, const Cooling& cooling, std::uint64_t seed, ItLoadPattern pattern)
    : capacity_mw_(std::max(0.0, building.itCapacity_mw)),
      throttleSupply_c_(cooling.throttleSupply_c),
      pattern_(pattern),
      rng_(mix(seed ^ mix(fnv1a(building.id)))),
      ripplePhase_s_(0.0) {
    ripplePhase_s_ = uniform(0.0, std::max(pattern_.ripplePeriod_s, 0.0));
    startJob();
    // The simulation starts in the middle of a job: the first checkpoint comes anywhere within one
    // interval, so even a one-hour run sees one.
    timeToCheckpoint_s_ = std::max(kMinEventDuration_s, uniform(0.0, timeToCheckpoint_s_));
}

double ItLoadModel::uniform01() {
    // The top 53 bits as a double in [0, 1): the same on every standard library.
    return static_cast<double>(rng_() >> 11) * 0x1.0p-53;
}

double ItLoadModel::uniform(double lo, double hi) {
    return lo + (hi - lo) * uniform01();
}

void ItLoadModel::startJob() {
    mode_ = Mode::Training;
    utilisation_ = uniform(pattern_.utilisationMin, pattern_.utilisationMax);
    timeToCheckpoint_s_ =
        std::max(kMinEventDuration_s, uniform(pattern_.checkpointIntervalMin_s, pattern_.checkpointIntervalMax_s));
    // Exponential gaps: job stops (failures, preemption, new jobs) come without memory.
    double mean = pattern_.jobStopMeanInterval_s;
    timeToJobStop_s_ = std::isfinite(mean) && mean > 0.0
                           ? std::max(kMinEventDuration_s, -mean * std::log(1.0 - uniform01()))
                           : std::numeric_limits<double>::infinity();
}

double ItLoadModel::secondsUntilNextEvent() const {
    if (mode_ == Mode::Training) return std::min(timeToCheckpoint_s_, timeToJobStop_s_);
    return modeRemaining_s_;
}

void ItLoadModel::consume(double seconds) {
    if (mode_ == Mode::Training) {
        timeToCheckpoint_s_ -= seconds;
        timeToJobStop_s_ -= seconds;
    } else {
        modeRemaining_s_ -= seconds;
    }
}

void ItLoadModel::transition() {
    switch (mode_) {
        case Mode::Training:
            if (timeToJobStop_s_ <= timeToCheckpoint_s_) {
                mode_ = Mode::JobStopped;
                modeRemaining_s_ = std::max(kMinEventDuration_s,
                                            uniform(pattern_.jobStopDurationMin_s, pattern_.jobStopDurationMax_s));
            } else {
                mode_ = Mode::Checkpoint;
                modeRemaining_s_ = std::max(
                    kMinEventDuration_s, uniform(pattern_.checkpointDurationMin_s, pattern_.checkpointDurationMax_s));
            }
            break;
        case Mode::Checkpoint: {
            // Back to training; the job-stop clock paused during the checkpoint.
            mode_ = Mode::Training;
            timeToCheckpoint_s_ = std::max(kMinEventDuration_s,
                                           uniform(pattern_.checkpointIntervalMin_s, pattern_.checkpointIntervalMax_s));
            break;
        }
        case Mode::JobStopped:
            startJob();  // a new job: its own utilisation and checkpoint clock
            break;
    }
}

double ItLoadModel::modeIntegral(double start_s, double length_s) const {
    switch (mode_) {
        case Mode::Checkpoint:
            return pattern_.checkpointLevel * length_s;
        case Mode::JobStopped:
            return pattern_.jobStopLevel * length_s;
        case Mode::Training:
            break;
    }
    double period = pattern_.ripplePeriod_s;
    if (!(period > 0.0) || pattern_.rippleAmplitude == 0.0) return utilisation_ * length_s;
    // start_s is already wrapped into [0, period); the end may run past it, which the integral
    // handles by wrapping again (whole periods add nothing).
    double end = std::fmod(start_s + length_s, period);
    double ripple = squareWaveIntegral(end, period) - squareWaveIntegral(start_s, period);
    return utilisation_ * (length_s + pattern_.rippleAmplitude * ripple);
}

double ItLoadModel::advance(std::int64_t t_s, double dt_s) {
    double period = pattern_.ripplePeriod_s > 0.0 ? pattern_.ripplePeriod_s : 1.0;
    if (!(dt_s > 0.0)) {
        // Instantaneous: the level at t, with the ripple's sign there.
        if (mode_ != Mode::Training) return modeIntegral(0.0, 1.0);
        double pos = wrap(t_s, ripplePhase_s_, period);
        double sign = pos < 0.5 * period ? 1.0 : -1.0;
        return utilisation_ * (1.0 + pattern_.rippleAmplitude * sign);
    }
    // Walk the step event by event, integrating each stretch of constant mode.
    double integral = 0.0;
    double remaining = dt_s;
    while (remaining > 0.0) {
        double untilEvent = secondsUntilNextEvent();
        double segment = std::min(remaining, untilEvent);
        double pos = wrap(t_s, ripplePhase_s_ + (dt_s - remaining), period);
        integral += modeIntegral(pos, segment);
        consume(segment);
        remaining -= segment;
        if (segment >= untilEvent) transition();
    }
    return integral / dt_s;
}

double ItLoadModel::step(std::int64_t t_s, double dt_s, BuildingState state, double coolantSupply_c) {
    lastThrottleCut_ = 0.0;
    switch (state) {
        case BuildingState::NotBuilt:
            return 0.0;
        case BuildingState::UnderConstruction:
            return capacity_mw_ * pattern_.constructionLevel;
        case BuildingState::Energised:
            break;
    }
    double fraction = advance(t_s, dt_s);
    // Throttling lowers clocks on the whole building: the cut scales the load it would have drawn.
    lastThrottleCut_ = throttleCut(pattern_, throttleSupply_c_, coolantSupply_c);
    return capacity_mw_ * fraction * (1.0 - lastThrottleCut_);
}

}  // namespace ct::twin
