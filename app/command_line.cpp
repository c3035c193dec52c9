#include "command_line.h"

#include "twin/civil_time.h"
#include "twin/weather.h"

namespace ct::app {

using namespace ct::campus;  // the campus library these commands call

std::optional<Outcome> parseCommandLine(int argc, const char* const* argv, CommandLine& line) {
    CLI::App app{"Campus Twin: a digital twin of an AI data-center campus, rendered with Vulkan.", "campus-twin"};
    app.require_subcommand(1);
    app.add_flag("--validate", line.global.validate, "Enable the Khronos validation layer and report its messages");
    app.add_option("--device", line.global.device,
                   "Use Vulkan physical device N (see the device list printed at start)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--culling", line.global.culling,
                   "Where the camera's instances are culled and its draws made: gpu (a compute pass writes "
                   "indirect draws), cpu, or auto (gpu unless the Vulkan device is a CPU, such as lavapipe)")
        ->check(CLI::IsMember({"auto", "cpu", "gpu"}));
    addViewCommand(app, line.view);
    addRenderCommand(app, line.render);
    addSimulateCommand(app, line.simulate);
    addHeatmapCommand(app, line.heatmap);
    addPlanCommand(app, line.plan);
    addTourCommand(app, line.tour);
    addPublishCommand(app, line.publish);
    addMonitorCommand(app, line.monitor);
    addExportCommand(app, line.exportCampus);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        app.exit(e);
        return done();
    } catch (const CLI::CallForAllHelp& e) {
        app.exit(e);
        return done();
    } catch (const CLI::ParseError& e) {
        return badInput(e.what());
    }
    line.command = app.get_subcommands().front()->get_name();
    return std::nullopt;
}

void addViewCommand(CLI::App& app, ViewOptions& o) {
    CLI::App* view =
        app.add_subcommand("view", "Show a glTF 2.0 file (.gltf or .glb) in a window, or render it to a PNG");
    view->add_option("file", o.file, "The glTF file")->required();
    view->add_option("--out", o.out, "Render headless (no window system) and write this PNG");
    view->add_option("--width", o.width, "Image or window width in pixels")->check(CLI::Range(16u, 16384u));
    view->add_option("--height", o.height, "Image or window height in pixels")->check(CLI::Range(16u, 16384u));
    auto* camera = view->add_option("--camera", o.camera, "View from the glTF camera with this camera or node name");
    auto* eye = view->add_option("--eye", o.eye, "Camera position x,y,z in metres (with --target)");
    auto* target = view->add_option("--target", o.target, "Point looked at x,y,z in metres (with --eye)");
    eye->needs(target);
    target->needs(eye);
    camera->excludes(eye)->excludes(target);
    addLightingOptions(*view, o.lighting);
    addTileOption(*view, o.tileSize);
    addStatsOption(*view, o.stats);
    addQualityOption(*view, o.quality, "standard");
    view->add_option("--pick", o.pick, "Headless: print the node under pixel x,y of the rendered image");
    view->add_option("--frames", o.frames, "Window: close after N frames (0: when the window is closed)")
        ->check(CLI::NonNegativeNumber);
}

