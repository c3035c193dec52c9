// `campus-twin view FILE`: shows any glTF file, in a window or rendered headless to a PNG.
#pragma once

#include "options.h"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace ct::app {

struct ViewOptions {
    std::string file;
    std::string out;  // empty: open a window (or, with no display, render into out/)
    unsigned width = 1280;
    unsigned height = 720;
    std::string camera;
    std::string eye;     // "x,y,z"
    std::string target;  // "x,y,z"
    LightingOptions lighting;
    unsigned tileSize = 0;  // --tile-size (0: the device's limit)
    std::string pick;       // "x,y": print the node under that pixel
    int frames = 0;         // window: close after this many frames (0: run until closed)
};

void addViewCommand(CLI::App& app, ViewOptions& options);
int runView(const GlobalOptions& global, const ViewOptions& options);

}  // namespace ct::app
