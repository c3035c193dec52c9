// `campus-twin publish`: the simulation's quantities out to an MQTT broker, one JSON payload per
// quantity and step, paced against the wall clock. See docs/telemetry.md.
#pragma once

#include "command_line.h"

namespace ct::app {

campus::Outcome runPublish(const PublishOptions& options);

}  // namespace ct::app
