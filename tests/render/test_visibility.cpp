// Per-frame visibility: frustum culling of instance chunks and per-node level of detail, with
// draw calls still one per primitive.
#include "render/visibility.h"
#include "render_harness.h"

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <utility>

#include <catch2/catch.hpp>

using ct::test::RenderHarness;

namespace {

// The test cube (node 0) with a far stand-in: the same mesh in blue, hanging outside the
// displayed hierarchy.
struct CubeWithStandIn {
    ct::scene::Scene scene;
    int near = 0;
    int far = -1;
};

CubeWithStandIn cubeWithStandIn() {
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("lit_cube.gltf"));
    REQUIRE(loaded.ok());
    CubeWithStandIn out{std::move(*loaded.scene)};
    ct::scene::Scene& scene = out.scene;
    REQUIRE(scene.nodes[out.near].mesh >= 0);
    ct::scene::Material blue = scene.materials.at(0);
    blue.baseColorFactor = {0.0f, 0.0f, 1.0f, 1.0f};
    scene.materials.push_back(blue);
    ct::scene::Mesh farMesh = scene.meshes[scene.nodes[out.near].mesh];
    for (auto& prim : farMesh.primitives)
        prim.material = static_cast<int>(scene.materials.size()) - 1;
    scene.meshes.push_back(farMesh);
    ct::scene::Node farNode = scene.nodes[out.near];
    farNode.name = "cube_far";
    farNode.mesh = static_cast<int>(scene.meshes.size()) - 1;
    farNode.parent = -1;
    farNode.children.clear();
    scene.nodes.push_back(farNode);
    out.far = static_cast<int>(scene.nodes.size()) - 1;
    scene.nodes[out.near].lodFar = out.far;
    return out;
}

}  // namespace

