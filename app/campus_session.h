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

#include "live_campus.h"
#include "ui/campus_commands.h"
#include "ui/tour_player.h"

#include <functional>
#include <optional>
#include <string>

namespace ct::app {

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

    // Advances one frame of `dt` wall seconds; may move `camera` (flights, tours). Returns the
    // campus when the shown buildings changed (the renderer needs setScene), else nullptr.
    const CampusScene* update(double dt, render::Camera& camera);
    render::Lighting lighting() const { return live_.lighting(); }
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
    void setTourPlaying(bool playing) override;
    void setPresentation(bool on) override;

private:
    void applyTour(double dt, render::Camera& camera);
    void restartTwin();
    std::vector<bool> shownPhases() const;

    LiveCampus& live_;
    SessionOptions options_;
    ui::PhaseModel phases_;
    ui::TimeControl clock_;
    ui::KpiHistory history_;
    ui::CameraBookmarks bookmarks_;
    ui::LayerSettings layers_;
    const CampusScene* campus_ = nullptr;
    std::uint64_t phaseRevision_ = 0;
    std::uint64_t restartRevision_ = 0;
    BeforeStep beforeStep_;
    std::string selected_;
    bool presentation_ = false;
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
    float captionAlpha_ = 0.0f;
};

}  // namespace ct::app
