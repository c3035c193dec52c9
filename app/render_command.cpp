#include "render_command.h"

#include "campus_scene.h"
#include "exit_codes.h"
#include "scene_output.h"
#include "twin/scenario_loader.h"

#include <chrono>
#include <cstdio>

namespace ct::app {

void addRenderCommand(CLI::App& app, RenderOptions& o) {
    CLI::App* cmd = app.add_subcommand("render", "Render the campus as built at a phase (window, or PNG with --out)");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--phase", o.phase, "Expansion phase 1..N (default: the last, the full build-out)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--camera", o.camera, "A named camera of the scenario (default: overview)");
    cmd->add_option("--out", o.out, "Render headless and write this PNG");
    cmd->add_option("--width", o.width, "Image or window width")->check(CLI::Range(16u, 16384u));
    cmd->add_option("--height", o.height, "Image or window height")->check(CLI::Range(16u, 16384u));
    cmd->add_option("--tracker-tilt", o.trackerTilt_deg, "Solar tracker rotation, degrees (+: panels face west)")
        ->check(CLI::Range(-60.0, 60.0));
    addLightingOptions(*cmd, o.lighting);
    cmd->add_option("--pick", o.pick, "Headless: print the entity under pixel x,y");
    cmd->add_option("--frames", o.frames, "Window: close after N frames")->check(CLI::NonNegativeNumber);
}

int runRender(const GlobalOptions& global, const RenderOptions& o) {
    const twin::ScenarioResult loaded = twin::loadScenario(o.scenario);
    if (!loaded.ok()) {
        std::fprintf(stderr, "%s\n", loaded.error.c_str());
        return kExitBadInput;
    }
    const twin::Scenario& scenario = *loaded.scenario;
    const int phases = static_cast<int>(scenario.phases.size());
    const int phase = o.phase == 0 ? phases : o.phase;
    if (phase > phases) {
        std::fprintf(stderr, "campus-twin render: --phase %d: %s has phases 1..%d\n", phase, o.scenario.c_str(), phases);
        return kExitBadInput;
    }
    const auto started = std::chrono::steady_clock::now();
    CampusResult composed = composeCampus(scenario, phase, {.trackerTilt_deg = o.trackerTilt_deg});
    if (!composed.campus) {
        std::fprintf(stderr, "%s\n", composed.error.c_str());
        return kExitBadInput;
    }
    const CampusScene& campus = *composed.campus;
    const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "%s, %s: %d buildings, %zu solar panels, %d turbines; composed in %.2f s\n",
                 scenario.name.c_str(), scenario.phases[phase - 1].name.c_str(), campus.buildingCount,
                 campus.panelCount, campus.turbineCount, loadSeconds);

    const auto camera = scenarioCamera(scenario, o.camera, campus.scene.bounds);
    if (!camera) {
        std::string names;
        for (const twin::Camera& c : scenario.cameras) names += (names.empty() ? "" : ", ") + c.name;
        std::fprintf(stderr, "campus-twin render: --camera %s: no such camera in %s (it has: %s)\n", o.camera.c_str(),
                     o.scenario.c_str(), names.c_str());
        return kExitBadInput;
    }
    OutputOptions output;
    output.out = o.out;
    output.defaultName = "campus_phase" + std::to_string(phase) + "_" + o.camera;
    output.title = "Campus Twin - " + scenario.name + " - " + scenario.phases[phase - 1].name;
    output.width = o.width;
    output.height = o.height;
    output.pick = o.pick;
    output.frames = o.frames;
    output.describePick = [&](int node, int instance) {
        return "entity \"" + entityOfNode(campus.scene, node) + "\" node \"" + campus.scene.nodes[node].name +
               "\" instance " + std::to_string(instance);
    };
    return showScene(global, campus.scene, *camera, makeLighting(o.lighting), output);
}

}  // namespace ct::app
