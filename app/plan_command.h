// `campus-twin plan`: for each phase, the peak facility power on the summer design day against
// the firm supply (gas, grid import, batteries), the margin and a verdict.
#pragma once

#include "command_line.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ct::twin {
struct Scenario;
}

namespace ct::app {

struct PhasePlan {
    int phase = 0;
    std::string name;
    int buildings = 0;
    double itCapacity_mw = 0.0;
    double peakFacility_mw = 0.0;  // summer design day, 1-minute steps
    double peakPue = 0.0;          // at the peak
    double firmSupply_mw = 0.0;    // gas + grid import limit + battery power
    double margin_mw = 0.0;        // firm supply - peak
    double maxLoadShed_mw = 0.0;   // from the day's dispatch, renewables included
    std::string verdict;           // "holds", "tight" (margin under 10 %), "short"
};

std::vector<PhasePlan> planPhases(const twin::Scenario& scenario, std::uint64_t seed);

campus::Outcome runPlan(const PlanOptions& options);

}  // namespace ct::app
