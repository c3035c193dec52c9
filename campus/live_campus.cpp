#include "campus/live_campus.h"

#include "campus/campus_telemetry.h"
#include "twin/telemetry/measured_source.h"

#include <algorithm>
#include <functional>

namespace ct::campus {

namespace {

twin::Scenario withoutGrid(twin::Scenario scenario) {
    scenario.substation.gridImportLimit_mw = 0.0;
    std::fill(scenario.substation.gridImportLimitByPhase_mw.begin(),
              scenario.substation.gridImportLimitByPhase_mw.end(), 0.0);
    return scenario;
}

// Stops a node and its subtree from drawing, keeping the node (and every index) in place.
void hideSubtree(scene::Scene& scene, int node) {
    scene::Node& n = scene.nodes[static_cast<std::size_t>(node)];
    n.mesh = -1;
    n.instances.clear();
    n.lodFar = -1;
    for (const int child : n.children)
        hideSubtree(scene, child);
}

// Phase dates rewritten so the twin's own date rule yields `states` at any time.
twin::Scenario staged(twin::Scenario scenario, const std::vector<twin::BuildingState>& states) {
    const std::string always = "1970-01-01";
    const std::string never = "9999-12-31";
    for (std::size_t i = 0; i < scenario.phases.size() && i < states.size(); ++i) {
        twin::Phase& phase = scenario.phases[i];
        phase.constructionStart = states[i] == twin::BuildingState::NotBuilt ? never : always;
        phase.energised = states[i] == twin::BuildingState::Energised ? always : never;
    }
    return scenario;
}

std::string keyOf(const std::vector<bool>& shown) {
    std::string key;
    for (const bool s : shown)
        key += s ? '1' : '0';
    return key;
}

}  // namespace

LiveCampus::LiveCampus(twin::Scenario scenario, CampusOptions options)
    : scenario_(std::move(scenario)), outage_(withoutGrid(scenario_)), options_(options) {
    restart({});
}

LiveCampus::~LiveCampus() = default;

const twin::StateSnapshot& LiveCampus::state() const {
    return measured_ ? measured_->current() : sim_->current();
}

const twin::StateSnapshot& LiveCampus::step() {
    return measured_ ? measured_->advance() : sim_->advance();
}

void LiveCampus::refreshMeasured() {
    if (measured_) measured_->refresh();
}

void LiveCampus::attachTelemetry(std::unique_ptr<CampusTelemetry> telemetry) {
    measured_.reset();
    telemetry_ = std::move(telemetry);
    if (telemetry_)
        measured_ =
            std::make_unique<twin::telemetry::MeasuredSource>(*sim_, telemetry_->cache(), telemetry_->overlayOptions());
}

const CampusScene* LiveCampus::campusThrough(int phase, std::string& error) {
    std::vector<bool> shown(scenario_.phases.size(), false);
    for (int p = 1; p <= phase && p <= static_cast<int>(shown.size()); ++p)
        shown[static_cast<std::size_t>(p - 1)] = true;
    return campusShowing(shown, error);
}

const CampusScene* LiveCampus::campusShowing(const std::vector<bool>& shownPhases, std::string& error) {
    const std::string key = keyOf(shownPhases);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second.get();
    int highest = 0;
    for (std::size_t i = 0; i < shownPhases.size(); ++i)
        if (shownPhases[i]) highest = static_cast<int>(i) + 1;
    // composeCampus has no "phase 0": an empty campus still shows the land, farms and plant of
    // phase 1, with every building hidden.
    CampusResult composed = composeCampus(scenario_, std::max(highest, 1), options_);
    if (!composed.campus) {
        error = composed.error;
        return nullptr;
    }
    CampusScene& campus = *composed.campus;
    for (const twin::Building& b : scenario_.buildings) {
        const bool shown = b.phase >= 1 && b.phase <= static_cast<int>(shownPhases.size()) &&
                           shownPhases[static_cast<std::size_t>(b.phase - 1)];
        const auto root = campus.entityRoots.find(b.id);
        if (shown || root == campus.entityRoots.end()) continue;
        hideSubtree(campus.scene, root->second);
        --campus.buildingCount;
    }
    if (campus.groundAlbedo) groundAlbedo_ = campus.groundAlbedo;
    return cache_.emplace(key, std::make_unique<CampusScene>(std::move(campus))).first->second.get();
}

const CampusScene* LiveCampus::campusWithEveryPhase(std::string& error) {
    return campusShowing(std::vector<bool>(scenario_.phases.size(), true), error);
}

void LiveCampus::restart(const TwinSettings& settings) {
    settings_ = settings;
    twin::SimulationOptions options;
    options.start = settings.start;
    options.step_s = std::clamp(settings.step_s, 1.0, 3600.0);
    if (settings.phase > 0 && settings.phaseStates.empty()) options.phase = settings.phase;
    options.preset = settings.preset;
    options.seed = settings.seed;
    const twin::Scenario& base = settings.gridOutage ? outage_ : scenario_;
    measured_.reset();  // it refers to sim_
    if (settings.phaseStates.empty()) {
        sim_ = std::make_unique<twin::Simulation>(base, options);
    } else {
        sim_.reset();  // it refers to staged_
        staged_ = staged(base, settings.phaseStates);
        sim_ = std::make_unique<twin::Simulation>(staged_, options);
    }
    if (telemetry_)
        measured_ =
            std::make_unique<twin::telemetry::MeasuredSource>(*sim_, telemetry_->cache(), telemetry_->overlayOptions());
}

const twin::StateSnapshot& LiveCampus::advanceTo(double t, int maxSteps) {
    for (int i = 0; i < maxSteps && static_cast<double>(sim_->current().time) + sim_->step_s() <= t; ++i)
        step();
    return state();
}

}  // namespace ct::campus
