// IT load of one building: an AI-training pattern of high steady use with the step swings that
// tens of thousands of GPUs stepping together produce (checkpoints, communication phases, jobs
// stopping and restarting), and clock throttling when the coolant runs too warm.
// Sources: docs/campus-facts.md, "AI training load" (Llama 3 paper; "Power Stabilization for
// AI Training Datacenters", 2025): swings of tens of MW within a second.
//
// Use: ItLoadModel load(building, scenario.cooling, seed);
//      each step: double it_mw = load.step(t_s, dt_s, state, previousSupply_c);
// step() returns the mean IT power over [t, t + dt), so an hourly step sees the average of the
// swings a 1 s step resolves. The model is deterministic: its output depends only on the seed, the
// building id and the sequence of calls. Randomness comes from a std::mt19937_64 the model owns,
// converted to numbers without the (implementation-defined) standard distributions.
#pragma once

#include <cstdint>
#include <random>

#include "twin/scenario.h"

namespace ct::twin {

enum class BuildingState { NotBuilt, UnderConstruction, Energised };

// The shape of the load as fractions of the building's IT capacity. Defaults follow the facts
// file's description; no published trace gives the exact numbers, so they are working values.
struct ItLoadPattern {
    double utilisationMin = 0.85;  // steady training use; each job draws its own in [min, max]
    double utilisationMax = 0.92;
    double checkpointIntervalMin_s = 20.0 * 60.0;  // GPUs idle while weights are written out
    double checkpointIntervalMax_s = 60.0 * 60.0;
    double checkpointDurationMin_s = 30.0;
    double checkpointDurationMax_s = 90.0;
    double checkpointLevel = 0.35;
    double rippleAmplitude = 0.07;                // compute / all-reduce phases: +-7 % of the training load
    double ripplePeriod_s = 4.0;                  // a square wave: half the period computing, half communicating
    double jobStopMeanInterval_s = 8.0 * 3600.0;  // exponential gaps between job stops
    double jobStopDurationMin_s = 2.0 * 60.0;
    double jobStopDurationMax_s = 15.0 * 60.0;
    double jobStopLevel = 0.10;       // idle GPUs, network, storage
    double constructionLevel = 0.02;  // construction power before the building is energised
    double throttlePerKelvin = 0.03;  // load cut per kelvin of supply above the throttle limit
    double throttleMaxCut = 0.30;
};

class ItLoadModel {
public:
    // The seed is mixed with the building id, so one scenario seed gives each building its own pattern.
    ItLoadModel(const Building& building, const Cooling& cooling, std::uint64_t seed, ItLoadPattern pattern = {});

    // Mean IT MW over [t_s, t_s + dt_s). dt_s <= 0 returns the instantaneous load at t_s and advances
    // nothing. The training pattern's clocks run only while the building is energised.
    // coolantSupply_c: the previous step's coolant supply temperature (feeds throttling).
    double step(std::int64_t t_s, double dt_s, BuildingState state, double coolantSupply_c);

    // Fraction of the load the last step cut by throttling, 0..throttleMaxCut.
    double lastThrottleCut() const { return lastThrottleCut_; }
    double capacity_mw() const { return capacity_mw_; }

private:
    enum class Mode { Training, Checkpoint, JobStopped };

    double uniform01();
    double uniform(double lo, double hi);
    double secondsUntilNextEvent() const;
    void consume(double seconds);
    void transition();
    void startJob();
    // Integral over [start, start + length) of the training load, as a fraction of capacity seconds.
    double modeIntegral(double start_s, double length_s) const;
    double advance(std::int64_t t_s, double dt_s);

    double capacity_mw_;
    double throttleSupply_c_;
    ItLoadPattern pattern_;
    std::mt19937_64 rng_;
    double ripplePhase_s_;
    Mode mode_ = Mode::Training;
    double utilisation_ = 0.0;
    double timeToCheckpoint_s_ = 0.0;
    double timeToJobStop_s_ = 0.0;
    double modeRemaining_s_ = 0.0;  // in Checkpoint or JobStopped
    double lastThrottleCut_ = 0.0;
};

// The throttling cut for a supply temperature: throttlePerKelvin per K above the limit, capped.
double throttleCut(const ItLoadPattern& pattern, double throttleSupply_c, double coolantSupply_c);

}  // namespace ct::twin
