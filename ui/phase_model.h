// PhaseModel: which expansion phases the window shows, and in what state each building stands.
// Two ways to set it, as the phases panel offers them:
//   - toggles: a phase shown is fully built and energised, a phase hidden is not built;
//   - an "as of" date: every phase takes the state the scenario's dates give it on that day
//     (the same rule as twin::Simulation: energised from `energised`, under construction from
//     `constructionStart`, not built before).
// Touching a toggle leaves as-of mode. revision() changes whenever anything visible changes, so
// the live campus knows when to recompose and restart the twin.
//
//   PhaseModel phases(scenario);
//   phases.setAsOf(*twin::parseIsoUtc("2026-01-01"));  // phase 1 energised, 2 under construction
//   phases.togglePhase(2);                              // phase 2 hidden, back to manual mode
#pragma once

#include "twin/civil_time.h"
#include "twin/it_load.h"
#include "twin/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ct::ui {

// The building state a phase has at `t` by the scenario's dates.
twin::BuildingState phaseStateAt(const twin::Phase& phase, twin::UtcSeconds t);

class PhaseModel {
public:
    explicit PhaseModel(const twin::Scenario& scenario);  // all phases shown and energised

    int phaseCount() const { return static_cast<int>(states_.size()); }
    const twin::Phase& phase(int number) const;  // 1-based

    bool phaseShown(int number) const { return phaseState(number) != twin::BuildingState::NotBuilt; }
    twin::BuildingState phaseState(int number) const;
    void setPhaseShown(int number, bool shown);
    void togglePhase(int number) { setPhaseShown(number, !phaseShown(number)); }
    // Phases 1..n shown and energised, the rest hidden.
    void showThrough(int n);

    void setAsOf(twin::UtcSeconds t);
    std::optional<twin::UtcSeconds> asOf() const { return asOf_; }

    twin::BuildingState buildingState(std::size_t buildingIndex) const;
    std::vector<std::string> shownBuildings() const;  // entity ids, scenario order
    // Whether the entities of a phase other than its buildings (farms, turbines, plant,
    // batteries) stand: while any phase from it up is shown, as composeCampus builds them.
    bool siteStands(int number) const;
    // The highest phase shown (0: none): what composeCampus is asked for.
    int highestShownPhase() const;
    // True when the shown phases are exactly 1..highestShownPhase(), so composeCampus(highest)
    // gives the right buildings without hiding any.
    bool shownIsPrefix() const;

    std::uint64_t revision() const { return revision_; }

private:
    void set(int number, twin::BuildingState state);

    const twin::Scenario& scenario_;
    std::vector<twin::BuildingState> states_;  // per phase, index number - 1
    std::optional<twin::UtcSeconds> asOf_;
    std::uint64_t revision_ = 0;
};

}  // namespace ct::ui
