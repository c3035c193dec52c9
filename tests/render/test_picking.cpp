// GPU picking: the node-id target holds, per pixel, the node (and instance) drawn there.
#include "render_harness.h"

#include <catch2/catch.hpp>

using ct::test::RenderHarness;

namespace {
int nodeNamed(const ct::scene::Scene& scene, const std::string& name) {
    for (std::size_t i = 0; i < scene.nodes.size(); ++i)
        if (scene.nodes[i].name == name) return static_cast<int>(i);
    return -1;
}
}  // namespace

TEST_CASE("picking returns the node under the pixel", "[render][picking]") {
    RenderHarness harness;
    const auto frame = harness.render(ct::test::testData("hierarchy.gltf"), "main");
    const auto& scene = harness.lastScene();
    // Probe pixels from tests/data/probes.json.
    CHECK(frame.nodeAt(184, 139) == nodeNamed(scene, "arm"));
    CHECK(frame.nodeAt(186, 115) == nodeNamed(scene, "hand"));
    CHECK(frame.nodeAt(128, 139) == nodeNamed(scene, "base"));
    CHECK(frame.nodeAt(43, 139) == nodeNamed(scene, "mirror_cube"));
    CHECK(frame.nodeAt(99, 139) == -1);
    CHECK(frame.nodeAt(0, 0) == -1);
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("picking tells instances of one node apart", "[render][picking]") {
    RenderHarness harness;
    const auto frame = harness.render(ct::test::testData("instanced.gltf"), "main");
    const int node = frame.nodeAt(137, 134);
    REQUIRE(node >= 0);
    // Grid order in make_test_scenes.py: instance = row * 10 + column, row 0 at the back.
    CHECK(frame.instanceAt(137, 134) == 55);
    CHECK(frame.instanceAt(60, 80) == 0);
    CHECK(frame.instanceAt(226, 197) == 99);
    CHECK(frame.nodeAt(226, 197) == node);
    CHECK(harness.context().validationCounts().total() == 0);
}
