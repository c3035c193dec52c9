// `campus-twin simulate`: runs the twin over a time span and writes one CSV row per step.
#pragma once

#include "command_line.h"

#include <cstdint>
#include <string>

namespace ct::app {

campus::Outcome runSimulate(const SimulateOptions& options);

}  // namespace ct::app
