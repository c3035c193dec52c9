// The command-line layer: every command's options, defined once with CLI11 and parsed once;
// what a command needs is handed to it by const reference. No Vulkan, no files read: the
// parser is fuzzed on its own (fuzz/fuzz_command_line.cpp).
//
//   CommandLine line;
//   if (const std::optional<campus::Outcome> stop = parseCommandLine(argc, argv, line)) ...;
//   if (line.command == "render") return runRender(line.global, line.render);
#pragma once

#include "campus/campus_options.h"
#include "campus/outcome.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ct::app {

// The settings the campus library takes are its own plain structs; these names are the
// command line's.
using GlobalOptions = campus::DeviceOptions;
using campus::CoupledFieldOptions;
using campus::LightingOptions;

struct HeatmapOptions {
    std::string scenario;
    std::string out;
    std::string colormap = "inferno";
    std::string range;   // "lo,hi" in degrees C; default: ambient .. hottest
    bool stats = false;  // the solver, the reason for it and the time per field step
    CoupledFieldOptions field;
};

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
    bool stats = false;     // --stats: time per pass and frame, draws, memory
    std::string pick;       // "x,y": print the node under that pixel
    int frames = 0;         // window: close after this many frames (0: run until closed)
    std::string quality;    // --quality: draft, standard or presentation; empty: the default
};

struct RenderOptions {
    std::string scenario;
    int phase = 0;  // 0: the last phase
    std::string camera = "overview";
    std::string out;
    unsigned width = 1920;
    unsigned height = 1080;
    double trackerTilt_deg = std::numeric_limits<double>::quiet_NaN();  // NaN: the twin's angle at --time
    LightingOptions lighting;
    unsigned tileSize = 0;  // --tile-size (0: the device's limit)
    bool stats = false;     // --stats: time per pass and frame, draws, memory
    std::string quality;    // --quality: draft, standard or presentation; empty: the default
    std::string pick;
    int frames = 0;
    double seconds = 0.0;       // window: close after this long (0: when closed, or after --frames)
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

struct SimulateOptions {
    std::string scenario;
    std::string start = "2026-07-15T00:00";
    double hours = 24.0;
    double step_s = 60.0;
    int phase = 0;  // 0: buildings follow the phase dates
    std::uint64_t seed = 1;
    std::string preset;
    std::string weather;
    std::string out;                // empty: standard output
    std::string heatField = "off";  // off, auto, cpu or gpu: couple the campus air field to the cooling
};

struct PlanOptions {
    std::string scenario;
    std::string out;  // CSV; the table always goes to standard output
    std::uint64_t seed = 1;
};

struct TourOptions {
    std::string scenario;
    std::string tour;
    std::string out;        // .mp4 through ffmpeg; may be empty when framesDir is given
    std::string framesDir;  // frame_00000.png ..
    unsigned width = 1920;
    unsigned height = 1080;
    unsigned fps = 30;
    double maxSeconds = 0.0;           // > 0: stop after this much of the tour (previews, tests)
    unsigned tileSize = 0;             // --tile-size: largest tile side (0: the device's limit, or $CT_TILE_SIZE)
    bool stats = false;                // --stats: mean time per pass and frame over the tour
    std::string quality = "standard";  // --quality: draft, standard or presentation
};

struct PublishOptions {
    std::string scenario;
    std::string broker;
    std::string topicPrefix = "campus/";
    std::string start = "now";
    double hours = 1.0;
    double step_s = 60.0;
    double speed = 60.0;  // simulated seconds per wall-clock second; 0: as fast as possible
    int qos = 0;
    int phase = 0;
    std::uint64_t seed = 1;
};

struct MonitorOptions {
    std::string scenario;
    std::string telemetry;  // binding file
    std::string broker;
    std::string replay;
    std::string historian;
    std::string start;  // default: now (broker), the replay's first row (replay)
    double hours = 1.0;
    double step_s = 60.0;
    double speed = -1.0;  // default: 1 with a broker (live), 0 for a replay (no waiting)
    double retention_h = 0.0;
    int phase = 0;
    std::uint64_t seed = 1;
    std::vector<std::string> watch;  // entity/quantity columns besides the bound ones
    std::string out;                 // empty: standard output
};

struct ExportOptions {
    std::string scenario;
    int phase = 0;    // 0: the last phase
    std::string out;  // .glb, or .gltf (with a .bin beside it)
    double trackerTilt_deg = 0.0;
};

// Everything the command line can say: the global options, the command given, and each
// command's options (only the given command's are read).
struct CommandLine {
    GlobalOptions global;
    std::string command;  // "view", "render", "simulate", "heatmap", "plan", "tour", "publish", "monitor", "export"
    ViewOptions view;
    RenderOptions render;
    SimulateOptions simulate;
    HeatmapOptions heatmap;
    PlanOptions plan;
    TourOptions tour;
    PublishOptions publish;
    MonitorOptions monitor;
    ExportOptions exportCampus;  // `export` is a keyword
};

// Parses argv into `line`. nullopt: run line.command. A value: stop now, done (the help was
// printed) or with the usage error as bad input.
std::optional<campus::Outcome> parseCommandLine(int argc, const char* const* argv, CommandLine& line);

void addLightingOptions(CLI::App& command, LightingOptions& options);
void addTileOption(CLI::App& command, unsigned& tileSize);
void addStatsOption(CLI::App& command, bool& stats);
// --quality (render/render_quality.h); `headlessDefault` is what the help says a PNG gets.
void addQualityOption(CLI::App& command, std::string& quality, const std::string& headlessDefault);
void addCoupledFieldOptions(CLI::App& command, CoupledFieldOptions& options);
void addViewCommand(CLI::App& app, ViewOptions& options);
void addRenderCommand(CLI::App& app, RenderOptions& options);
void addSimulateCommand(CLI::App& app, SimulateOptions& options);
void addHeatmapCommand(CLI::App& app, HeatmapOptions& options);
void addPlanCommand(CLI::App& app, PlanOptions& options);
void addTourCommand(CLI::App& app, TourOptions& options);
void addPublishCommand(CLI::App& app, PublishOptions& options);
void addMonitorCommand(CLI::App& app, MonitorOptions& options);
void addExportCommand(CLI::App& app, ExportOptions& options);

}  // namespace ct::app
