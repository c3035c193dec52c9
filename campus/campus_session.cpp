#include "campus/campus_session.h"

#include "ui/caption_fields.h"

#include "twin/civil_time.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace ct::campus {

namespace {

ui::CameraPose poseOfCamera(const render::Camera& camera) {
    return {camera.eye, camera.target, glm::degrees(camera.yfov)};
}

render::Camera cameraOfPose(const ui::CameraPose& pose, const scene::Bounds& bounds) {
    render::Camera camera;
    camera.eye = pose.eye;
    camera.target = pose.target;
    camera.yfov = glm::radians(pose.fov_deg);
    render::fitDepthRange(camera, bounds);
    return camera;
}

twin::UtcSeconds startTime(const std::string& start) {
    if (const auto t = twin::parseIsoUtc(start)) return *t;
    throw std::invalid_argument("start " + start + ": expected an ISO date and time");
}

constexpr double kFlight_s = 2.0;

}  // namespace

CampusSession::CampusSession(LiveCampus& live, SessionOptions options)
    : live_(live),
      options_(std::move(options)),
      phases_(live.scenario()),
      clock_(startTime(options_.start), options_.speed),
      bookmarks_(ui::CameraBookmarks::fromScenario(live.scenario())) {
    if (options_.phase > 0) phases_.showThrough(options_.phase);
    if (options_.tour) tour_.emplace(*options_.tour);
    std::string error;
    campus_ = live_.campusWithEveryPhase(error);
    if (!campus_) throw std::runtime_error(error);
    looks_.emplace(live_.scenario(), phases_);
    animator_ = std::make_unique<CampusAnimator>(live_.scenario(), *campus_);
    motion_ = std::make_unique<CampusMotion>(*campus_);
    plumes_ = std::make_unique<GasPlumes>(*campus_, live_.scenario());
    updateFlowLayout();
    phaseRevision_ = phases_.revision();
    restartRevision_ = clock_.restartRevision();
    effectsClock_s_ = clock_.now();
    restartTwin();
}

render::Camera CampusSession::startCamera(float aspect) const {
    if (const auto camera = scenarioCamera(live_.scenario(), options_.camera, campus_->scene.bounds)) return *camera;
    return render::frameBounds(campus_->scene.bounds, aspect);
}

void CampusSession::restartTwin() {
    TwinSettings settings;
    settings.start = static_cast<twin::UtcSeconds>(clock_.now());
    settings.step_s = options_.step_s;
    settings.preset = clock_.weatherPreset();
    settings.gridOutage = clock_.gridOutage();
    for (int p = 1; p <= phases_.phaseCount(); ++p)
        settings.phaseStates.push_back(phases_.phaseState(p));
    live_.restart(settings);
    history_.clear();
    history_.record(live_.state());
}

void CampusSession::update(double dt, render::Camera& camera) {
    // A frame that stalled (an export, a dragged window) must not fast-forward the clock or skip
    // tour stops and animations.
    dt = std::clamp(dt, 0.0, kMaxFrame_s);
    applyTour(dt, camera);
    if (flight_) {
        flightTime_ += dt;
        camera = cameraOfPose(flight_->at(flightTime_), campus_->scene.bounds);
        if (flight_->finished(flightTime_)) flight_.reset();
    }
    pose_ = poseOfCamera(camera);

    looks_->update(phases_, dt);
    clock_.tick(dt);
    frameSpan_s_ = clock_.playing() ? dt * clock_.speed() : 0.0;
    effectsClock_s_ += frameSpan_s_ >= 0.0 ? std::min(frameSpan_s_, dt) : std::max(frameSpan_s_, -dt);
    if (phases_.revision() != phaseRevision_) updateFlowLayout();
    if (clock_.restartRevision() != restartRevision_) effectsClock_s_ = clock_.now();
    if (phases_.revision() != phaseRevision_ || clock_.restartRevision() != restartRevision_) {
        phaseRevision_ = phases_.revision();
        restartRevision_ = clock_.restartRevision();
        restartTwin();
    }
    twin::Simulation& sim = live_.simulation();
    // Bounded work per frame: at 100,000x the twin may fall behind the clock; if it falls more
    // than a day behind, it starts afresh at the clock rather than crawling after it.
    if (clock_.now() - static_cast<double>(sim.current().time) > twin::kSecondsPerDay) {
        restartTwin();
        return;
    }
    int steps = 0;
    for (; steps < 240 && static_cast<double>(sim.current().time) + sim.step_s() <= clock_.now(); ++steps) {
        if (beforeStep_) beforeStep_(sim, sim.step_s());
        history_.record(live_.step());
    }
    // Between steps, measurements that arrived since still show at once.
    if (steps == 0) live_.refreshMeasured();
}