void addRenderCommand(CLI::App& app, RenderOptions& o) {
    CLI::App* cmd = app.add_subcommand("render", "Render the campus as built at a phase (window, or PNG with --out)");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--phase", o.phase, "Expansion phase 1..N (default: the last, the full build-out)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--camera", o.camera, "A named camera of the scenario (default: overview)");
    cmd->add_option("--out", o.out, "Render headless and write this PNG");
    cmd->add_option("--width", o.width, "Image or window width")->check(CLI::Range(16u, 16384u));
    cmd->add_option("--height", o.height, "Image or window height")->check(CLI::Range(16u, 16384u));
    cmd->add_option("--tracker-tilt", o.trackerTilt_deg,
                    "Solar tracker rotation, degrees (+: panels face west); default: the twin's at --time")
        ->check(CLI::Range(-60.0, 60.0));
    addLightingOptions(*cmd, o.lighting);
    addTileOption(*cmd, o.tileSize);
    addStatsOption(*cmd, o.stats);
    addQualityOption(*cmd, o.quality, "standard");
    cmd->add_option("--pick", o.pick, "Headless: print the entity under pixel x,y");
    cmd->add_option("--frames", o.frames, "Window: close after N frames")->check(CLI::NonNegativeNumber);
    cmd->add_option("--seconds", o.seconds, "Window: close after S seconds (soak runs, kiosks)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--layer", o.layer,
                    "Draw a data layer at --time: heatmap (the campus air temperature) or power_flows (lines from "
                    "the sources to the buildings, width by MW)")
        ->check(CLI::IsMember({"heatmap", "power_flows"}));
    cmd->add_option("--colormap", o.colormap, "Heat map colour map: viridis, inferno or turbo")
        ->check(CLI::IsMember({"viridis", "inferno", "turbo"}));
    addCoupledFieldOptions(*cmd, o.field);
    cmd->add_option("--ui-scale", o.uiScale, "Window: scale of the panels' text, x the monitor's content scale")
        ->check(CLI::Range(0.5f, 4.0f));
    cmd->add_flag("--presentation", o.presentation, "Window: fullscreen, panels hidden, the tour looping");
    cmd->add_option("--monitor", o.monitor,
                    "Window: fullscreen (F11) and presentation on monitor N (0, 1, ..; default the primary)")
        ->check(CLI::Range(0, 15));
    cmd->add_option("--select", o.select, "Window: a building (e.g. bldg-05) shown in the inspector from the start");
    cmd->add_option("--tour", o.tour, "Window: tour file to play (T key; default scenarios/abilene_tour.json)");
    auto* telemetry = cmd->add_option("--telemetry", o.telemetry,
                                      "Window: binding file (docs/telemetry.md); bound values show as measured");
    auto* broker = cmd->add_option("--broker", o.broker, "Window: MQTT broker host:port for --telemetry");
    auto* replay = cmd->add_option("--replay", o.replay, "Window: recorded telemetry CSV for --telemetry");
    broker->needs(telemetry);
    replay->needs(telemetry);
    broker->excludes(replay);
}

void addSimulateCommand(CLI::App& app, SimulateOptions& o) {
    CLI::App* cmd = app.add_subcommand("simulate", "Run the twin through time and write one CSV row per step");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--start", o.start, "Start time, ISO 8601 UTC (e.g. 2026-07-15T00:00)");
    cmd->add_option("--hours", o.hours, "How long to simulate, hours")->check(CLI::Range(0.0003, 87840.0));
    cmd->add_option("--step", o.step_s, "Step, seconds (1 to 3600)")->check(CLI::Range(1.0, 3600.0));
    cmd->add_option("--phase", o.phase, "Energise the buildings of phases 1..N (default: from the phase dates)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--seed", o.seed, "Seed of the weather and load processes (same seed, same output)");
    cmd->add_option("--preset", o.preset, "Weather preset: " + twin::presetNames());
    cmd->add_option("--weather", o.weather,
                    "Weather CSV (time,temperature_c,wind_speed_ms,wind_direction_deg,ghi_wm2)");
    cmd->add_option("--out", o.out, "CSV output file (default: standard output)");
    cmd->add_option("--heat-field", o.heatField,
                    "Couple the campus air field (heat map) to the cooling: off, auto, cpu or gpu (auto: cpu on a CPU "
                    "Vulkan device, else gpu). Coolers then breathe the air their neighbours warmed")
        ->check(CLI::IsMember({"off", "auto", "cpu", "gpu"}));
}

void addCoupledFieldOptions(CLI::App& command, CoupledFieldOptions& o) {
    command.add_option("--time", o.time,
                       "Time of the field, ISO 8601 UTC, fractions of a second allowed on render "
                       "(default 2026-07-15T21:00, 16:00 local)");
    command
        .add_option("--backend", o.backend,
                    "Where the field is computed: gpu (Vulkan compute), cpu (the reference) or auto (cpu on a CPU "
                    "Vulkan device such as lavapipe, else gpu)")
        ->check(CLI::IsMember({"auto", "gpu", "cpu"}));
    command.add_option("--spinup-hours", o.spinupHours, "Hours simulated before --time so the field develops")
        ->check(CLI::Range(0.0, 48.0));
    command.add_option("--field-step", o.step_s, "Simulation and field step, seconds")->check(CLI::Range(1.0, 600.0));
    command.add_option("--seed", o.seed, "Seed of the weather and load processes");
    command.add_option("--preset", o.preset, "Weather preset (" + twin::presetNames() + ", or none)");
}

