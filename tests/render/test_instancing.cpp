// Instancing: draw calls depend on mesh primitives and materials, never on instance counts.
#include "render_harness.h"

#include <catch2/catch.hpp>

TEST_CASE("1 and 100,000 instances of a mesh take the same draw calls", "[render][instancing]") {
    ct::test::RenderHarness harness(128, 128);
    const auto hundred = harness.render(ct::test::testData("instanced.gltf"), "");
    const auto oneHundredThousand = harness.render(ct::test::testData("instanced_100k.gltf"), "");
    CHECK(hundred.stats.instances == 100);
    CHECK(oneHundredThousand.stats.instances == 100000);
    CHECK(hundred.stats.drawCalls == 1);
    CHECK(oneHundredThousand.stats.drawCalls == hundred.stats.drawCalls);
    CHECK(oneHundredThousand.stats.shadowDrawCalls == hundred.stats.shadowDrawCalls);
    // Framed whole, every instance is submitted to both passes: the device's work does follow
    // the instances, and the stats say so.
    CHECK(oneHundredThousand.stats.mainTriangles == oneHundredThousand.stats.triangles);
    CHECK(oneHundredThousand.stats.shadowTriangles == oneHundredThousand.stats.triangles);
    CHECK(oneHundredThousand.stats.mainTriangles == 1000 * hundred.stats.mainTriangles);

    // A single instance: the same scene with the grid cut to one instance.
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("instanced.gltf"));
    REQUIRE(loaded.ok());
    for (auto& node : loaded.scene->nodes)
        if (node.instances.size() > 1) node.instances.erase(node.instances.begin() + 1, node.instances.end());
    const auto one = harness.render(*loaded.scene, ct::render::frameBounds(loaded.scene->bounds, 1.0f));
    CHECK(one.stats.instances == 1);
    CHECK(one.stats.drawCalls == oneHundredThousand.stats.drawCalls);

    // And the 100k instances really were drawn: the framed grid covers a good part of the image.
    std::size_t covered = 0;
    for (const auto& id : oneHundredThousand.ids)
        covered += id.x != 0;
    CHECK(covered > oneHundredThousand.ids.size() / 10);
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("mirrored instances are drawn with flipped winding, not culled away", "[render][instancing]") {
    ct::test::RenderHarness harness(128, 128);
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("lit_cube.gltf"));
    REQUIRE(loaded.ok());
    ct::scene::Scene& scene = *loaded.scene;
    const int cameraIndex = ct::render::findSceneCamera(scene, "main");
    REQUIRE(cameraIndex >= 0);
    const ct::render::Camera camera = ct::render::cameraFromScene(scene, cameraIndex);
    const auto normal = harness.render(scene, camera);
    for (auto& node : scene.nodes)
        if (node.mesh >= 0)
            node.world = node.world * glm::mat4(glm::vec4(-1, 0, 0, 0), glm::vec4(0, 1, 0, 0), glm::vec4(0, 0, 1, 0),
                                                glm::vec4(0, 0, 0, 1));
    const auto mirrored = harness.render(scene, camera);
    // A cube mirrored in X through its centre covers the same pixels.
    std::size_t coveredNormal = 0;
    std::size_t coveredMirrored = 0;
    for (std::size_t i = 0; i < normal.ids.size(); ++i) {
        coveredNormal += normal.ids[i].x != 0;
        coveredMirrored += mirrored.ids[i].x != 0;
    }
    CHECK(coveredNormal > 1000);
    CHECK(coveredMirrored == coveredNormal);
    CHECK(ct::test::normalizedColor(mirrored.pixel(64, 64)).r > 0.9f);
    CHECK(harness.context().validationCounts().total() == 0);
}