void CampusSession::updateFlowLayout() {
    // Buildings stand with their phase, the other entities by PhaseModel::siteStands.
    const twin::Scenario& s = live_.scenario();
    std::set<std::string> standing;
    for (const twin::Building& b : s.buildings)
        if (phases_.phaseShown(b.phase)) standing.insert(b.id);
    for (const twin::SolarFarm& farm : s.solarFarms)
        if (phases_.siteStands(farm.phase)) standing.insert(farm.id);
    for (const twin::Turbine& turbine : s.turbines)
        if (phases_.siteStands(turbine.phase)) standing.insert(turbine.id);
    for (const twin::Battery& battery : s.batteries)
        if (phases_.siteStands(battery.phase)) standing.insert(battery.id);
    if (phases_.siteStands(s.gasPlant.phase)) standing.insert(s.gasPlant.id);
    flowLayout_ = powerFlowLayout(s, *campus_, &standing);
}

void CampusSession::settleConstruction() {
    looks_.emplace(live_.scenario(), phases_);
}

void CampusSession::applyTour(double dt, render::Camera& camera) {
    if (!tour_ || !tourPlaying_) {
        caption_.clear();
        captionAlpha_ = 0.0f;
        return;
    }
    tourTime_ += dt;
    const ui::TourFrame f = tour_->looped(tourTime_);
    camera = cameraOfPose(f.camera, campus_->scene.bounds);
    flight_.reset();
    if (f.caption != captionSource_ || live_.state().time != captionStep_ || caption_.empty()) {
        caption_ = ui::fillCaption(f.caption, live_.state());
        captionSource_ = f.caption;
        captionStep_ = live_.state().time;
    }
    captionAlpha_ = f.captionAlpha;
    if (f.stop == tourStop_) return;
    // A new stop: its phase, time, preset and layers apply once, then the clock runs on.
    tourStop_ = f.stop;
    const ui::TourStop& stop = *f.active;
    phases_.showThrough(stop.phase > 0 ? stop.phase : phases_.phaseCount());
    clock_.applyPreset(stop.preset.empty() ? "none" : stop.preset);
    clock_.jumpTo(static_cast<twin::UtcSeconds>(f.simTime));
    clock_.setSpeed(std::max(ui::TimeControl::kMinSpeed, stop.timeSpeed));
    clock_.play();
    applyLayerSwitches(stop.layers, layers_);
}

void CampusSession::stepTour(int stops) {
    if (!tour_) return;
    const int count = static_cast<int>(tour_->tour().stops.size());
    const int current = std::max(tourStop_, 0);
    const int next = ((current + stops) % count + count) % count;
    tourTime_ = tour_->stopStart(next);
    tourStop_ = -1;  // re-apply the stop's settings
    tourPlaying_ = true;
}

void CampusSession::picked(int node) {
    if (node < 0 || node >= static_cast<int>(campus_->scene.nodes.size())) return;
    const std::string entity = entityOfNode(campus_->scene, node);
    for (const twin::Building& b : live_.scenario().buildings)
        if (b.id == entity) {
            selected_ = entity;
            return;
        }
}

bool CampusSession::jumpToLocal(const std::string& date, double hourOfDay) {
    return clock_.jumpToLocal(live_.scenario().site, date, hourOfDay);
}

void CampusSession::flyTo(const std::string& viewName) {
    const ui::Bookmark* mark = bookmarks_.find(viewName);
    if (!mark) return;
    tourPlaying_ = false;
    if (cameraMode_ == window::CameraMode::Walk) cameraMode_ = window::CameraMode::Orbit;  // views are aerial
    flight_.emplace(pose_, mark->pose, kFlight_s);
    flightTime_ = 0.0;
}

void CampusSession::saveView(const std::string& name) {
    bookmarks_.save(name, pose_);
}

void CampusSession::setTourPlaying(bool playing) {
    tourPlaying_ = playing && tour_.has_value();
    if (tourPlaying_) {
        if (cameraMode_ == window::CameraMode::Walk) cameraMode_ = window::CameraMode::Orbit;
        tourTime_ = 0.0;
        tourStop_ = -1;
    }
}

void CampusSession::setPresentation(bool on) {
    presentation_ = on;
    // Presentation runs unattended: the tour loops while it is on.
    setTourPlaying(on);
}

ui::CampusView CampusSession::view(bool heatmapAvailable, float legendMin_c, float legendMax_c) const {
    ui::CampusView v{live_.scenario(), live_.state(), phases_, clock_, history_, bookmarks_, layers_};
    v.heatmapAvailable = heatmapAvailable;
    v.legendMin_c = legendMin_c;
    v.legendMax_c = legendMax_c;
    v.selected = selected_;
    v.caption = caption_;
    v.captionAlpha = captionAlpha_;
    v.tourPlaying = tourPlaying_;
    v.presentation = presentation_;
    v.cameraMode = cameraMode_;
    v.screenshot = screenshot_;
    v.screenshot.pending = screenshotRequest_.has_value();
    return v;
}

}  // namespace ct::campus
