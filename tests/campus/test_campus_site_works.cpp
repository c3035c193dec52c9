// The site's civil works (campus/site_works.h): laid on the ground, each an entity of the campus,
// and seen where they stand: a road darker than the grass beside it, the perimeter fence and the
// power line continuous lines from the overview, kilometres out.
#include "campus/campus_scene.h"
#include "campus/site_works.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/offscreen_capture.h"
#include "render/render_quality.h"
#include "support/abilene_scenario.h"
#include "support/pixel_luminance.h"
#include "support/projected_pixel.h"
#include "twin/civil_time.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

// A ground that rises 2 m every 100 m eastwards: one big triangle pair.
ct::scene::Scene slope() {
    ct::scene::Scene s;
    ct::scene::Primitive p;
    for (const glm::vec2 c :
         {glm::vec2(-1000, -1000), glm::vec2(1000, -1000), glm::vec2(1000, 1000), glm::vec2(-1000, 1000)}) {
        ct::scene::Vertex v;
        v.position = glm::vec3(c.x, 0.02f * c.x, c.y);
        p.vertices.push_back(v);
    }
    p.indices = {0, 2, 1, 0, 3, 2};
    s.meshes.push_back({"ground", {p}});
    ct::scene::Node node;
    node.mesh = 0;
    s.nodes.push_back(node);
    s.roots.push_back(0);
    return s;
}

// Whether entity `id` was drawn within `reach` pixels of `pixel`.
bool drawnNear(const ct::render::CapturedFrame& frame, const ct::scene::Scene& scene, glm::uvec2 pixel,
               const std::string& id, int reach) {
    for (int dy = -reach; dy <= reach; ++dy)
        for (int dx = -reach; dx <= reach; ++dx) {
            const int x = static_cast<int>(pixel.x) + dx;
            const int y = static_cast<int>(pixel.y) + dy;
            if (x < 0 || y < 0 || x >= static_cast<int>(frame.width) || y >= static_cast<int>(frame.height)) continue;
            const int node = frame.nodeAt(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
            if (node >= 0 && ct::campus::entityOfNode(scene, node) == id) return true;
        }
    return false;
}

}  // namespace

TEST_CASE("site works follow the ground they are laid on", "[campus][site]") {
    const ct::campus::TerrainHeight ground(slope());
    CHECK(ground.at(500.0f, 0.0f) == Approx(10.0f).margin(1e-3));
    CHECK(ground.at(-250.0f, 300.0f) == Approx(-5.0f).margin(1e-3));
    CHECK(ground.at(5000.0f, 0.0f) == 0.0f);  // off the terrain

    ct::twin::SiteWork road;
    road.id = "road-test";
    road.kind = ct::twin::SiteWorkKind::Road;
    road.path = {{-600, 0}, {600, 0}, {600, 400}};
    road.width_m = 10;
    const ct::scene::Scene model = ct::campus::siteWorkModel(road, ground);
    int checked = 0;
    for (const ct::scene::Node& node : model.nodes) {
        if (node.name != "surface") continue;
        for (const ct::scene::Vertex& v : model.meshes[static_cast<std::size_t>(node.mesh)].primitives[0].vertices) {
            // The asphalt lies 0.12 m over the ground wherever it goes, up the slope and down.
            CHECK(v.position.y == Approx(0.02f * v.position.x + 0.12f).margin(1e-3));
            ++checked;
        }
    }
    CHECK(checked > 100);  // cut every 20 m along 1.6 km
}

