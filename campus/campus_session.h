// CampusSession: the window's twin side, with no window in it. It implements the commands the
// panels issue (ui::CampusCommands) over a LiveCampus: shown phases and the as-of date, the
// clock and presets, layers, selection, camera flights and the tour. Each frame, update() moves
// the clock by the wall time x speed, restarts the simulation when phases or time jumped, steps
// it to the clock, and says what to draw. Tests drive it directly; CampusWindow wires it to the
// viewer's hooks.
//
//   CampusSession session(live, {.phase = 4});
//   const CampusScene* changed = session.update(dt, camera);  // non-null: renderer.setScene
//   session.setPhaseShown(4, false);                            // what the phases panel does
#pragma once

#include "campus/campus_animation.h"
#include "campus/campus_motion.h"
#include "campus/gas_plumes.h"
#include "campus/live_campus.h"
#include "campus/power_flows.h"
#include "ui/campus_commands.h"
#include "ui/tour_player.h"

#include <cmath>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace ct::campus {

struct SessionOptions {
    int phase = 0;  // phases 1..phase shown; 0: all
    std::string camera = "overview";
    std::string start = "2026-07-15T18:00";  // ISO UTC: 13:00 on a July day in Abilene
    double speed = 60.0;
    double step_s = 60.0;          // the twin's step
    std::optional<ui::Tour> tour;  // played when playTour() or presentation mode asks
};

class CampusSession : public ui::CampusCommands {
public:
    // Called before every simulation step (the heat map couples there).
    using BeforeStep = std::function<void(twin::Simulation&, double step_s)>;

    CampusSession(LiveCampus& live, SessionOptions options);

    // The campus to draw first and the camera to start from.
    const CampusScene& campus() const { return *campus_; }
    render::Camera startCamera(float aspect) const;

    // Advances one frame of `dt` wall seconds (at most kMaxFrame_s); may move `camera` (flights,
    // tours). The campus never changes: it holds every phase, and phases come and go through
    // nodeAnimations(), so toggling one never re-uploads it.
    static constexpr double kMaxFrame_s = 1.0;
    void update(double dt, render::Camera& camera);
    // Ends the construction animation where the phases now stand (an exported tour's first frame
    // shows its first stop as built, not the campus sinking to it).
    void settleConstruction();
    // This frame's look of every node: phases rising or sinking, scaffolding, hidden layers, the
    // selected building tinted; and the twin's moving parts where they stand at the clock's time.
    std::vector<render::NodeAnimation> nodeAnimations() const {
        std::vector<render::NodeAnimation> animations = animator_->animations(*looks_, layers_, selected_);
        motion_->apply(live_.state(), clock_.now(), animations, frameSpan_s_);
        return animations;
    }
    const ui::ConstructionAnimation& looks() const { return *looks_; }
    // The power-flow layer's lines for the twin's current state (drawn when layers().powerFlows).
    std::vector<render::FlowLine> powerFlowLines() const {
        return campus::powerFlowLines(live_.scenario(), flowLayout_, live_.state());
    }
    // The sun of the twin's step and its clouds drifted on to the clock's moment; the beacons and
    // plumes keep the effects' clock (effectsClock_s_).
    render::Lighting lighting() const {
        render::Lighting light = live_.lighting();
        light.clouds = cloudLayerAt(live_.state(), clock_.now());
        light.clock_s = static_cast<float>(std::fmod(effectsClock_s_, 86400.0));
        return light;
    }
    // The gas units' exhaust plumes as the twin runs them.
    std::vector<render::Plume> plumes() const { return plumes_->at(live_.state()); }
    void setBeforeStep(BeforeStep beforeStep) { beforeStep_ = std::move(beforeStep); }

    // A pick in the view: selects the building the node belongs to, if any.
    void picked(int node);

    ui::CampusView view(bool heatmapAvailable, float legendMin_c, float legendMax_c) const;
    const ui::PhaseModel& phases() const { return phases_; }
    const ui::TimeControl& clock() const { return clock_; }
    const ui::LayerSettings& layers() const { return layers_; }
    const ui::CameraBookmarks& bookmarks() const { return bookmarks_; }
    const std::string& selected() const { return selected_; }
    bool presentation() const { return presentation_; }
    // The window camera's mode: the window reports the controller's before the panels draw (the
    // keys may have changed it) and applies this after them (a panel, a flight may ask for one).
    window::CameraMode cameraMode() const { return cameraMode_; }
    bool tourPlaying() const { return tourPlaying_; }
    bool hasTour() const { return tour_.has_value(); }
    const twin::StateSnapshot& state() const { return live_.state(); }
    const twin::Scenario& scenario() const { return live_.scenario(); }
    LiveCampus& live() { return live_; }
    // Tours: the next or previous stop (the arrow keys while a tour plays).
    void stepTour(int stops);
    // Keyboard: one decade faster or slower.
    void faster() { clock_.faster(); }
    void slower() { clock_.slower(); }
    void togglePlay() { clock_.togglePlay(); }
    void loadUserViews(const nlohmann::json& views) { bookmarks_.loadUserViews(views); }