void addHeatmapCommand(CLI::App& app, HeatmapOptions& o) {
    CLI::App* cmd = app.add_subcommand("heatmap", "The campus air-temperature field at a time, as PNG or CSV");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--phase", o.field.phase, "Expansion phase 1..N (default: the last)")->check(CLI::PositiveNumber);
    cmd->add_option("--out", o.out, "field.png (colour map, north up) or field.csv (degrees C per cell)")->required();
    cmd->add_option("--colormap", o.colormap, "viridis, inferno or turbo (PNG)")
        ->check(CLI::IsMember({"viridis", "inferno", "turbo"}));
    cmd->add_option("--range", o.range, "Colour range lo,hi in degrees C (PNG; default: ambient to the hottest cell)");
    cmd->add_flag("--stats", o.stats, "Print which solver ran the field, why, and how long its steps took");
    addCoupledFieldOptions(*cmd, o.field);
}

void addPlanCommand(CLI::App& app, PlanOptions& o) {
    CLI::App* cmd = app.add_subcommand(
        "plan", "Per phase: peak facility power on the 44 C summer design day against firm supply, and a verdict");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--out", o.out, "Also write the table as CSV to this file");
    cmd->add_option("--seed", o.seed, "Seed of the load process");
}

void addTourCommand(CLI::App& app, TourOptions& o) {
    CLI::App* cmd = app.add_subcommand("tour", "Render a camera tour of the campus headless, to MP4 and/or PNG frames");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--tour", o.tour, "Tour file (JSON, see docs/tours.md)")->required();
    cmd->add_option("--out", o.out, "MP4 to write through ffmpeg");
    cmd->add_option("--frames-dir", o.framesDir, "Also write each frame as DIR/frame_00000.png ..");
    cmd->add_option("--width", o.width, "Frame width")->check(CLI::Range(16u, 7680u));
    cmd->add_option("--height", o.height, "Frame height")->check(CLI::Range(16u, 4320u));
    cmd->add_option("--fps", o.fps, "Frames per second")->check(CLI::Range(1u, 240u));
    cmd->add_option("--max-seconds", o.maxSeconds, "Render only the first S seconds of the tour")
        ->check(CLI::PositiveNumber);
    addTileOption(*cmd, o.tileSize);
    addStatsOption(*cmd, o.stats);
    addQualityOption(*cmd, o.quality, "standard");
}

void addPublishCommand(CLI::App& app, PublishOptions& o) {
    CLI::App* cmd = app.add_subcommand("publish", "Publish the simulation's quantities to an MQTT broker");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--broker", o.broker, "MQTT broker, host:port")->required();
    cmd->add_option("--topic-prefix", o.topicPrefix, "Topic prefix; topics are PREFIX<entity>/<quantity>");
    cmd->add_option("--start", o.start, "Start time, ISO 8601 UTC, or 'now' (default)");
    cmd->add_option("--hours", o.hours, "How long to publish, simulated hours")->check(CLI::Range(0.0003, 87840.0));
    cmd->add_option("--step", o.step_s, "Step, seconds (1 to 3600)")->check(CLI::Range(1.0, 3600.0));
    cmd->add_option("--speed", o.speed, "Simulated seconds per wall-clock second (0: no waiting)")
        ->check(CLI::Range(0.0, 1e6));
    cmd->add_option("--qos", o.qos, "MQTT QoS, 0 or 1")->check(CLI::Range(0, 1));
    cmd->add_option("--phase", o.phase, "Energise the buildings of phases 1..N")->check(CLI::PositiveNumber);
    cmd->add_option("--seed", o.seed, "Seed of the weather and load processes");
}

