#include "campus/campus_window.h"

#include "campus/campus_telemetry.h"
#include "campus/scene_output.h"
#include "campus/view_export.h"
#include "render/renderer.h"
#include "ui/building_labels.h"
#include "ui/cameras_panel.h"
#include "ui/caption_raster.h"
#include "ui/dashboard_panel.h"
#include "ui/export_panel.h"
#include "ui/frame_stats_window.h"
#include "ui/imgui_layer.h"
#include "ui/inspector_panel.h"
#include "ui/layers_panel.h"
#include "ui/phases_panel.h"
#include "ui/presentation_overlay.h"
#include "ui/time_panel.h"
#include "ui/ui_settings.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <exception>

namespace ct::campus {

namespace {

// First-run layout (ImGui's ini file keeps the user's afterwards): the controls down the left
// edge, the readouts down the right, in font-size units so every scale gets the same layout.
struct Placement {
    float x, y, w, h;  // font sizes; x < 0 counts from the right edge
};

void placeFirstTime(const Placement& p) {
    const float f = ImGui::GetFontSize();
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float x = p.x >= 0.0f ? p.x * f : screen.x + p.x * f;
    ImGui::SetNextWindowPos({x, p.y * f}, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize({p.w * f, p.h * f}, ImGuiCond_FirstUseEver);
}

}  // namespace

CampusWindow::CampusWindow(LiveCampus& live, CampusWindowOptions options)
    : options_(std::move(options)), session_(live, options_.session) {
    frameStatsShown_ = options_.frameStats;
    panels_.push_back(std::make_unique<ui::PhasesPanel>());
    panels_.push_back(std::make_unique<ui::TimePanel>());
    panels_.push_back(std::make_unique<ui::LayersPanel>());
    panels_.push_back(std::make_unique<ui::DashboardPanel>());
    panels_.push_back(std::make_unique<ui::InspectorPanel>());
    panels_.push_back(std::make_unique<ui::CamerasPanel>());
    auto exportPanel = std::make_unique<ui::ExportPanel>();
    exportPanel_ = exportPanel.get();
    panels_.push_back(std::move(exportPanel));
    overlay_ = std::make_unique<ui::PresentationOverlay>();
    if (options_.persistSettings) {
        const ui::UiSettings settings = ui::loadUiSettings(ui::settingsFile());
        ui::LayerSettings layers = session_.layers();
        if (const auto map = render::parseColormap(settings.colormap)) layers.colormap = *map;
        ui::applyLayerSwitches(settings.layers, layers);
        session_.setLayers(layers);
        session_.setSpeed(settings.speed);
        session_.loadUserViews(settings.userViews);
    }
}

CampusWindow::~CampusWindow() = default;

window::ViewerHooks CampusWindow::hooks() {
    window::ViewerHooks h;
    h.onInit = [this](GLFWwindow* w, vk::Context& c, render::Renderer& r, const window::SwapchainInfo& i) {
        init(w, c, r, i);
    };
    h.onSwapchainRecreated = [this](const window::SwapchainInfo& info) { layer_->swapchainRecreated(info); };
    h.beforeFrame = [this](window::FrameControl& frame, render::Renderer& renderer) { beforeFrame(frame, renderer); };
    h.recordOverlay = [this](VkCommandBuffer cmd, std::uint32_t index, VkImage, VkExtent2D extent) {
        layer_->record(cmd, index, extent);
    };
    h.onPick = [this](int node, int) {
        const std::string before = session_.selected();
        session_.picked(node);
        if (session_.selected() != before) std::fprintf(stderr, "selected %s\n", session_.selected().c_str());
    };
    h.wantsMouse = [this] { return layer_ && layer_->wantsMouse(); };
    h.wantsKeyboard = [this] { return layer_ && layer_->wantsKeyboard(); };
    h.onShutdown = [this] { shutdown(); };
    return h;
}

window::ViewerResult CampusWindow::run(window::ViewerOptions viewer) {
    viewer.hooks = hooks();
    const float aspect = static_cast<float>(viewer.width) / static_cast<float>(std::max(viewer.height, 1u));
    return window::runViewer(session_.campus().scene, session_.startCamera(aspect), session_.lighting(), viewer);
}

void CampusWindow::init(GLFWwindow* window, vk::Context& context, render::Renderer&,
                        const window::SwapchainInfo& info) {
    window_ = window;
    context_ = &context;
    stage_ = std::make_unique<CampusStage>(
        session_, context, CampusStageOptions{.heatmapCells = options_.heatmapCells, .backend = options_.fieldBackend});
    float contentScale = 1.0f;
    float unused = 1.0f;
    glfwGetWindowContentScale(window, &contentScale, &unused);
    ui::ImGuiLayerOptions layer;
    layer.scale = options_.uiScale * std::max(contentScale, 1.0f);
    layer.fontFile = ui::defaultCaptionFont();
    if (options_.persistSettings) {
        std::error_code error;
        std::filesystem::create_directories(ui::configDir(), error);
        layer.iniFile = ui::imguiIniFile();
    }
    layer_ = std::make_unique<ui::ImGuiLayer>(window, context, info, layer);
    if (options_.presentation) session_.setPresentation(true);  // fullscreen follows in beforeFrame
}

void CampusWindow::shutdown() {
    if (options_.persistSettings) {
        ui::UiSettings settings;
        settings.colormap = render::colormapName(session_.layers().colormap);
        settings.speed = session_.clock().speed();
        settings.userViews = session_.bookmarks().userViewsToJson();
        for (const ui::LayerSwitch& layer : ui::kLayerSwitches)
            settings.layers[layer.name] = session_.layers().*layer.on;
        if (const std::string error = ui::saveUiSettings(ui::settingsFile(), settings); !error.empty())
            std::fprintf(stderr, "campus-twin: settings not saved: %s\n", error.c_str());
    }
    stage_.reset();
    layer_.reset();  // the device is idle: the viewer waited before calling this
}

GLFWmonitor* CampusWindow::chosenMonitor() const {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (options_.monitor < 0) return glfwGetPrimaryMonitor();
    if (options_.monitor < count) return monitors[options_.monitor];
    // Monitors come and go; the primary one is the next best.
    std::fprintf(stderr, "campus-twin: --monitor %d: this display has %d monitor(s); using the primary\n",
                 options_.monitor, count);
    return glfwGetPrimaryMonitor();
}

void CampusWindow::setFullscreen(bool on) {
    if (on == fullscreen_ || !window_) return;
    if (on) {
        GLFWmonitor* monitor = chosenMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(window_, &windowedPos_[0], &windowedPos_[1]);
        glfwGetWindowSize(window_, &windowedSize_[0], &windowedSize_[1]);
        glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, windowedPos_[0], windowedPos_[1], windowedSize_[0], windowedSize_[1],
                             GLFW_DONT_CARE);
    }
    fullscreen_ = on;
}

void CampusWindow::handleShortcuts() {
    if (ImGui::GetIO().WantCaptureKeyboard) return;  // typing into a field
    const bool touring = session_.tourPlaying();
    if (ImGui::IsKeyPressed(GLFW_KEY_F11, false)) setFullscreen(!fullscreen_);
    if (ImGui::IsKeyPressed(GLFW_KEY_P, false)) session_.setPresentation(!session_.presentation());
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) session_.setPresentation(false);
    if (ImGui::IsKeyPressed(GLFW_KEY_H, false)) panelsHidden_ = !panelsHidden_;
    if (ImGui::IsKeyPressed(GLFW_KEY_F3, false)) frameStatsShown_ = !frameStatsShown_;
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) session_.requestScreenshot(exportPanel_->chosen());
    if (ImGui::IsKeyPressed(GLFW_KEY_T, false)) session_.setTourPlaying(!touring);
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) session_.togglePlay();
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, false)) touring ? session_.stepTour(1) : session_.faster();
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, false)) touring ? session_.stepTour(-1) : session_.slower();
    if (ImGui::IsKeyPressed(GLFW_KEY_UP, false)) session_.faster();
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN, false)) session_.slower();
}