    // ui::CampusCommands
    void setPhaseShown(int phase, bool shown) override { phases_.setPhaseShown(phase, shown); }
    void showThrough(int phase) override { phases_.showThrough(phase); }
    void setAsOf(twin::UtcSeconds t) override { phases_.setAsOf(t); }
    void setPlaying(bool playing) override { playing ? clock_.play() : clock_.pause(); }
    void setSpeed(double speed) override { clock_.setSpeed(speed); }
    bool jumpToLocal(const std::string& date, double hourOfDay) override;
    void applyPreset(const std::string& name) override { clock_.applyPreset(name); }
    void setLayers(const ui::LayerSettings& layers) override { layers_ = layers; }
    void select(const std::string& buildingId) override { selected_ = buildingId; }
    void flyTo(const std::string& viewName) override;
    void saveView(const std::string& name) override;
    void removeView(const std::string& name) override { bookmarks_.remove(name); }
    void setCameraMode(window::CameraMode mode) override { cameraMode_ = mode; }
    void setTourPlaying(bool playing) override;
    void setPresentation(bool on) override;
    void requestScreenshot(const ui::ScreenshotRequest& request) override { screenshotRequest_ = request; }

    // The window: the screenshot asked for (exported between frames), and what came of it.
    bool screenshotPending() const { return screenshotRequest_.has_value(); }
    std::optional<ui::ScreenshotRequest> takeScreenshotRequest() { return std::exchange(screenshotRequest_, {}); }
    void screenshotDone(ui::ScreenshotStatus status) { screenshot_ = std::move(status); }

private:
    void applyTour(double dt, render::Camera& camera);
    void restartTwin();
    void updateFlowLayout();

    LiveCampus& live_;
    SessionOptions options_;
    ui::PhaseModel phases_;
    ui::TimeControl clock_;
    ui::KpiHistory history_;
    ui::CameraBookmarks bookmarks_;
    ui::LayerSettings layers_;
    const CampusScene* campus_ = nullptr;
    std::optional<ui::ConstructionAnimation> looks_;
    std::unique_ptr<CampusAnimator> animator_;
    std::unique_ptr<CampusMotion> motion_;
    std::unique_ptr<GasPlumes> plumes_;
    double frameSpan_s_ = 0.0;  // simulated seconds from the last frame to this one (rotor blur)
    // The clock beacons flash and plumes stream by: the twin's, but never running faster than the
    // frames' own time (at 3600x a beacon flashing 30 times a simulated minute would flicker and
    // the puffs would jump hundreds of metres a frame), still while paused; it starts at the
    // clock's time, and again wherever the clock is set, so a still at a time is the same whatever
    // came before.
    double effectsClock_s_ = 0.0;
    PowerFlowLayout flowLayout_;
    std::uint64_t phaseRevision_ = 0;
    std::uint64_t restartRevision_ = 0;
    BeforeStep beforeStep_;
    std::string selected_;
    bool presentation_ = false;
    window::CameraMode cameraMode_ = window::CameraMode::Orbit;
    // Camera: the last pose drawn, and a flight under way.
    ui::CameraPose pose_;
    std::optional<ui::CameraFlight> flight_;
    double flightTime_ = 0.0;
    // Tour
    std::optional<ui::TourPlayer> tour_;
    bool tourPlaying_ = false;
    double tourTime_ = 0.0;
    int tourStop_ = -1;
    std::string caption_;
    // What caption_ was filled from: the stop's text and the twin's step (its numbers change only
    // when the twin steps, and filling reads every quantity of the state).
    std::string captionSource_;
    twin::UtcSeconds captionStep_ = 0;
    float captionAlpha_ = 0.0f;
    // Export
    std::optional<ui::ScreenshotRequest> screenshotRequest_;
    ui::ScreenshotStatus screenshot_;
};

}  // namespace ct::campus
