// `campus-twin publish` and `campus-twin monitor`: the simulation's quantities out to MQTT, and
// the twin with telemetry laid over it (MQTT or CSV replay) into a CSV and the historian.
// See docs/telemetry.md.
#pragma once

#include "command_line.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ct::app {

int runPublish(const PublishOptions& options);
int runMonitor(const MonitorOptions& options);

}  // namespace ct::app
