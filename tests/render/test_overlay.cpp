// The ground overlay (heat map layer): values in a GPU buffer drawn through the colour map on
// the surfaces beneath the grid, and nowhere else.
#include "render_harness.h"
#include "vk/uploader.h"

#include <catch2/catch.hpp>

TEST_CASE("a ground overlay colours the ground by its values through the colour map", "[render][overlay]") {
    ct::test::RenderHarness harness(256, 256);
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("shadow_plane.gltf"));
    REQUIRE(loaded.ok());
    const int cameraIndex = ct::render::findSceneCamera(*loaded.scene, "main");
    REQUIRE(cameraIndex >= 0);
    const ct::render::Camera camera = ct::render::cameraFromScene(*loaded.scene, cameraIndex);

    // A 16 x 16 grid over x, z in -8..8 m whose value rises from west (0) to east (15).
    const int n = 16;
    std::vector<float> values(n * n);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            values[j * n + i] = static_cast<float>(i);
    ct::vk::Buffer buffer(harness.context(), {values.size() * sizeof(float),
                                              VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                              ct::vk::MemoryUsage::DeviceLocal, "overlay values"});
    ct::vk::Uploader uploader(harness.context());
    uploader.toBuffer(buffer, 0, values.data(), values.size() * sizeof(float));
    uploader.submit();

    ct::render::GroundOverlay overlay;
    overlay.enabled = true;
    overlay.values = buffer.get();
    overlay.bytes = buffer.size();
    overlay.nx = n;
    overlay.nz = n;
    overlay.originX = -8.0f;
    overlay.originZ = -8.0f;
    overlay.cellSize = 1.0f;
    overlay.valueOffset = 20.0f;  // displayed values 20 .. 35
    overlay.rangeMin = 20.0f;
    overlay.rangeMax = 35.0f;
    overlay.colormap = ct::render::Colormap::Turbo;
    overlay.opacity = 1.0f;
    harness.renderer().setGroundOverlay(overlay);
    ct::render::Lighting noShadow;
    noShadow.shadows = false;
    const auto frame = harness.render(*loaded.scene, camera, noShadow);

    // Two ground points in view, west (low values) and east (high), projected to pixels.
    const glm::mat4 viewProj = camera.projection(1.0f) * camera.view();
    auto pixelOf = [&](glm::vec3 world) {
        const glm::vec4 clip = viewProj * glm::vec4(world, 1.0f);
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;
        return glm::ivec2((ndc * 0.5f + 0.5f) * 256.0f);
    };
    auto inImage = [](glm::ivec2 p) { return p.x >= 0 && p.y >= 0 && p.x < 256 && p.y < 256; };
    const glm::ivec2 west = pixelOf({-4.5f, 0.0f, 3.0f});
    const glm::ivec2 east = pixelOf({4.5f, 0.0f, 3.0f});
    REQUIRE(inImage(west));
    REQUIRE(inImage(east));
    const glm::vec3 westColor = ct::test::normalizedColor(frame.pixel(west.x, west.y));
    const glm::vec3 eastColor = ct::test::normalizedColor(frame.pixel(east.x, east.y));
    INFO("west " << westColor.r << "," << westColor.g << "," << westColor.b << " east " << eastColor.r << ","
                 << eastColor.g << "," << eastColor.b);
    // Turbo runs from blue (low) to red (high).
    CHECK(westColor.b > westColor.r);
    CHECK(eastColor.r > eastColor.b);
    // The expected colours of those values, to within shading.
    const glm::vec3 expectedWest = ct::render::colormapColor(ct::render::Colormap::Turbo, 3.0f / 15.0f);
    const glm::vec3 expectedEast = ct::render::colormapColor(ct::render::Colormap::Turbo, 12.0f / 15.0f);
    CHECK(expectedWest.b > expectedWest.r);
    CHECK(expectedEast.r > expectedEast.b);

    // Ground outside the grid keeps its own colour (grey).
    const glm::ivec2 outside = pixelOf({9.0f, 0.0f, 5.0f});
    if (inImage(outside)) {
        const glm::vec3 grey = ct::test::normalizedColor(frame.pixel(outside.x, outside.y));
        CHECK(grey.r == Approx(grey.b).margin(0.2));
    }
    harness.renderer().setGroundOverlay({});
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("colour maps run from dark to bright and cover their range", "[render][overlay]") {
    for (auto map : {ct::render::Colormap::Viridis, ct::render::Colormap::Inferno}) {
        const glm::vec3 low = ct::render::colormapColor(map, 0.0f);
        const glm::vec3 high = ct::render::colormapColor(map, 1.0f);
        CHECK(low.r + low.g + low.b < 1.0f);
        CHECK(high.r + high.g + high.b > 1.5f);
    }
    CHECK(ct::render::parseColormap("turbo") == ct::render::Colormap::Turbo);
    CHECK_FALSE(ct::render::parseColormap("rainbow"));
    CHECK(ct::render::colormapTable().size() == 3 * 256);
}
