// Tiled capture: an image rendered as a grid of off-centre tiles and stitched must match the
// image rendered whole (render/tiled_capture.h, Camera::tile).
#include "render_harness.h"

#include "render/tiled_capture.h"
#include "support/pixel_difference.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using ct::test::RenderHarness;

namespace {

ct::render::CapturedFrame renderTiledCube(std::uint32_t width, std::uint32_t height, std::uint32_t tile) {
    const ct::render::TileGrid grid = ct::render::planTiles(width, height, tile);
    RenderHarness harness(grid.tileWidth, grid.tileHeight);
    harness.render(ct::test::testData("lit_cube.gltf"), "main");  // loads the scene
    const ct::scene::Scene& scene = harness.lastScene();
    const ct::render::Camera camera = ct::render::cameraFromScene(scene, ct::render::findSceneCamera(scene, "main"));
    ct::render::OffscreenCapture capture(harness.context(), harness.renderer());
    ct::render::CapturedFrame frame = ct::render::renderTiled(capture, grid, camera, {});
    CHECK(harness.context().validationCounts().total() == 0);
    return frame;
}

}  // namespace

TEST_CASE("tile grids cover the image with equal tiles", "[render][tiled]") {
    const auto one = ct::render::planTiles(256, 256, 16384);
    CHECK(one.count() == 1);
    CHECK(one.tileWidth == 256);
    const auto sixteen = ct::render::planTiles(256, 256, 64);
    CHECK(sixteen.columns == 4);
    CHECK(sixteen.rows == 4);
    CHECK(sixteen.clipRect(0, 0) == glm::vec4(-1.0f, -1.0f, -0.5f, -0.5f));
    CHECK(sixteen.clipRect(3, 3) == glm::vec4(0.5f, 0.5f, 1.0f, 1.0f));
    const auto eightK = ct::render::planTiles(7680, 4320, 4096);
    CHECK(eightK.columns == 2);
    CHECK(eightK.rows == 2);
    CHECK(eightK.tileWidth == 3840);
    CHECK(eightK.tileHeight == 2160);
    const auto uneven = ct::render::planTiles(250, 130, 64);
    CHECK(uneven.columns * uneven.tileWidth >= 250);
    CHECK(uneven.rows * uneven.tileHeight >= 130);
    CHECK(uneven.tileWidth <= 64);
}

TEST_CASE("the default tile leaves the projection unchanged", "[render][tiled]") {
    ct::render::Camera camera;
    const glm::mat4 before = camera.projection(1.5f);
    camera.tile = glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f);
    CHECK(camera.projection(1.5f) == before);
}

TEST_CASE("a stitched tiled render matches the whole render", "[render][tiled]") {
    RenderHarness whole(256, 256);
    const auto reference = whole.render(ct::test::testData("lit_cube.gltf"), "main");
    REQUIRE(whole.context().validationCounts().total() == 0);

    const auto tiled = renderTiledCube(256, 256, 64);  // 16 tiles of 64x64
    REQUIRE(tiled.width == 256);
    REQUIRE(tiled.height == 256);
    const ct::test::ImageDifference d = ct::test::compareImages(reference.rgba, tiled.rgba, 12);
    INFO("pixels differing by more than 12: " << d.pixels << ", largest difference " << d.largest);
    CHECK(d.pixels < 256 * 256 / 200);  // < 0.5 %
    // Node ids stitch too, so picking works on tiled images.
    CHECK(tiled.nodeAt(128, 128) == reference.nodeAt(128, 128));
    CHECK(tiled.nodeAt(0, 0) == reference.nodeAt(0, 0));
}

TEST_CASE("uneven tiles are cropped to the image", "[render][tiled]") {
    RenderHarness whole(250, 130);
    const auto reference = whole.render(ct::test::testData("lit_cube.gltf"), "main");
    const auto tiled = renderTiledCube(250, 130, 64);
    REQUIRE(tiled.width == 250);
    REQUIRE(tiled.height == 130);
    const ct::test::ImageDifference d = ct::test::compareImages(reference.rgba, tiled.rgba, 12);
    INFO("pixels differing by more than 12: " << d.pixels << ", largest difference " << d.largest);
    CHECK(d.pixels < 250 * 130 / 200);
}