void CampusWindow::beforeFrame(window::FrameControl& frame, render::Renderer& renderer) {
    layer_->newFrame();
    session_.setCameraMode(frame.cameraMode);  // the controller's: F and G may have changed it
    handleShortcuts();
    session_.update(frame.dt, frame.camera);
    stage_->apply(renderer, frame.dt);
    if (roofs_.empty()) roofs_ = entityTops(session_.campus());
    const ImVec2 viewport = ImGui::GetMainViewport()->Size;
    viewProj_ = frame.camera.projection(viewport.x / std::max(viewport.y, 1.0f)) * frame.camera.view();
    frame.lighting = session_.lighting();
    drawUi();
    // Over the panels, but not on a presenter's screen.
    if (frameStatsShown_ && frame.frameStats && !session_.presentation())
        ui::drawFrameStatsWindow(*frame.frameStats, frame.memory, &frameStatsShown_);
    frame.cameraMode = session_.cameraMode();  // a panel or a flight may have asked for another
    // Presentation goes fullscreen and back, whichever way it was asked for (P, Esc, the
    // Cameras panel's button, --presentation).
    if (session_.presentation() != presenting_) {
        presenting_ = session_.presentation();
        setFullscreen(presenting_);
    }
    layer_->endFrame();
    exportPendingScreenshot(frame, renderer);
}

