// What the panels see and what they may ask for. Panels read a CampusView (the twin's state and
// the UI models, all const) and act only through CampusCommands, which the application
// implements; so a panel never touches Vulkan or the simulation, and a test can drive the
// window through exactly the calls a click would make.
#pragma once

#include "twin/scenario.h"
#include "twin/state.h"
#include "ui/camera_bookmarks.h"
#include "ui/kpi_history.h"
#include "ui/layer_settings.h"
#include "ui/phase_model.h"
#include "ui/time_control.h"
#include "window/camera_mode.h"

#include <string>

namespace ct::ui {

// Screenshots (the export panel, F12): a PNG of the view without the panels, rendered at any
// size up to kScreenshotMax*, in tiles where the device's limit is smaller.
inline constexpr unsigned kScreenshotMinSide = 16;
inline constexpr unsigned kScreenshotMaxWidth = 7680;
inline constexpr unsigned kScreenshotMaxHeight = 4320;

struct ScreenshotRequest {
    unsigned width = 0;  // 0 x 0: the window's size
    unsigned height = 0;
    std::string folder;  // empty: $XDG_PICTURES_DIR if it exists, else the current directory
};

struct ScreenshotStatus {
    bool pending = false;  // asked for and not written yet
    std::string path;      // the last PNG written
    std::string error;     // or why the last export failed
};

struct CampusView {
    const twin::Scenario& scenario;
    const twin::StateSnapshot& state;
    const PhaseModel& phases;
    const TimeControl& clock;
    const KpiHistory& history;
    const CameraBookmarks& bookmarks;
    const LayerSettings& layers;
    bool heatmapAvailable = false;  // false: no GPU field on this device (the toggle is disabled)
    float legendMin_c = 0.0f;       // the colour range in use, for the legend
    float legendMax_c = 1.0f;
    std::string selected;  // building id, empty: none
    std::string caption;   // tour caption now showing
    float captionAlpha = 0.0f;
    bool tourPlaying = false;
    bool presentation = false;
    window::CameraMode cameraMode = window::CameraMode::Orbit;  // the window camera's, this frame
    ScreenshotStatus screenshot;
};

class CampusCommands {
public:
    virtual ~CampusCommands() = default;

    // Phases
    virtual void setPhaseShown(int phase, bool shown) = 0;
    virtual void showThrough(int phase) = 0;
    virtual void setAsOf(twin::UtcSeconds t) = 0;
    // Time
    virtual void setPlaying(bool playing) = 0;
    virtual void setSpeed(double speed) = 0;
    virtual bool jumpToLocal(const std::string& date, double hourOfDay) = 0;
    virtual void applyPreset(const std::string& name) = 0;
    // Layers
    virtual void setLayers(const LayerSettings& layers) = 0;
    // Selection and cameras
    virtual void select(const std::string& buildingId) = 0;
    virtual void flyTo(const std::string& viewName) = 0;
    virtual void saveView(const std::string& name) = 0;
    virtual void removeView(const std::string& name) = 0;
    // Orbit, fly or walk (the camera's keys F and G do the same); entering walk puts the eye on
    // the ground below where it is.
    virtual void setCameraMode(window::CameraMode mode) = 0;
    // Tour and presentation
    virtual void setTourPlaying(bool playing) = 0;
    virtual void setPresentation(bool on) = 0;
    // Export: written between two frames, with the window's renderer as it stands.
    virtual void requestScreenshot(const ScreenshotRequest& request) = 0;
};

}  // namespace ct::ui