TEST_CASE("the roads, fence and power lines are drawn where the scenario puts them", "[campus][render][site]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 1);
    INFO(composed.error);
    REQUIRE(composed.campus);
    const ct::campus::CampusScene& campus = *composed.campus;
    for (const char* id :
         {"road-access", "road-ring-main", "fence-perimeter", "line-345kv", "parking-main", "pond-north", "switchyard"})
        CHECK(campus.entityRoots.count(id) == 1);
    CHECK(campus.entityRoots.count("road-ring-south") == 0);  // the build-out's, not yet

    constexpr std::uint32_t kWidth = 640;
    constexpr std::uint32_t kHeight = 360;
    const double t = static_cast<double>(*ct::twin::parseIsoUtc("2026-07-15T18:30"));
    ct::render::Lighting lighting = ct::campus::stillLighting({}, scenario.site, t);
    if (campus.groundAlbedo) lighting.groundColor = *campus.groundAlbedo;
    ct::vk::Context context({.validation = true, .quiet = true});
    const ct::render::RenderQuality draft = ct::render::renderQuality(ct::render::QualityPreset::Draft);
    ct::render::Renderer renderer(context, ct::render::shaderDir(),
                                  ct::render::rendererOptions(draft, {kWidth, kHeight}));
    renderer.setScene(campus.scene);
    ct::render::OffscreenCapture capture(context, renderer);

    SECTION("close up, the main road is darker than the grass beside it") {
        const auto camera = ct::campus::scenarioCamera(scenario, "phase1", campus.scene.bounds);
        REQUIRE(camera);
        const ct::render::CapturedFrame frame = capture.render(*camera, lighting);
        // On the spine between the two rows of buildings, and 25 m off the ring road's west side.
        const auto road = ct::test::projectedPixel(*camera, kWidth, kHeight, {-560.0f, 0.12f, 0.0f});
        const auto grass = ct::test::projectedPixel(*camera, kWidth, kHeight, {-730.0f, 0.0f, 0.0f});
        REQUIRE(road);
        REQUIRE(grass);
        CHECK(drawnNear(frame, campus.scene, *road, "road-main-spine", 0));
        CHECK(drawnNear(frame, campus.scene, *grass, "terrain", 0));
        const float asphalt = ct::test::linearLuminance(frame.pixel(road->x, road->y));
        const float ground = ct::test::linearLuminance(frame.pixel(grass->x, grass->y));
        INFO("asphalt " << asphalt << ", grass " << ground);
        CHECK(asphalt < 0.6f * ground);
    }
    SECTION("from the overview the fence and the 345 kV line are unbroken lines") {
        const auto camera = ct::campus::scenarioCamera(scenario, "overview", campus.scene.bounds);
        REQUIRE(camera);
        const ct::render::CapturedFrame frame = capture.render(*camera, lighting);
        int fenceSeen = 0;
        int fenceTried = 0;
        // Along the fence's north side, 2.4 m up, every 100 m.
        for (float x = 100.0f; x <= 2400.0f; x += 100.0f) {
            if (std::abs(x - 1100.0f) < 50.0f) continue;  // where the 345 kV line passes over it
            const auto pixel = ct::test::projectedPixel(*camera, kWidth, kHeight, {x, 2.4f, -800.0f});
            if (!pixel) continue;
            ++fenceTried;
            if (drawnNear(frame, campus.scene, *pixel, "fence-perimeter", 1)) ++fenceSeen;
        }
        int lineSeen = 0;
        int lineTried = 0;
        // The towers' tops along the line's first straight leg, every 50 m.
        for (float z = -700.0f; z >= -1400.0f; z -= 50.0f) {
            const auto pixel = ct::test::projectedPixel(*camera, kWidth, kHeight, {1100.0f, 38.0f, z});
            if (!pixel) continue;
            ++lineTried;
            if (drawnNear(frame, campus.scene, *pixel, "line-345kv", 2)) ++lineSeen;
        }
        INFO("fence " << fenceSeen << " of " << fenceTried << ", line " << lineSeen << " of " << lineTried);
        CHECK(fenceTried >= 15);
        CHECK(fenceSeen == fenceTried);
        CHECK(lineTried >= 10);
        CHECK(lineSeen >= lineTried - 1);
    }
    CHECK(context.validationCounts().total() == 0);
}