void CampusWindow::exportPendingScreenshot(const window::FrameControl& frame, render::Renderer& renderer) {
    if (!session_.screenshotPending()) return;
    // A large export holds the window for seconds: first present a frame whose panel says so
    // (two frames, since a request from the panel's button comes after this frame's panel).
    if (exportCountdown_ == 0) exportCountdown_ = 3;
    if (--exportCountdown_ > 0) return;
    const ui::ScreenshotRequest request = *session_.takeScreenshotRequest();
    ViewExport job;
    job.width = request.width ? request.width : renderer.extent().width;
    job.height = request.height ? request.height : renderer.extent().height;
    job.folder = request.folder.empty() ? defaultScreenshotFolder() : std::filesystem::path(request.folder);
    std::fprintf(stderr, "screenshot: rendering %ux%u\n", job.width, job.height);
    ui::ScreenshotStatus done = exportView(*context_, renderer, frame.camera, frame.lighting, job);
    if (done.error.empty())
        std::fprintf(stderr, "screenshot: %s\n", done.path.c_str());
    else
        std::fprintf(stderr, "campus-twin: screenshot failed: %s\n", done.error.c_str());
    session_.screenshotDone(std::move(done));
}

void CampusWindow::drawUi() {
    const ui::CampusView view = session_.view(stage_->heatmapAvailable(), stage_->legendMin_c(), stage_->legendMax_c());
    if (view.layers.labels) ui::drawBuildingLabels(view.state, roofs_, viewProj_);
    if (session_.presentation() || session_.tourPlaying()) overlay_->drawCaption(view);
    if (session_.presentation()) {
        overlay_->drawKpiStrip(view);
        return;
    }
    if (panelsHidden_) return;
    static const Placement places[] = {
        {0.8f, 0.8f, 30.0f, 25.5f},     // phases
        {0.8f, 27.1f, 30.0f, 18.0f},    // time
        {0.8f, 45.9f, 30.0f, 22.5f},    // layers
        {-31.0f, 0.8f, 30.2f, 26.0f},   // campus
        {-31.0f, 27.6f, 30.2f, 42.0f},  // inspector
        {31.6f, 0.8f, 22.0f, 20.0f},    // cameras
        {31.6f, 21.6f, 22.0f, 12.0f},   // export
    };
    for (std::size_t i = 0; i < panels_.size(); ++i) {
        if (i < std::size(places)) placeFirstTime(places[i]);
        panels_[i]->draw(view, session_);
    }
}

Outcome openCampusWindow(const DeviceOptions& global, twin::Scenario scenario, const CampusWindowLaunch& launch) {
    CampusWindowOptions options;
    options.session.phase = launch.phase;
    options.session.camera = launch.camera;
    options.uiScale = launch.uiScale;
    options.monitor = launch.monitor;
    options.presentation = launch.presentation;
    std::filesystem::path tourFile = launch.tourFile;
    if (tourFile.empty() && !scenario.sourcePath.empty()) {
        // The shipped tour sits beside the shipped scenario.
        const auto beside = std::filesystem::path(scenario.sourcePath).parent_path() / "abilene_tour.json";
        if (std::filesystem::exists(beside)) tourFile = beside;
    }
    if (!tourFile.empty()) {
        ui::TourResult tour = ui::loadTour(tourFile, scenario);
        if (!tour.tour) {
            if (!launch.tourFile.empty()) return badInput(tour.error);  // asked for by name: a real error
            std::fprintf(stderr, "warning: %s (the window opens without its tour)\n", tour.error.c_str());
        } else {
            options.session.tour = std::move(*tour.tour);
        }
    }
    LiveCampus live(std::move(scenario));
    // A broken model is bad input (exit 2), found before the window opens, as in `tour`.
    if (std::string error; !live.campusWithEveryPhase(error)) return badInput(error);
    if (!launch.telemetry.empty()) {
        const std::string error =
            bindCampusTelemetry(live, {launch.telemetry, launch.broker, launch.replay}, options.session);
        if (!error.empty()) return badInput(error);
    }
    options.frameStats = launch.stats;
    options.fieldBackend = launch.fieldBackend;
    CampusWindow window(live, options);
    if (live.telemetry() && live.telemetry()->live()) window.session().setSpeed(options.session.speed);  // real time
    ui::LayerSettings layers = window.session().layers();
    layers.heatmap = launch.heatmap || layers.heatmap;
    layers.powerFlows = launch.powerFlows || layers.powerFlows;
    if (const auto map = render::parseColormap(launch.colormap)) layers.colormap = *map;
    window.session().setLayers(layers);
    if (!launch.select.empty()) window.session().select(launch.select);  // checked by the render command

    window::ViewerOptions viewer;
    viewer.title = launch.title;
    viewer.width = launch.width;
    viewer.height = launch.height;
    viewer.validate = global.validate;
    viewer.device = global.device;
    viewer.culling = instanceCulling(global);
    viewer.maxFrames = launch.frames;
    viewer.maxSeconds = launch.seconds;
    viewer.printStats = launch.stats;
    viewer.quality = launch.quality;
    const window::ViewerResult result = window.run(viewer);
    if (const CampusTelemetry* telemetry = live.telemetry())
        std::fprintf(stderr, "telemetry: %llu values received, %zu quantities measured at the end%s%s\n",
                     static_cast<unsigned long long>(telemetry->accepted()), live.state().measured.size(),
                     telemetry->badData().total() ? "; bad data: " : "", telemetry->badData().summary().c_str());
    return validationOutcome(global.validate, result.validation);
}

}  // namespace ct::campus
