// ConstructionAnimation: how the campus looks while phases come and go. Each building rises out
// of the ground when its phase is shown, first as bare scaffolding, then fills in solid from the
// bottom up; a hidden phase's buildings sink back into the ground. A building "under
// construction" by the as-of date stands at full height in scaffolding, solid up to the share of
// its construction period that has passed. The other entities of a phase (farms, turbines, the
// plant, batteries) rise too, without scaffolding, while any phase from theirs up is standing.
//
// The twin does not wait for any of this: its load follows the phase model at once; only the
// picture catches up.
//
//   ConstructionAnimation looks(scenario, phases);   // settled on what `phases` says
//   phases.setPhaseShown(3, true);
//   looks.update(phases, dt);                        // every frame
//   const EntityLook& hall = looks.building(12);     // risen 0.4, solid 0: scaffolding rising
#pragma once

#include "twin/scenario.h"
#include "ui/phase_model.h"

#include <vector>

namespace ct::ui {

struct EntityLook {
    float risen = 1.0f;  // share of the height above ground: 0 in the ground (not drawn), 1 standing
    float solid = 1.0f;  // share of the height built solid, from the bottom; above it scaffolding

    bool drawn() const { return risen > 0.0f; }
    bool operator==(const EntityLook&) const = default;
};

class ConstructionAnimation {
public:
    static constexpr double kRise_s = 2.0;      // ground to full height
    static constexpr double kFill_s = 1.5;      // scaffolding to finished
    static constexpr double kStagger_s = 0.15;  // between neighbouring buildings of one phase
    // Under construction by the as-of date, the solid share shown stays within these, so both
    // the scaffolding and the building inside it are always visible.
    static constexpr float kMinProgress = 0.1f;
    static constexpr float kMaxProgress = 0.9f;

    ConstructionAnimation(const twin::Scenario& scenario, const PhaseModel& phases);

    // Moves every look `dt` seconds toward what `phases` says now.
    void update(const PhaseModel& phases, double dt);

    // Per building, in scenario order.
    const EntityLook& building(std::size_t index) const { return buildings_.at(index).now; }
    // The farms, turbines, plant and batteries of a phase (1-based).
    const EntityLook& site(int phase) const;
    // Nothing is moving.
    bool settled() const;

    // The look a building settles at for its phase's state (the solid share from the as-of
    // date's progress through the phase's construction period).
    static EntityLook target(const PhaseModel& phases, int phase);

private:
    struct Animated {
        EntityLook now;
        EntityLook goal;
        double delay_s = 0.0;  // before it starts toward a new goal
    };
    static void step(Animated& a, double dt);
    static EntityLook siteTarget(const PhaseModel& phases, int phase);

    const twin::Scenario& scenario_;
    std::vector<Animated> buildings_;
    std::vector<int> orderInPhase_;  // per building: its place among its phase's buildings
    std::vector<Animated> sites_;    // per phase
};

}  // namespace ct::ui
