// The campus as built at each phase, rendered headless from the overview camera: the picking
// buffer must show exactly the buildings of that phase.
#include "abilene_scenario.h"
#include "campus_scene.h"
#include "render/data_dir.h"
#include "render/offscreen_capture.h"
#include "twin/scenario_loader.h"

#include <catch2/catch.hpp>

#include <set>

namespace {
using ct::test::abilene;

std::set<std::string> visibleBuildings(ct::vk::Context& context, const ct::twin::Scenario& scenario, int phase) {
    const ct::app::CampusResult composed = ct::app::composeCampus(scenario, phase);
    INFO(composed.error);
    REQUIRE(composed.campus);
    const ct::app::CampusScene& campus = *composed.campus;
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {1280, 720}});
    renderer.setScene(campus.scene);
    ct::render::OffscreenCapture capture(context, renderer);
    const auto camera = ct::app::scenarioCamera(scenario, "overview", campus.scene.bounds);
    REQUIRE(camera);
    const auto frame = capture.render(*camera, {});
    std::set<int> nodes;
    for (const auto& id : frame.ids)
        if (id.x) nodes.insert(static_cast<int>(id.x) - 1);
    std::set<std::string> buildings;
    for (int node : nodes) {
        const std::string entity = ct::app::entityOfNode(campus.scene, node);
        for (const auto& b : scenario.buildings)
            if (b.id == entity) buildings.insert(entity);
    }
    return buildings;
}
}  // namespace

TEST_CASE("the overview shows 2, 8, 10 and 20 buildings at phases 1 to 4", "[campus][render]") {
    const ct::twin::Scenario& scenario = abilene();
    ct::vk::Context context({.validation = true, .quiet = true});
    const std::size_t expected[] = {2, 8, 10, 20};
    for (int phase = 1; phase <= 4; ++phase) {
        INFO("phase " << phase);
        const std::set<std::string> seen = visibleBuildings(context, scenario, phase);
        CHECK(seen.size() == expected[phase - 1]);
        for (const std::string& id : seen) {
            const auto it = std::find_if(scenario.buildings.begin(), scenario.buildings.end(),
                                         [&](const auto& b) { return b.id == id; });
            REQUIRE(it != scenario.buildings.end());
            CHECK(it->phase <= phase);
        }
    }
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("the build-out has at least 200,000 panels and 50 turbines, bound nodes exist", "[campus]") {
    const ct::twin::Scenario& scenario = abilene();
    const ct::app::CampusResult composed = ct::app::composeCampus(scenario, 4);
    INFO(composed.error);
    REQUIRE(composed.campus);
    CHECK(composed.campus->buildingCount == 20);
    CHECK(composed.campus->panelCount >= 200000);
    CHECK(composed.campus->turbineCount >= 50);
    // Every entity bound in the scenario has its root node, named by its id.
    for (const auto& binding : scenario.bindings) {
        const std::string entity = binding.entity.substr(0, binding.entity.find('/'));
        CHECK(composed.campus->entityRoots.count(entity) == 1);
    }
}
