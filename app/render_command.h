// `campus-twin render --scenario F --phase N --camera NAME [--out x.png]`: the campus as built at
// a phase, in a window or rendered headless.
#pragma once

#include "heatmap_command.h"
#include "options.h"

#include <CLI/CLI.hpp>

#include <string>

namespace ct::app {

struct RenderOptions {
    std::string scenario;
    int phase = 0;  // 0: the last phase
    std::string camera = "overview";
    std::string out;
    unsigned width = 1920;
    unsigned height = 1080;
    double trackerTilt_deg = 0.0;
    LightingOptions lighting;
    unsigned tileSize = 0;  // --tile-size (0: the device's limit)
    std::string pick;
    int frames = 0;
    float uiScale = 1.0f;       // window: UI scale on top of the monitor's content scale
    bool presentation = false;  // window: fullscreen, panels hidden, the tour looping
    std::string tour;           // window: the tour to play (default: scenarios/abilene_tour.json)
    std::string select;         // window: a building to show in the inspector
    int monitor = -1;           // window: fullscreen and presentation on this monitor (-1: primary)
    std::string layer;          // "heatmap": the coupled air-temperature field drawn on the campus
    std::string colormap = "inferno";
    CoupledFieldOptions field;
    std::string telemetry;  // window: binding file; values from --broker or --replay, marked measured
    std::string broker;
    std::string replay;
};

void addRenderCommand(CLI::App& app, RenderOptions& options);
int runRender(const GlobalOptions& global, const RenderOptions& options);

}  // namespace ct::app
