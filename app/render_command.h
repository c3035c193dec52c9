// `campus-twin render --scenario F --phase N --camera NAME [--out x.png]`: the campus as built at
// a phase, in a window or rendered headless.
#pragma once

#include "command_line.h"

#include <string>

namespace ct::app {

campus::Outcome runRender(const GlobalOptions& global, const RenderOptions& options);

}  // namespace ct::app
