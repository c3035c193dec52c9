// LiveCampus: the running twin behind the window and the tour exporter. Owns the scenario, the
// composed campus for each set of visible phases (composed once, then cached: composing the
// 240,000-panel build-out takes seconds), the simulation, and the mapping from twin state to
// render inputs (the sun of the simulated instant as the renderer's light).
//
//   LiveCampus live(std::move(scenario));
//   const CampusScene* campus = live.campusThrough(4, error);
//   live.restart({.start = t, .step_s = 60});
//   live.advanceTo(t + 3600);                  // steps the twin forward to that instant
//   renderer.record(frame, camera, live.lighting());
//
// With telemetry attached (attachTelemetry), state() is the simulation with the measured values
// laid over it (telemetry::MeasuredSource): the snapshot's `measured` names what came in.
#pragma once

#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/lighting.h"
#include "twin/simulation.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ct::twin::telemetry {
class MeasuredSource;
}

namespace ct::campus {

class CampusTelemetry;

struct TwinSettings {
    twin::UtcSeconds start = 0;
    double step_s = 60.0;
    int phase = 0;  // energise phases 1..phase; 0: from the phase dates
    twin::WeatherPreset preset = twin::WeatherPreset::None;
    bool gridOutage = false;  // every grid import limit zero
    std::uint64_t seed = 1;
    // Per phase (index phase-1): the state the window's phase panel gives it, whatever the date
    // (so phases 1, 2 and 4 without 3 is possible). Empty: the scenario's dates or `phase`.
    std::vector<twin::BuildingState> phaseStates;
};

class LiveCampus {
public:
    explicit LiveCampus(twin::Scenario scenario, CampusOptions options = {});
    ~LiveCampus();
    LiveCampus(const LiveCampus&) = delete;  // the simulation refers to scenario_
    LiveCampus& operator=(const LiveCampus&) = delete;

    const twin::Scenario& scenario() const { return scenario_; }

    // The campus as built through `phase` (1..N); nullptr with `error` set if a model is bad.
    const CampusScene* campusThrough(int phase, std::string& error);
    // Only the phases shown (index phase-1): composed through the highest, with the buildings of
    // hidden phases drawing nothing, so node indices match campusThrough(highest).
    const CampusScene* campusShowing(const std::vector<bool>& shownPhases, std::string& error);
    // The campus with every phase shown, the one a session starts from: composing it reads every
    // model, so callers do it first and report a broken model as bad input before any other work.
    const CampusScene* campusWithEveryPhase(std::string& error);

    void restart(const TwinSettings& settings);
    const TwinSettings& settings() const { return settings_; }
    // Steps the twin until its time reaches t (at most maxSteps steps: a frame never stalls).
    const twin::StateSnapshot& advanceTo(double t, int maxSteps = 240);
    const twin::StateSnapshot& state() const;
    // One step of the twin (the simulation, then the measured overlay); returns the new state.
    const twin::StateSnapshot& step();
    // Re-reads the measured values for the current instant without stepping (values that arrived
    // between steps); nothing without telemetry.
    void refreshMeasured();
    // Lays telemetry over the simulation, from now on and after every restart.
    void attachTelemetry(std::unique_ptr<CampusTelemetry> telemetry);
    const CampusTelemetry* telemetry() const { return telemetry_.get(); }
    // The running simulation, for couplings that act between steps (the heat map).
    twin::Simulation& simulation() { return *sim_; }
    // The sun of the twin's current instant.
    render::Lighting lighting() const {
        render::Lighting light = sunLighting(scenario_.site, static_cast<double>(state().time));
        if (groundAlbedo_) light.groundColor = *groundAlbedo_;
        return light;
    }

private:
    twin::Scenario scenario_;
    twin::Scenario outage_;  // the same campus without grid import, for the grid-outage preset
    twin::Scenario staged_;  // scenario_ or outage_ with phase dates set from settings_.phaseStates
    CampusOptions options_;
    std::map<std::string, std::unique_ptr<CampusScene>> cache_;  // key: the shown phases, "1101"
    std::optional<glm::vec3> groundAlbedo_;                      // the terrain's colour, once a campus is composed
    TwinSettings settings_;
    std::unique_ptr<twin::Simulation> sim_;
    std::unique_ptr<CampusTelemetry> telemetry_;
    std::unique_ptr<twin::telemetry::MeasuredSource> measured_;  // over sim_, when telemetry_ is set
};

}  // namespace ct::campus
