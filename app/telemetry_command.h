// `campus-twin publish` and `campus-twin monitor`: the simulation's quantities out to MQTT, and
// the twin with telemetry laid over it (MQTT or CSV replay) into a CSV and the historian.
// See docs/telemetry.md.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ct::app {

struct PublishOptions {
    std::string scenario;
    std::string broker;
    std::string topicPrefix = "campus/";
    std::string start = "now";
    double hours = 1.0;
    double step_s = 60.0;
    double speed = 60.0;  // simulated seconds per wall-clock second; 0: as fast as possible
    int qos = 0;
    int phase = 0;
    std::uint64_t seed = 1;
};

struct MonitorOptions {
    std::string scenario;
    std::string telemetry;  // binding file
    std::string broker;
    std::string replay;
    std::string historian;
    std::string start;  // default: now (broker), the replay's first row (replay)
    double hours = 1.0;
    double step_s = 60.0;
    double speed = -1.0;  // default: 1 with a broker (live), 0 for a replay (no waiting)
    double retention_h = 0.0;
    int phase = 0;
    std::uint64_t seed = 1;
    std::vector<std::string> watch;  // entity/quantity columns besides the bound ones
    std::string out;                 // empty: standard output
};

void addPublishCommand(CLI::App& app, PublishOptions& options);
int runPublish(const PublishOptions& options);
void addMonitorCommand(CLI::App& app, MonitorOptions& options);
int runMonitor(const MonitorOptions& options);

}  // namespace ct::app
