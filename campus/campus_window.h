// CampusWindow: the live campus in the GLFW viewer with the Dear ImGui panels. It owns the
// window-side pieces (the ImGui layer, the panels, the heat map on the window's GPU, the
// keyboard shortcuts, fullscreen, persisted settings) and turns them into window::ViewerHooks;
// the twin side is a CampusSession.
//
//   LiveCampus live(std::move(scenario));
//   CampusWindow window(live, {.session = {.phase = 4}, .uiScale = 2.0f});
//   window.run(viewerOptions);      // returns when the window closes
//
// Shortcuts: F11 fullscreen, P presentation, H hide panels, Space play/pause, Left/Right slower/
// faster (during a tour: previous/next stop), T tour, Esc leave presentation, F12 screenshot (the
// export panel's size and folder).
#pragma once

#include "campus/campus_options.h"
#include "campus/campus_session.h"
#include "campus/campus_stage.h"
#include "campus/outcome.h"
#include "window/viewer.h"

#include <filesystem>
#include <map>
#include <memory>

struct GLFWmonitor;

namespace ct::ui {
class ExportPanel;
class ImGuiLayer;
class Panel;
class PresentationOverlay;
}  // namespace ct::ui

namespace ct::campus {

struct CampusWindowOptions {
    SessionOptions session;
    float uiScale = 1.0f;         // x the monitor's content scale
    bool presentation = false;    // start fullscreen, panels hidden, the tour looping
    int monitor = -1;             // fullscreen (F11, presentation) on this monitor; -1: the primary
    bool persistSettings = true;  // read and write settings.json and imgui.ini
    int heatmapCells = 256;       // per side of the air field
    bool frameStats = false;      // the frame statistics window open from the start (F3 toggles it)
    // The heat map's solver: auto, gpu or cpu (campus/field_backend.h).
    std::string fieldBackend = "auto";
};

class CampusWindow {
public:
    CampusWindow(LiveCampus& live, CampusWindowOptions options);
    ~CampusWindow();
    CampusWindow(const CampusWindow&) = delete;
    CampusWindow& operator=(const CampusWindow&) = delete;

    CampusSession& session() { return session_; }
    // The hooks for window::runViewer, bound to this object.
    window::ViewerHooks hooks();
    // runViewer over the session's campus with these hooks (and the caller's options).
    window::ViewerResult run(window::ViewerOptions viewer);

private:
    void init(GLFWwindow* window, vk::Context& context, render::Renderer& renderer, const window::SwapchainInfo& info);
    void beforeFrame(window::FrameControl& frame, render::Renderer& renderer);
    void handleShortcuts();
    void drawUi();
    // A screenshot asked for (panel or F12): announced for a frame, then rendered with the
    // window's renderer as this frame left it (campus/view_export.h).
    void exportPendingScreenshot(const window::FrameControl& frame, render::Renderer& renderer);
    void setFullscreen(bool on);
    GLFWmonitor* chosenMonitor() const;
    void shutdown();

    CampusWindowOptions options_;
    CampusSession session_;
    GLFWwindow* window_ = nullptr;
    vk::Context* context_ = nullptr;
    std::unique_ptr<ui::ImGuiLayer> layer_;
    std::vector<std::unique_ptr<ui::Panel>> panels_;
    std::unique_ptr<ui::PresentationOverlay> overlay_;
    ui::ExportPanel* exportPanel_ = nullptr;  // in panels_; its size and folder are F12's too
    int exportCountdown_ = 0;                 // frames until a pending screenshot is rendered
    bool panelsHidden_ = false;
    bool frameStatsShown_ = false;  // F3
    bool fullscreen_ = false;
    bool presenting_ = false;  // the presentation state fullscreen last followed
    int windowedPos_[2] = {0, 0};
    int windowedSize_[2] = {1280, 720};
    // What the renderer draws of the session (node looks, power flows, the heat map), on the
    // window's device: created once it exists.
    std::unique_ptr<CampusStage> stage_;
    // Building labels: the roof points and this frame's view-projection.
    std::map<std::string, glm::vec3> roofs_;
    glm::mat4 viewProj_{1.0f};
};

// What `campus-twin render` without --out passes on to the window.
struct CampusWindowLaunch {
    std::string title = "Campus Twin";
    unsigned width = 1920;
    unsigned height = 1080;
    int frames = 0;                                // > 0: close after this many frames
    double seconds = 0.0;                          // > 0: close after this long
    bool stats = false;                            // --stats: print where the frames' time goes
    std::optional<render::QualityPreset> quality;  // unset: by the device (render/render_quality.h)
    int phase = 0;
    std::string camera = "overview";
    float uiScale = 1.0f;
    bool presentation = false;
    std::string tourFile;  // empty: scenarios/abilene_tour.json beside the scenario, if there
    bool heatmap = false;
    std::string fieldBackend = "auto";  // --backend: the heat map's solver
    bool powerFlows = false;
    int monitor = -1;       // 0-based, as glfwGetMonitors lists them; -1: the primary
    std::string select;     // a building shown in the inspector from the start
    std::string colormap;   // empty: the saved setting
    std::string telemetry;  // binding file: measured values from `broker` or `replay` over the twin
    std::string broker;
    std::string replay;
};

// Opens the window on the live campus and runs it until it is closed (or its frames or seconds
// are up); bad input (a tour asked for by name, a model, a binding) stops it before it opens.
Outcome openCampusWindow(const DeviceOptions& global, twin::Scenario scenario, const CampusWindowLaunch& launch);

}  // namespace ct::campus
