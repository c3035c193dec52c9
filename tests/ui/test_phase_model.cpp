// Phases panel logic: toggles show and hide a phase's buildings; the as-of date gives every
// building the state twin::Simulation gives it on that day.
#include "support/abilene_scenario.h"
#include "ui/phase_model.h"

#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ct;
using ct::twin::BuildingState;

namespace {

int countShown(const ui::PhaseModel& m) {
    return static_cast<int>(m.shownBuildings().size());
}

}  // namespace

TEST_CASE("all phases start shown, toggling a phase hides exactly its buildings", "[ui][phases]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    REQUIRE(phases.phaseCount() == 4);
    CHECK(countShown(phases) == 20);
    CHECK(phases.highestShownPhase() == 4);

    const auto before = phases.revision();
    phases.togglePhase(2);
    CHECK(phases.revision() != before);
    CHECK_FALSE(phases.phaseShown(2));
    CHECK(countShown(phases) == 14);  // phase 2 adds six buildings
    for (std::size_t i = 0; i < s.buildings.size(); ++i)
        CHECK((phases.buildingState(i) == BuildingState::NotBuilt) == (s.buildings[i].phase == 2));
    CHECK_FALSE(phases.shownIsPrefix());
    phases.togglePhase(2);
    CHECK(countShown(phases) == 20);
    CHECK(phases.shownIsPrefix());
}

TEST_CASE("showThrough(n) shows phases 1..n as composeCampus(n) builds them", "[ui][phases]") {
    ui::PhaseModel phases(ct::test::abilene());
    const int expected[] = {0, 2, 8, 10, 20};
    for (int n = 0; n <= 4; ++n) {
        phases.showThrough(n);
        CHECK(countShown(phases) == expected[n]);
        CHECK(phases.highestShownPhase() == n);
        CHECK(phases.shownIsPrefix());
    }
}

TEST_CASE("the as-of date sets each building's state from the phase dates", "[ui][phases]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    phases.setAsOf(*twin::parseIsoUtc("2024-01-01"));  // before anything
    CHECK(countShown(phases) == 0);
    phases.setAsOf(*twin::parseIsoUtc("2024-07-01"));  // phase 1 under construction
    CHECK(phases.phaseState(1) == BuildingState::UnderConstruction);
    CHECK(phases.phaseState(2) == BuildingState::NotBuilt);
    phases.setAsOf(*twin::parseIsoUtc("2026-01-01"));
    CHECK(phases.phaseState(1) == BuildingState::Energised);
    CHECK(phases.phaseState(2) == BuildingState::UnderConstruction);
    CHECK(phases.phaseState(3) == BuildingState::NotBuilt);
    CHECK(countShown(phases) == 8);
    REQUIRE(phases.asOf());

    // A toggle leaves as-of mode.
    phases.togglePhase(3);
    CHECK_FALSE(phases.asOf());
    CHECK(phases.phaseState(3) == BuildingState::Energised);
}

TEST_CASE("as-of states agree with the simulation's on every phase boundary", "[ui][phases]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    for (const twin::Phase& p : s.phases)
        for (const std::string& date : {p.constructionStart, p.energised}) {
            const twin::UtcSeconds t = *twin::parseIsoUtc(date);
            for (const twin::UtcSeconds at : {t - 60, t + 60}) {
                phases.setAsOf(at);
                twin::Simulation sim(s, {.start = at, .step_s = 60});
                const twin::StateSnapshot& state = sim.advance();
                for (std::size_t i = 0; i < s.buildings.size(); ++i) {
                    // advance() moves one step on: compare the model at the snapshot's time.
                    phases.setAsOf(state.time);
                    INFO(s.buildings[i].id << " at " << twin::formatIsoUtc(state.time));
                    CHECK(phases.buildingState(i) == state.buildings[i].state);
                }
            }
        }
}

TEST_CASE("a phase's farms and plant stand while any phase from it up is shown", "[ui][phases]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    phases.showThrough(2);
    CHECK(phases.siteStands(1));
    CHECK(phases.siteStands(2));
    CHECK_FALSE(phases.siteStands(3));
    phases.setPhaseShown(1, false);
    phases.setPhaseShown(2, false);
    phases.setPhaseShown(4, true);  // phase 4 alone: its site and every site below it stand
    CHECK(phases.siteStands(1));
    CHECK(phases.siteStands(3));
    CHECK(phases.siteStands(4));
    phases.setPhaseShown(4, false);
    CHECK_FALSE(phases.siteStands(1));
}
