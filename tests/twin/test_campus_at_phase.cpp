// The campus at a phase: what the composition places, resolved once from the scenario.
#include "twin/campus_at_phase.h"
#include "twin/scenario_loader.h"

#include "support/abilene_scenario.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using namespace ct::twin;

TEST_CASE("the campus at a phase lists what stands then, with model files resolved", "[twin][campus-at-phase]") {
    const Scenario& s = ct::test::abilene();
    for (int phase = 1; phase <= static_cast<int>(s.phases.size()); ++phase) {
        const CampusAtPhase standing = campusAtPhase(s, phase);
        INFO("phase " << phase);
        CHECK(standing.phase == phase);
        CHECK(standing.count(EntityKind::Building) == static_cast<int>(buildingsAtPhase(s, phase).size()));
        CHECK(standing.count(EntityKind::SolarFarm) == static_cast<int>(solarFarmsAtPhase(s, phase).size()));
        CHECK(standing.count(EntityKind::Turbine) == static_cast<int>(turbinesAtPhase(s, phase).size()));
        CHECK(standing.count(EntityKind::Battery) == static_cast<int>(batteriesAtPhase(s, phase).size()));
        CHECK(standing.count(EntityKind::GasPlant) == (gasPlantAtPhase(s, phase) ? 1 : 0));
        CHECK(standing.count(EntityKind::Terrain) == 1);
        CHECK(standing.count(EntityKind::Substation) == 1);
        std::set<std::string> ids;
        for (const StandingEntity& e : standing.entities) {
            INFO(e.id << " model " << e.modelKey);
            CHECK(ids.insert(e.id).second);
            CHECK((e.kind == EntityKind::SolarFarm) == (e.solarFarm != nullptr));
            CHECK((e.kind == EntityKind::SiteWork) == (e.siteWork != nullptr));
            if (e.kind == EntityKind::SiteWork) {
                // Made by the campus from the scenario's figures: no model file.
                CHECK(e.modelPath.empty());
                CHECK(e.siteWork->phase <= phase);
                continue;
            }
            CHECK(std::filesystem::is_regular_file(e.modelPath));
            CHECK(e.modelPath == resolveModelPath(s, e.modelKey));
        }
        // The terrain first, so everything is placed over it.
        CHECK(standing.entities.front().kind == EntityKind::Terrain);
    }
    // The Build-out: the 20 buildings of the announcement.
    CHECK(campusAtPhase(s, static_cast<int>(s.phases.size())).count(EntityKind::Building) == 20);
}

TEST_CASE("before construction only the ground and the substation stand", "[twin][campus-at-phase]") {
    const CampusAtPhase site = campusAtPhase(ct::test::abilene(), 0);
    CHECK(site.entities.size() == 2);
    CHECK(site.count(EntityKind::Terrain) == 1);
    CHECK(site.count(EntityKind::Substation) == 1);
}

TEST_CASE("the campus at a phase keeps the bindings of what stands, with their place in the file",
          "[twin][campus-at-phase]") {
    const Scenario& s = ct::test::abilene();
    const CampusAtPhase phase1 = campusAtPhase(s, 1);
    REQUIRE_FALSE(phase1.bindings.empty());
    std::set<std::string> ids;
    for (const StandingEntity& e : phase1.entities)
        ids.insert(e.id);
    for (const auto& [binding, index] : phase1.bindings) {
        INFO(binding.entity);
        CHECK(ids.count(binding.entity.substr(0, binding.entity.find('/'))) == 1);
        REQUIRE(index < s.bindings.size());
        CHECK(s.bindings[index].entity == binding.entity);
    }
    // bldg-03 is built in phase 2: none of its bindings yet.
    for (const auto& standing : phase1.bindings)
        CHECK(standing.binding.entity.rfind("bldg-03", 0) != 0);
    CHECK(campusAtPhase(s, 2).bindings.size() > phase1.bindings.size());
}

TEST_CASE("turbines face the prevailing wind", "[twin][campus-at-phase]") {
    const Scenario& s = ct::test::abilene();
    for (const StandingEntity& e : campusAtPhase(s, 1).entities)
        if (e.kind == EntityKind::Turbine) CHECK(e.rotation_deg == Approx(-s.climate.prevailingWind_deg));
}