void addMonitorCommand(CLI::App& app, MonitorOptions& o) {
    CLI::App* cmd = app.add_subcommand(
        "monitor", "Run the twin with telemetry (MQTT or a CSV replay) over it; write CSV and the historian");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--telemetry", o.telemetry, "Binding file (JSON, see docs/telemetry.md)")->required();
    auto* broker = cmd->add_option("--broker", o.broker, "MQTT broker, host:port");
    auto* replay = cmd->add_option("--replay", o.replay, "Recorded telemetry CSV to play instead of a broker");
    broker->excludes(replay);
    cmd->add_option("--historian", o.historian, "SQLite file keeping every value (created if missing)");
    cmd->add_option("--retention-hours", o.retention_h, "Delete history older than this (0: keep all)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--start", o.start, "Start time, ISO 8601 UTC or 'now'");
    cmd->add_option("--hours", o.hours, "How long to run, simulated hours")->check(CLI::Range(0.0003, 87840.0));
    cmd->add_option("--step", o.step_s, "Step, seconds (1 to 3600)")->check(CLI::Range(1.0, 3600.0));
    cmd->add_option("--speed", o.speed, "Simulated seconds per wall-clock second (0: no waiting)")
        ->check(CLI::Range(0.0, 1e6));
    cmd->add_option("--phase", o.phase, "Energise the buildings of phases 1..N")->check(CLI::PositiveNumber);
    cmd->add_option("--seed", o.seed, "Seed of the weather and load processes");
    cmd->add_option("--watch", o.watch, "Also write entity/quantity (repeatable)");
    cmd->add_option("--out", o.out, "CSV output file (default: standard output)");
}

void addExportCommand(CLI::App& app, ExportOptions& o) {
    CLI::App* cmd = app.add_subcommand(
        "export",
        "Write the campus as built at a phase as one glTF file (.glb, or .gltf + .bin) for Blender and others");
    cmd->add_option("--scenario", o.scenario, "Scenario file (JSON, see docs/scenario.md)")->required();
    cmd->add_option("--phase", o.phase, "Expansion phase 1..N (default: the last, the full build-out)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--out", o.out, "campus.glb (one binary file) or campus.gltf (with campus.bin beside it)")
        ->required();
    cmd->add_option("--tracker-tilt", o.trackerTilt_deg, "Solar tracker rotation, degrees (+: panels face west)")
        ->check(CLI::Range(-60.0, 60.0));
}

void addTileOption(CLI::App& command, unsigned& tileSize) {
    command
        .add_option("--tile-size", tileSize,
                    "Headless: render in tiles of at most N pixels a side (default: the device's limit)")
        ->check(CLI::Range(16u, 16384u));
}

void addStatsOption(CLI::App& command, bool& stats) {
    command.add_flag("--stats", stats,
                     "Print where the frame's time goes: GPU milliseconds per pass, CPU milliseconds per frame, "
                     "draws, triangles and memory");
}

void addQualityOption(CLI::App& command, std::string& quality, const std::string& headlessDefault) {
    command
        .add_option("--quality", quality,
                    "What a frame spends: draft (no MSAA), standard (4x MSAA) or presentation (standard, a "
                    "sharper shadow map and 2x2 supersampling for stills and video). Default: " +
                        headlessDefault + " headless; in a window draft on a CPU device, standard on a GPU")
        ->check(CLI::IsMember({"draft", "standard", "presentation"}));
}

void addLightingOptions(CLI::App& command, LightingOptions& o) {
    command.add_option("--sun-elevation", o.sunElevation, "Sun elevation above the horizon, degrees")
        ->check(CLI::Range(-90.0f, 90.0f));
    command.add_option("--sun-azimuth", o.sunAzimuth, "Sun azimuth clockwise from north (-Z), degrees");
    command.add_flag("--no-shadows", o.noShadows, "Turn off the sun's shadow map");
    command
        .add_option("--ev", o.ev100,
                    "Camera exposure, EV at ISO 100 (sunny noon about 15, dusk about 10, a floodlit yard at night "
                    "about 4); default: metered from the sun and sky")
        ->check(CLI::Range(-6.0f, 20.0f));
}

}  // namespace ct::app
