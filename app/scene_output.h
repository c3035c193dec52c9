// Shows a scene the way every subcommand does: in a window where there is a display and no
// --out, otherwise rendered headless to a PNG whose path is printed. One place, so `view`,
// `render` and later commands behave alike.
#pragma once

#include "render/camera.h"
#include "render/lighting.h"
#include "scene/scene.h"
#include "options.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace ct::app {

struct OutputOptions {
    std::string out;         // PNG path; empty: window, or out/<defaultName>.png without a display
    std::string defaultName;
    std::string title;
    unsigned width = 1280;
    unsigned height = 720;
    std::string pick;        // "x,y"
    int frames = 0;
    // Describes the node under a picked pixel; by default its name.
    std::function<std::string(int node, int instance)> describePick;
};

void addLightingOptions(CLI::App& command, LightingOptions& options);
render::Lighting makeLighting(const LightingOptions& options);

// Returns the process exit code.
int showScene(const GlobalOptions& global, const scene::Scene& scene, const render::Camera& camera,
              const render::Lighting& lighting, const OutputOptions& output);

}  // namespace ct::app
