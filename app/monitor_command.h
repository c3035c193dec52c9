// `campus-twin monitor`: the twin with telemetry laid over it (MQTT or a CSV replay), written as
// a CSV of the bound and watched quantities and into the historian. See docs/telemetry.md.
#pragma once

#include "command_line.h"

namespace ct::app {

campus::Outcome runMonitor(const MonitorOptions& options);

}  // namespace ct::app
