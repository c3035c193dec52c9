// The campus's construction animation end to end: phase looks -> node animations -> pixels.
// Hiding the build-out sinks its halls (lifted, clipped at their base) until they are gone;
// showing it raises them as scaffolding; the farms and terrain layers hide their nodes.
#include "campus/campus_animation.h"
#include "render/data_dir.h"
#include "render/image_file.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/scenario_loader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

using namespace ct;

namespace {

const twin::Scenario& scenario() {
    return test::abilene();
}

const campus::CampusScene& fullCampus() {
    static const campus::CampusResult composed = campus::composeCampus(scenario(), 4);
    INFO(composed.error);
    REQUIRE(composed.campus);
    return *composed.campus;
}

// The entity's own nodes (a building's construction equipment, "<id>/works/...", left out).
std::vector<int> nodesOf(const campus::CampusScene& campus, const std::string& entity) {
    std::vector<int> nodes;
    for (std::size_t n = 0; n < campus.scene.nodes.size(); ++n)
        if (campus::entityOfNode(campus.scene, static_cast<int>(n)) == entity &&
            campus.scene.nodes[n].name.rfind(entity + "/works", 0) != 0)
            nodes.push_back(static_cast<int>(n));
    return nodes;
}

// A building's construction equipment's nodes.
std::vector<int> worksOf(const campus::CampusScene& campus, const std::string& building) {
    const auto root = campus.worksRoots.find(building);
    return root == campus.worksRoots.end() ? std::vector<int>{}
                                           : campus::entityExtent(campus.scene, root->second).nodes;
}

const twin::Building& firstOfPhase(int phase) {
    for (const twin::Building& b : scenario().buildings)
        if (b.phase == phase) return b;
    throw std::logic_error("no building");
}

void run(ui::ConstructionAnimation& looks, const ui::PhaseModel& phases, double seconds) {
    for (double t = 0.0; t < seconds; t += 0.05)
        looks.update(phases, 0.05);
}

}  // namespace

TEST_CASE("node animations follow the phases' looks and the layers", "[campus][construction]") {
    const campus::CampusScene& campus = fullCampus();
    const campus::CampusAnimator animator(scenario(), campus);
    ui::PhaseModel phases(scenario());
    ui::ConstructionAnimation looks(scenario(), phases);
    ui::LayerSettings layers;

    // Everything standing, every layer on: every node as composed.
    for (const render::NodeAnimation& a : animator.animations(looks, layers))
        CHECK(a == render::NodeAnimation{});

    phases.setPhaseShown(4, false);
    run(looks, phases, 1.0);
    const std::vector<render::NodeAnimation> sinking = animator.animations(looks, layers);
    const std::vector<int> hall = nodesOf(campus, firstOfPhase(4).id);
    REQUIRE_FALSE(hall.empty());
    const render::NodeAnimation& a = sinking[static_cast<std::size_t>(hall.front())];
    CHECK_FALSE(a.hidden);
    CHECK(a.lift_m < -5.0f);  // halfway down a hall of some 20 m or more
    CHECK(a.clipBelowY < 1.0f);
    for (const int node : hall)  // the whole hall, roof units included, moves as one
        CHECK(sinking[static_cast<std::size_t>(node)] == a);
    for (const int node : nodesOf(campus, firstOfPhase(1).id))
        CHECK(sinking[static_cast<std::size_t>(node)] == render::NodeAnimation{});

    const std::vector<render::NodeAnimation> picked = animator.animations(looks, layers, firstOfPhase(1).id);
    for (const int node : nodesOf(campus, firstOfPhase(1).id))
        CHECK(picked[static_cast<std::size_t>(node)].highlight == 1.0f);
    CHECK(picked[static_cast<std::size_t>(hall.front())].highlight == 0.0f);

    run(looks, phases, 5.0);
    for (const int node : hall)
        CHECK(animator.animations(looks, layers)[static_cast<std::size_t>(node)].hidden);

    layers.farms = false;
    layers.terrain = false;
    const std::vector<render::NodeAnimation> bare = animator.animations(looks, layers);
    for (const int node : nodesOf(campus, scenario().solarFarms.front().id))
        CHECK(bare[static_cast<std::size_t>(node)].hidden);
    for (const int node : nodesOf(campus, scenario().turbines.front().id))
        CHECK(bare[static_cast<std::size_t>(node)].hidden);
    for (const int node : nodesOf(campus, "terrain"))
        CHECK(bare[static_cast<std::size_t>(node)].hidden);
    for (const int node : nodesOf(campus, firstOfPhase(1).id))
        CHECK_FALSE(bare[static_cast<std::size_t>(node)].hidden);
}

