// `campus-twin tour --scenario F --tour T --out tour.mp4 [--width W --height H --fps N]
// [--frames-dir DIR] [--max-seconds S] [--tile-size N]`: renders a tour offline, headless and
// deterministic (frame i shows the tour at i / fps seconds), captions drawn in, to MP4 through
// ffmpeg and/or to a PNG sequence. Frames larger than the device's limit (or N) are rendered in
// tiles and stitched (render/tiled_capture.h).
#pragma once

#include "command_line.h"

#include <string>

namespace ct::app {

campus::Outcome runTour(const GlobalOptions& global, const TourOptions& options);

}  // namespace ct::app