TEST_CASE("objects behind the camera are culled: no draws, only sky", "[render][culling]") {
    RenderHarness harness(64, 64);
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("lit_cube.gltf"));
    REQUIRE(loaded.ok());
    ct::render::Camera away;
    away.eye = {0.0f, 0.0f, 5.0f};
    away.target = {0.0f, 0.0f, 10.0f};
    const auto frame = harness.render(*loaded.scene, away);
    CHECK(frame.stats.drawCalls == 0);
    CHECK(frame.stats.visibleInstances == 0);
    CHECK(frame.stats.mainTriangles == 0);
    CHECK(frame.stats.triangles == 12);  // what the scene holds, drawn or not
    CHECK(frame.nodeAt(32, 32) == -1);
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("instance chunks outside the view are culled, draws stay one per primitive", "[render][culling]") {
    RenderHarness harness(128, 128);
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("instanced_100k.gltf"));
    REQUIRE(loaded.ok());
    // West of the 400 m x 250 m grid, looking east into it with a 50 m far plane: only the
    // chunks (2.5 rows of 400 instances each) near the camera's z can be in view.
    ct::render::Camera corner;
    corner.eye = {-215.0f, 5.0f, -120.0f};
    corner.target = {-160.0f, 0.0f, -120.0f};
    corner.zfar = 50.0f;
    const auto frame = harness.render(*loaded.scene, corner);
    CHECK(frame.stats.instances == 100000);
    CHECK(frame.stats.visibleInstances > 0);
    CHECK(frame.stats.visibleInstances < 30000);
    CHECK(frame.stats.drawCalls == 1);
    // Submitted triangles follow the instances that survived, not the scene's total.
    const std::uint64_t perInstance = frame.stats.triangles / frame.stats.instances;
    CHECK(perInstance > 0);
    CHECK(frame.stats.mainTriangles == perInstance * frame.stats.visibleInstances);
    CHECK(frame.stats.mainTriangles < frame.stats.triangles / 3);
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("a node beyond its LOD distance is drawn as its far stand-in", "[render][lod]") {
    RenderHarness harness(64, 64);
    CubeWithStandIn cube = cubeWithStandIn();
    ct::scene::Scene& scene = cube.scene;
    const int nearNode = cube.near;
    const int farIndex = cube.far;
    scene.nodes[nearNode].lodDistance = 20.0f;

    ct::render::Camera camera;
    camera.target = {0.0f, 0.0f, 0.0f};
    camera.eye = {0.0f, 1.0f, 6.0f};
    camera.zfar = 200.0f;
    const auto close = harness.render(scene, camera);
    CHECK(close.nodeAt(32, 32) == nearNode);
    CHECK(ct::test::normalizedColor(close.pixel(32, 32)).r > 0.9f);

    camera.eye = {0.0f, 5.0f, 60.0f};
    camera.yfov = 0.08f;  // a telephoto view, so the far cube still fills the centre
    const auto far = harness.render(scene, camera);
    CHECK(far.nodeAt(32, 32) == farIndex);
    CHECK(ct::test::normalizedColor(far.pixel(32, 32)).b > 0.9f);
    CHECK(far.stats.drawCalls == close.stats.drawCalls);
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("rows on screen: the step across their image, foreshortened, over the distance", "[render][lod]") {
    using ct::render::rowSpacingPixels;
    ct::render::DetailView view{{0.0f, 10.0f, 0.0f}, 1000.0f, false};
    const glm::vec3 step(5.5f, 0.0f, 0.0f);  // rows 5.5 m apart along x, running along z
    const glm::vec3 along(0.0f, 0.0f, 1.0f);
    // From overhead: the full step, at 10 m.
    CHECK(rowSpacingPixels(view, {0.0f, 0.0f, 0.0f}, step, along) == Approx(550.0f));
    // Low, looking along the rows from 1 km: each is a line running away from the eye, a step
    // apart across the view.
    view.eye = {0.0f, 10.0f, -1000.0f};
    CHECK(rowSpacingPixels(view, {0.0f, 0.0f, 0.0f}, step, along) == Approx(5.5f).epsilon(0.01));
    // Low, looking across them: the step is foreshortened by the eye's height over the distance.
    CHECK(rowSpacingPixels(view, {0.0f, 0.0f, 0.0f}, glm::vec3(0.0f, 0.0f, 5.5f), glm::vec3(1.0f, 0.0f, 0.0f)) ==
          Approx(5.5f * 10.0f / 1000.0f).epsilon(0.01));
    // Obliquely, the step along the lines' own image does not separate them: under the step's
    // projected length.
    const glm::vec3 oblique = glm::normalize(glm::vec3(1.0f, 0.0f, 1.0f));
    const float spacing =
        rowSpacingPixels(view, {0.0f, 0.0f, 0.0f}, 5.5f * glm::vec3(oblique.z, 0.0f, -oblique.x), oblique);
    CHECK(spacing < 5.5f * std::sqrt(0.5f) + 0.01f);
    CHECK(spacing > 0.0f);
    // Orthographic, from overhead: pixels per metre times the step.
    const ct::render::DetailView plan{{0.0f, 100.0f, 0.0f}, 2.0f, true, {0.0f, -1.0f, 0.0f}};
    CHECK(rowSpacingPixels(plan, {30.0f, 0.0f, 0.0f}, step, along) == Approx(11.0f));
}

TEST_CASE("a node whose rows close up on screen is drawn as its stand-in, with hysteresis", "[render][lod]") {
    RenderHarness harness(64, 64);
    CubeWithStandIn cube = cubeWithStandIn();
    ct::scene::Scene& scene = cube.scene;
    const int nearNode = cube.near;
    const int farIndex = cube.far;
    scene.nodes[nearNode].lodDistance = 1e6f;               // by the rows alone
    scene.nodes[nearNode].lodRowStep = {0.5f, 0.0f, 0.0f};  // rows along z, 0.5 m apart
    scene.nodes[nearNode].lodRowDirection = {0.0f, 0.0f, 1.0f};
    // Looking down z at the cube's face from `distance`: the rows run away from the eye, so they
    // are 0.5 m times the focal length (in pixels) over the distance apart.
    ct::render::Camera camera;
    camera.yfov = 0.3f;
    camera.zfar = 500.0f;
    const float focal = 32.0f / std::tan(0.15f);
    bool firstFrame = true;
    const auto at = [&](float spacingPixels) {
        const float distance = 0.5f * focal / spacingPixels;
        camera.eye = {0.0f, 0.0f, distance};
        camera.target = {0.0f, 0.0f, 0.0f};
        // The first frame sets the scene; later ones keep it, and with it last frame's choice.
        const bool first = std::exchange(firstFrame, false);
        return (first ? harness.render(scene, camera) : harness.renderAgain(camera)).nodeAt(32, 32);
    };
    const float k = ct::render::kLodRowPixels;
    CHECK(at(2.0f * k) == nearNode);
    CHECK(at(k) == nearNode);         // within the hysteresis, coming from near: stays
    CHECK(at(0.5f * k) == farIndex);  // well under: the stand-in
    CHECK(at(k) == farIndex);         // within the hysteresis, coming from far: stays
    CHECK(at(1.5f * k) == nearNode);  // well over: the node again
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("casters finer than a shadow map texel are left out of the shadow pass only", "[render][culling][shadow]") {
    RenderHarness harness(64, 64);
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("lit_cube.gltf"));
    REQUIRE(loaded.ok());
    ct::scene::Scene& scene = *loaded.scene;
    const int cube = 0;
    REQUIRE(scene.nodes[cube].mesh >= 0);
    const ct::scene::Bounds unit = scene.bounds;
    // A 2 km slab (one map over it: texels of about a metre), a 10 m block and a 5 cm pebble,
    // each its own node, so each is culled on its own.
    const auto place = [&](const char* name, glm::vec3 at, glm::vec3 size) {
        ct::scene::Node node = scene.nodes[cube];
        node.name = name;
        node.parent = -1;
        node.children.clear();
        node.world = glm::translate(glm::mat4(1.0f), at) * glm::scale(glm::mat4(1.0f), size / (unit.max - unit.min));
        node.local = node.world;
        scene.nodes.push_back(node);
        scene.roots.push_back(static_cast<int>(scene.nodes.size()) - 1);
        scene.bounds.extend(ct::scene::transformed(unit, node.world));
    };
    scene.roots.clear();
    scene.bounds = {};
    place("slab", {0.0f, -1.0f, 0.0f}, {2000.0f, 1.0f, 2000.0f});
    place("block", {0.0f, 5.0f, 0.0f}, {10.0f, 10.0f, 10.0f});
    place("pebble", {20.0f, 0.0f, 0.0f}, {0.05f, 0.05f, 0.05f});
    const std::uint64_t cubeTriangles = 12;

    ct::render::Lighting lighting;
    lighting.sunDirection = glm::normalize(glm::vec3(0.3f, 1.0f, 0.2f));
    ct::render::Camera camera;
    camera.eye = {60.0f, 40.0f, 60.0f};
    camera.target = {0.0f, 0.0f, 0.0f};
    const auto frame = harness.render(scene, camera, lighting);
    CHECK(frame.stats.triangles == 3 * cubeTriangles);
    CHECK(frame.stats.mainTriangles == 3 * cubeTriangles);    // the camera still draws the pebble
    CHECK(frame.stats.shadowTriangles == 2 * cubeTriangles);  // the sun's map does not
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("a mesh level is taken at the distance its error covers a pixel, with hysteresis either way",
          "[render][lod][levels]") {
    // Level 1 covers a pixel at 10 m (0.01 m at 1000 px per radian), level 2 at 40 m.
    const std::vector<float> errors{0.0f, 0.01f, 0.04f};
    const float pixelsPerRadian = 1000.0f;
    auto step = [&](int level, float distance_m) {
        return ct::render::nextLevel(level, errors, pixelsPerRadian / distance_m);
    };
    // Known distances, from a fresh start: the coarsest level whose error stays under the
    // threshold less the margin.
    CHECK(step(0, 5.0f) == 0);
    CHECK(step(0, 20.0f) == 1);
    CHECK(step(0, 100.0f) == 2);
    CHECK(step(2, 5.0f) == 0);  // straight back from the coarsest

    // Back and forth across the 10 m switch: taken beyond 10 / 0.75 m, given up inside 10 / 1.25 m.
    const float take = 10.0f / (1.0f - ct::render::kLevelHysteresis);
    const float giveUp = 10.0f / (1.0f + ct::render::kLevelHysteresis);
    int level = 0;
    int changes = 0;
    for (int sweep = 0; sweep < 4; ++sweep) {
        for (float d = giveUp + 0.05f; d < take - 0.05f; d += 0.1f) {  // within the margin: no change
            const int next = step(level, sweep % 2 == 0 ? d : take + giveUp - d);
            changes += next != level;
            level = next;
        }
    }
    CHECK(changes == 0);
    CHECK(level == 0);
    level = step(level, take + 0.1f);
    CHECK(level == 1);
    for (float d = take - 0.1f; d > giveUp + 0.05f; d -= 0.1f)
        CHECK(step(level, d) == 1);
    CHECK(step(level, giveUp - 0.1f) == 0);
}

TEST_CASE("the renderer draws each instance at its level and keeps the choice inside the margin",
          "[render][lod][levels]") {
    RenderHarness harness(64, 64);
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("lit_cube.gltf"));
    REQUIRE(loaded.ok());
    ct::scene::Scene& scene = *loaded.scene;
    ct::scene::Mesh& mesh = scene.meshes.at(static_cast<std::size_t>(scene.nodes[0].mesh));
    REQUIRE(mesh.primitives.size() == 1);
    REQUIRE(mesh.primitives[0].indices.size() == 36);
    // A stand-in level of two triangles, 0.1 m from the cube's surface.
    ct::scene::MeshLevel level{mesh.primitives, 0.1f};
    level.primitives[0].indices.resize(6);
    mesh.levels.push_back(level);

    ct::render::Camera camera;
    camera.target = {0.0f, 0.0f, 0.0f};
    camera.zfar = 500.0f;
    // 64 pixels over the field of view: the focal length in pixels.
    const float pixelsPerRadian = 32.0f / std::tan(0.5f * camera.yfov);
    const float switch_m = 0.1f * pixelsPerRadian / ct::render::kLevelErrorPixels;
    const float take = switch_m / (1.0f - ct::render::kLevelHysteresis);
    const float giveUp = switch_m / (1.0f + ct::render::kLevelHysteresis);
    const float front = scene.bounds.max.z;  // the nearest face, seen from +z
    auto at = [&](float distance_m) {
        camera.eye = {0.0f, 0.0f, front + distance_m};
        return harness.renderAgain(camera).stats.mainTriangles;
    };
    camera.eye = {0.0f, 0.0f, front + 0.5f * giveUp};
    CHECK(harness.render(scene, camera).stats.mainTriangles == 12);
    CHECK(at(2.0f * take) == 2);
    // Hovering inside the margin after coming from afar keeps the coarse level...
    for (float d : {0.95f * take, 1.05f * giveUp, 0.9f * take, 1.1f * giveUp})
        CHECK(at(d) == 2);
    CHECK(at(0.9f * giveUp) == 12);
    // ...and after coming from near, the full one.
    for (float d : {1.05f * giveUp, 0.95f * take, 1.1f * giveUp, 0.9f * take})
        CHECK(at(d) == 12);
    CHECK(at(1.1f * take) == 2);
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("a caster is drawn into the shadow map at the coarsest level whose error fits in a texel",
          "[render][lod][levels][shadow]") {
    RenderHarness harness(64, 64);
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("lit_cube.gltf"));
    REQUIRE(loaded.ok());
    ct::scene::Scene& scene = *loaded.scene;
    const int cube = 0;
    ct::scene::Mesh& mesh = scene.meshes.at(static_cast<std::size_t>(scene.nodes[cube].mesh));
    REQUIRE(mesh.primitives[0].indices.size() == 36);
    // A stand-in level of two triangles, 0.1 m from the cube's surface.
    ct::scene::MeshLevel level{mesh.primitives, 0.1f};
    level.primitives[0].indices.resize(6);
    mesh.levels.push_back(level);
    // Under the cube a 2 km slab of the same mesh: the one map over it has texels of about a
    // metre, coarser than the cube's stand-in's error; the slab's, scaled a thousandfold, is not.
    const ct::scene::Bounds unit = scene.bounds;
    ct::scene::Node slab = scene.nodes[cube];
    slab.name = "slab";
    slab.children.clear();
    slab.parent = -1;
    slab.world = glm::translate(glm::mat4(1.0f), {0.0f, unit.min.y - 1.0f, 0.0f}) *
                 glm::scale(glm::mat4(1.0f), glm::vec3(2000.0f, 1.0f, 2000.0f) / (unit.max - unit.min));
    slab.local = slab.world;
    scene.nodes.push_back(slab);
    scene.roots.push_back(static_cast<int>(scene.nodes.size()) - 1);
    scene.bounds.extend(ct::scene::transformed(unit, slab.world));

    ct::render::Lighting lighting;
    lighting.sunDirection = glm::normalize(glm::vec3(0.3f, 1.0f, 0.2f));
    ct::render::Camera camera;
    camera.eye = {1.5f, 1.0f, 2.5f};  // close: the camera draws the cube whole
    camera.target = {0.0f, 0.0f, 0.0f};
    const auto frame = harness.render(scene, camera, lighting);
    CHECK(frame.stats.mainTriangles == 12 + 12);
    CHECK(frame.stats.shadowTriangles == 2 + 12);
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("a held region holds a box exactly when all its corners lie within it", "[render][culling]") {
    // An orthographic sun's view, turned about two axes, as a shadow cascade's.
    const glm::mat4 view = glm::lookAt(glm::vec3(0.0f), -glm::normalize(glm::vec3(0.4f, 0.6f, 0.3f)), {0, 1, 0});
    ct::render::HeldRegion held;
    held.viewProj = glm::ortho(-500.0f, 500.0f, -500.0f, 500.0f, -2000.0f, 2000.0f) * view;
    held.extent = 0.9f;
    int heldCount = 0;
    int notHeld = 0;
    for (int i = 0; i < 400; ++i) {
        // Boxes of 1 to 300 m at places from the middle to well outside.
        const glm::vec3 at(std::fmod(i * 137.0f, 1400.0f) - 700.0f, std::fmod(i * 53.0f, 200.0f),
                           std::fmod(i * 291.0f, 1400.0f) - 700.0f);
        const glm::vec3 size(1.0f + std::fmod(i * 7.0f, 300.0f), 1.0f + std::fmod(i * 11.0f, 150.0f),
                             1.0f + std::fmod(i * 13.0f, 300.0f));
        ct::scene::Bounds box;
        box.extend(at);
        box.extend(at + size);
        bool inside = true;
        for (int c = 0; c < 8; ++c) {
            const glm::vec4 clip = held.viewProj * glm::vec4(box.corner(c), 1.0f);
            inside = inside && std::abs(clip.x) <= 0.9f && std::abs(clip.y) <= 0.9f;
        }
        INFO("box at " << at.x << ", " << at.y << ", " << at.z << " of " << size.x << " x " << size.y << " x "
                       << size.z);
        CHECK(held.holds(box) == inside);
        (inside ? heldCount : notHeld)++;
    }
    CHECK(heldCount > 40);
    CHECK(notHeld > 40);
    CHECK_FALSE(ct::render::HeldRegion{}.holds(ct::scene::Bounds{}));  // nothing held by default
}