TEST_CASE("the overview shows the build-out rising in scaffolding, and gone once sunk", "[campus][construction]") {
    const campus::CampusScene& campus = fullCampus();
    const campus::CampusAnimator animator(scenario(), campus);
    vk::Context context({.validation = true});
    render::Renderer renderer(context, render::shaderDir(), {.extent = {960, 540}});
    renderer.setScene(campus.scene);
    render::OffscreenCapture capture(context, renderer);
    const auto camera = campus::scenarioCamera(scenario(), "overview", campus.scene.bounds);
    REQUIRE(camera);

    std::set<std::string> phase4;
    for (const twin::Building& b : scenario().buildings)
        if (b.phase == 4) phase4.insert(b.id);
    // Pixels of phase-4 halls, and how many of them are scaffold orange.
    const auto count = [&](const render::CapturedFrame& frame, int& orange) {
        int pixels = 0;
        orange = 0;
        for (std::uint32_t y = 0; y < frame.height; ++y)
            for (std::uint32_t x = 0; x < frame.width; ++x) {
                const int node = frame.nodeAt(x, y);
                if (node < 0 || !phase4.count(campus::entityOfNode(campus.scene, node))) continue;
                ++pixels;
                const glm::u8vec4 p = frame.pixel(x, y);
                if (p.r > p.g + 30 && p.g > p.b + 20) ++orange;
            }
        return pixels;
    };

    ui::PhaseModel phases(scenario());
    ui::ConstructionAnimation looks(scenario(), phases);
    int orange = 0;
    const int standing = count(capture.render(*camera, {}), orange);
    REQUIRE(standing > 2000);
    CHECK(orange < standing / 20);

    phases.setPhaseShown(4, false);
    run(looks, phases, 6.0);
    renderer.setNodeAnimations(animator.animations(looks, {}));
    CHECK(count(capture.render(*camera, {}), orange) == 0);

    phases.setPhaseShown(4, true);
    run(looks, phases, 1.6);  // most of the way up, bare scaffolding
    renderer.setNodeAnimations(animator.animations(looks, {}));
    const render::CapturedFrame rising = capture.render(*camera, {});
    const std::filesystem::path dir = std::filesystem::path("test-output") / "campus_animation";
    std::filesystem::create_directories(dir);
    render::writePng(dir / "build_out_rising.png", {rising.width, rising.height, rising.rgba});
    const int scaffold = count(rising, orange);
    CHECK(scaffold > standing / 20);
    CHECK(scaffold < standing);
    CHECK(orange > scaffold / 2);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("a building being built has tower cranes and a laydown yard beside it, a finished one has none",
          "[campus][construction]") {
    const campus::CampusScene& campus = fullCampus();
    const campus::CampusAnimator animator(scenario(), campus);
    const std::string building = firstOfPhase(4).id;
    const std::vector<int> works = worksOf(campus, building);
    REQUIRE(works.size() > 5);
    std::set<int> cranes;
    for (const int node : works) {
        CHECK(campus.scene.nodes[static_cast<std::size_t>(node)].onDemand);
        if (campus.scene.nodes[static_cast<std::size_t>(node)].name == building + "/works/crane_steel")
            cranes.insert(node);
    }
    REQUIRE(cranes.size() == 1);
    // The cranes tower over the hall: their jibs 28 m above its roof.
    const campus::EntityExtent hall = campus::entityExtent(campus.scene, campus.entityRoots.at(building));
    const campus::EntityExtent equipment = campus::entityExtent(campus.scene, campus.worksRoots.at(building));
    CHECK(equipment.bounds.max.y > hall.bounds.max.y + 25.0f);

    // From 600 m south-east of the hall, up 250 m.
    render::Camera camera;
    camera.target = hall.bounds.center();
    camera.eye = camera.target + glm::vec3(450.0f, 250.0f, 400.0f);
    camera.yfov = glm::radians(50.0f);
    render::fitDepthRange(camera, campus.scene.bounds);
    vk::Context context({.validation = true, .quiet = true});
    render::Renderer renderer(context, render::shaderDir(), {.extent = {320, 200}});
    renderer.setScene(campus.scene);
    render::OffscreenCapture capture(context, renderer);
    const std::set<int> worksNodes(works.begin(), works.end());
    const auto pixelsOf = [&](const render::CapturedFrame& frame, const std::set<int>& nodes) {
        int n = 0;
        for (std::uint32_t y = 0; y < frame.height; ++y)
            for (std::uint32_t x = 0; x < frame.width; ++x)
                n += nodes.count(frame.nodeAt(x, y)) > 0;
        return n;
    };

    ui::PhaseModel phases(scenario());
    ui::ConstructionAnimation looks(scenario(), phases);
    renderer.setNodeAnimations(animator.animations(looks, {}));
    const render::CapturedFrame finished = capture.render(camera, {});
    CHECK(pixelsOf(finished, worksNodes) == 0);
    for (const int node : works)
        CHECK_FALSE(animator.animations(looks, {})[static_cast<std::size_t>(node)].shown);

    phases.setPhaseShown(4, false);
    run(looks, phases, 6.0);
    phases.setPhaseShown(4, true);
    run(looks, phases, 2.5);  // standing in its scaffolding, filling in
    REQUIRE(looks.building(static_cast<std::size_t>(&firstOfPhase(4) - scenario().buildings.data())).solid < 1.0f);
    const std::vector<render::NodeAnimation> building_ = animator.animations(looks, {});
    for (const int node : works)
        CHECK(building_[static_cast<std::size_t>(node)].shown);
    renderer.setNodeAnimations(building_);
    const render::CapturedFrame built = capture.render(camera, {});
    const std::filesystem::path dir = std::filesystem::path("test-output") / "campus_animation";
    std::filesystem::create_directories(dir);
    render::writePng(dir / "construction_equipment.png", {built.width, built.height, built.rgba});
    INFO("equipment pixels " << pixelsOf(built, worksNodes) << ", cranes' " << pixelsOf(built, cranes));
    CHECK(pixelsOf(built, worksNodes) > 200);
    CHECK(pixelsOf(built, cranes) > 30);
    CHECK(context.validationCounts().total() == 0);
}
