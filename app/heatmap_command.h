// `campus-twin heatmap`: the campus air-temperature field at a time, as a PNG (colour map) or a
// CSV (degrees C per cell, with the grid's origin and cell size in a header). The field is the
// coupled one: the twin and the field run together from a spin-up before the time.
#pragma once

#include "command_line.h"

#include <string>

namespace ct::app {

campus::Outcome runHeatmap(const GlobalOptions& global, const HeatmapOptions& options);

}  // namespace ct::app
