// `campus-twin view FILE`: shows any glTF file, in a window or rendered headless to a PNG.
#pragma once

#include "command_line.h"

#include <optional>
#include <string>

namespace ct::app {

campus::Outcome runView(const GlobalOptions& global, const ViewOptions& options);

}  // namespace ct::app
