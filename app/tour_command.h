// `campus-twin tour --scenario F --tour T --out tour.mp4 [--width W --height H --fps N]
// [--frames-dir DIR] [--max-seconds S]`: renders a tour offline, headless and deterministic
// (frame i shows the tour at i / fps seconds), captions drawn in, to MP4 through ffmpeg and/or
// to a PNG sequence.
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
};

void addTourCommand(CLI::App& app, TourOptions& options);
int runTour(const GlobalOptions& global, const TourOptions& options);

}  // namespace ct::app
