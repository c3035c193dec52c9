// `campus-twin tour --scenario F --tour T --out tour.mp4 [--width W --height H --fps N]
// [--frames-dir DIR] [--max-seconds S] [--tile-size N]`: renders a tour offline, headless and
// deterministic (frame i shows the tour at i / fps seconds), captions drawn in, to MP4 through
// ffmpeg and/or to a PNG sequence. Frames larger than the device's limit (or N) are rendered in
// tiles and stitched (render/tiled_capture.h).
#pragma once

#include "options.h"

#include <CLI/CLI.hpp>

#include <string>

namespace ct::app {

struct TourOptions {
    std::string scenario;
    std::string tour;
    std::string out;        // .mp4 through ffmpeg; may be empty when framesDir is given
    std::string framesDir;  // frame_00000.png ..
    unsigned width = 1920;
    unsigned height = 1080;
    unsigned fps = 30;
    double maxSeconds = 0.0;  // > 0: stop after this much of the tour (previews, tests)
    unsigned tileSize = 0;    // --tile-size: largest tile side (0: the device's limit, or $CT_TILE_SIZE)
};

void addTourCommand(CLI::App& app, TourOptions& options);
int runTour(const GlobalOptions& global, const TourOptions& options);

}  // namespace ct::app
