#include "ui/construction_animation.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace ct::ui {

namespace {

float approach(float value, float goal, float maxStep) {
    return value < goal ? std::min(goal, value + maxStep) : std::max(goal, value - maxStep);
}

float progressThroughConstruction(const twin::Phase& phase, twin::UtcSeconds asOf) {
    const auto start = twin::parseIsoUtc(phase.constructionStart);
    const auto end = twin::parseIsoUtc(phase.energised);
    if (!start || !end || *end <= *start) return 0.5f;
    const double share = static_cast<double>(asOf - *start) / static_cast<double>(*end - *start);
    return std::clamp(static_cast<float>(share), ConstructionAnimation::kMinProgress,
                      ConstructionAnimation::kMaxProgress);
}

}  // namespace

ConstructionAnimation::ConstructionAnimation(const twin::Scenario& scenario, const PhaseModel& phases)
    : scenario_(scenario), sites_(scenario.phases.size()) {
    std::map<int, int> seen;
    for (const twin::Building& b : scenario.buildings) {
        const EntityLook goal = target(phases, b.phase);
        buildings_.push_back({goal, goal, 0.0});
        orderInPhase_.push_back(seen[b.phase]++);
    }
    for (std::size_t p = 0; p < sites_.size(); ++p) {
        const EntityLook goal = siteTarget(phases, static_cast<int>(p) + 1);
        sites_[p] = {goal, goal, 0.0};
    }
}

EntityLook ConstructionAnimation::target(const PhaseModel& phases, int phase) {
    switch (phases.phaseState(phase)) {
        case twin::BuildingState::NotBuilt:
            return {0.0f, 0.0f};
        case twin::BuildingState::UnderConstruction: {
            const auto asOf = phases.asOf();
            return {1.0f, asOf ? progressThroughConstruction(phases.phase(phase), *asOf) : 0.5f};
        }
        case twin::BuildingState::Energised:
            break;
    }
    return {1.0f, 1.0f};
}

EntityLook ConstructionAnimation::siteTarget(const PhaseModel& phases, int phase) {
    return phases.siteStands(phase) ? EntityLook{1.0f, 1.0f} : EntityLook{0.0f, 1.0f};
}

const EntityLook& ConstructionAnimation::site(int phase) const {
    if (phase < 1 || phase > static_cast<int>(sites_.size()))
        throw std::out_of_range("no phase " + std::to_string(phase));
    return sites_[static_cast<std::size_t>(phase - 1)].now;
}

void ConstructionAnimation::step(Animated& a, double dt) {
    if (a.delay_s > 0.0) {
        a.delay_s -= dt;
        if (a.delay_s > 0.0) return;
        dt = -a.delay_s;
        a.delay_s = 0.0;
    }
    const float rise = static_cast<float>(dt / kRise_s);
    const float fill = static_cast<float>(dt / kFill_s);
    if (a.now.risen < a.goal.risen) {
        // Rising out of the ground: bare scaffolding until it stands.
        if (a.now.risen <= 0.0f) a.now.solid = 0.0f;
        a.now.risen = approach(a.now.risen, a.goal.risen, rise);
        a.now.solid = std::min(a.now.solid, a.goal.solid);
    } else if (a.now.risen > a.goal.risen) {
        a.now.risen = approach(a.now.risen, a.goal.risen, rise);  // sinking as it stands
    } else {
        a.now.solid = approach(a.now.solid, a.goal.solid, fill);
    }
}

void ConstructionAnimation::update(const PhaseModel& phases, double dt) {
    for (std::size_t i = 0; i < buildings_.size(); ++i) {
        Animated& a = buildings_[i];
        const EntityLook goal = target(phases, scenario_.buildings[i].phase);
        if (goal != a.goal) {
            a.goal = goal;
            a.delay_s = kStagger_s * orderInPhase_[i];
        }
        step(a, dt);
    }
    for (std::size_t p = 0; p < sites_.size(); ++p) {
        Animated& a = sites_[p];
        a.goal = siteTarget(phases, static_cast<int>(p) + 1);
        step(a, dt);
    }
}

bool ConstructionAnimation::settled() const {
    const auto still = [](const Animated& a) { return a.now == a.goal && a.delay_s <= 0.0; };
    return std::all_of(buildings_.begin(), buildings_.end(), still) && std::all_of(sites_.begin(), sites_.end(), still);
}

}  // namespace ct::ui
