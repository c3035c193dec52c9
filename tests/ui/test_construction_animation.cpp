// The construction animation: buildings rise in scaffolding when their phase is shown, fill in
// solid, sink when it is hidden; the as-of date stands them in scaffolding by their progress.
#include "support/abilene_scenario.h"
#include "ui/construction_animation.h"

#include <catch2/catch.hpp>

using namespace ct;
using ui::ConstructionAnimation;

namespace {

std::vector<std::size_t> buildingsOfPhase(const twin::Scenario& s, int phase) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < s.buildings.size(); ++i)
        if (s.buildings[i].phase == phase) found.push_back(i);
    return found;
}

void run(ConstructionAnimation& looks, const ui::PhaseModel& phases, double seconds, double dt = 0.05) {
    for (double t = 0.0; t < seconds; t += dt)
        looks.update(phases, dt);
}

}  // namespace

TEST_CASE("the animation starts settled on the phase model", "[ui][construction]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    phases.showThrough(2);
    const ConstructionAnimation looks(s, phases);
    CHECK(looks.settled());
    for (const std::size_t b : buildingsOfPhase(s, 1))
        CHECK(looks.building(b) == ui::EntityLook{1.0f, 1.0f});
    for (const std::size_t b : buildingsOfPhase(s, 4))
        CHECK_FALSE(looks.building(b).drawn());
    CHECK(looks.site(2).drawn());
    CHECK_FALSE(looks.site(3).drawn());
}

TEST_CASE("showing a phase raises its buildings as scaffolding, then fills them in", "[ui][construction]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    phases.showThrough(2);
    ConstructionAnimation looks(s, phases);
    const std::vector<std::size_t> phase3 = buildingsOfPhase(s, 3);
    REQUIRE(phase3.size() >= 2);

    phases.setPhaseShown(3, true);
    run(looks, phases, 1.0);  // half the rise
    const ui::EntityLook first = looks.building(phase3[0]);
    CHECK(first.risen == Approx(0.5).margin(0.03));
    CHECK(first.solid == 0.0f);  // bare scaffolding while it rises
    // The next building of the phase starts a stagger later.
    CHECK(looks.building(phase3[1]).risen ==
          Approx(0.5 - ConstructionAnimation::kStagger_s / ConstructionAnimation::kRise_s).margin(0.03));
    CHECK(looks.site(3).drawn());
    CHECK_FALSE(looks.settled());

    run(looks, phases, ConstructionAnimation::kRise_s - 1.0 + 0.75);
    CHECK(looks.building(phase3[0]).risen == 1.0f);
    CHECK(looks.building(phase3[0]).solid == Approx(0.75 / ConstructionAnimation::kFill_s).margin(0.05));

    run(looks, phases, 3.0);
    CHECK(looks.settled());
    CHECK(looks.building(phase3[0]) == ui::EntityLook{1.0f, 1.0f});
    // Phases already standing never moved.
    for (const std::size_t b : buildingsOfPhase(s, 1))
        CHECK(looks.building(b) == ui::EntityLook{1.0f, 1.0f});
}

TEST_CASE("hiding a phase sinks its buildings back into the ground", "[ui][construction]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    ConstructionAnimation looks(s, phases);
    const std::size_t hall = buildingsOfPhase(s, 4).front();
    phases.setPhaseShown(4, false);
    run(looks, phases, 1.0);
    CHECK(looks.building(hall).risen == Approx(0.5).margin(0.03));
    CHECK(looks.building(hall).solid == 1.0f);  // it sinks as built
    run(looks, phases, 5.0);
    CHECK_FALSE(looks.building(hall).drawn());
    CHECK_FALSE(looks.site(4).drawn());
    CHECK(looks.site(3).drawn());
    CHECK(looks.settled());
}

TEST_CASE("by the as-of date, a phase under construction stands in scaffolding by its progress", "[ui][construction]") {
    const twin::Scenario& s = ct::test::abilene();
    ui::PhaseModel phases(s);
    // Phase 2 runs 2025-03-01 to 2026-10-01 (579 days); 2025-12-01 is 275 days in: 47 %.
    phases.setAsOf(*twin::parseIsoUtc("2025-12-01"));
    REQUIRE(phases.phaseState(2) == twin::BuildingState::UnderConstruction);
    const ui::EntityLook target = ConstructionAnimation::target(phases, 2);
    CHECK(target.risen == 1.0f);
    CHECK(target.solid == Approx(275.0 / 579.0).margin(0.005));
    CHECK(ConstructionAnimation::target(phases, 1) == ui::EntityLook{1.0f, 1.0f});
    CHECK(ConstructionAnimation::target(phases, 3) == ui::EntityLook{0.0f, 0.0f});

    // Just begun or nearly done: the share shown stays within the limits, so both show.
    phases.setAsOf(*twin::parseIsoUtc("2025-03-02"));
    CHECK(ConstructionAnimation::target(phases, 2).solid == ConstructionAnimation::kMinProgress);
    phases.setAsOf(*twin::parseIsoUtc("2026-09-30"));
    CHECK(ConstructionAnimation::target(phases, 2).solid == ConstructionAnimation::kMaxProgress);

    ConstructionAnimation looks(s, phases);
    CHECK(looks.building(buildingsOfPhase(s, 2).front()).solid == ConstructionAnimation::kMaxProgress);
}
