// `campus-twin simulate`: runs the twin over a time span and writes one CSV row per step.
#pragma once

#include "options.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

namespace ct::app {

struct SimulateOptions {
    std::string scenario;
    std::string start = "2026-07-15T00:00";
    double hours = 24.0;
    double step_s = 60.0;
    int phase = 0;  // 0: buildings follow the phase dates
    std::uint64_t seed = 1;
    std::string preset;
    std::string weather;
    std::string out;                // empty: standard output
    std::string heatField = "off";  // off, cpu or gpu: couple the campus air field to the cooling
};

void addSimulateCommand(CLI::App& app, SimulateOptions& options);
int runSimulate(const SimulateOptions& options);

}  // namespace ct::app
