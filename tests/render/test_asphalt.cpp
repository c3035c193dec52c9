// Asphalt (scene::ProceduralSurface::Asphalt, shaders/asphalt.glsl): near, the white edge lines
// and the lanes' worn bands show where the road's own coordinates put them; far, the lines shade
// to their share of a pixel, so moving the camera by a fraction of a pixel does not make them
// flicker.
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

constexpr float kHalfWidth = 4.0f;  // a two-lane site road, 8 m

// The road stood up to face +z (so that the test camera sees it square): across it along x, its
// length along y, the vertices' texture coordinates the road's own (m across, m along).
ct::scene::Scene road() {
    ct::scene::Material material;
    material.name = "asphalt";
    material.baseColorFactor = {0.085f, 0.085f, 0.09f, 1.0f};
    material.metallicFactor = 0.0f;
    material.roughnessFactor = 0.9f;
    material.procedural = ct::scene::ProceduralSurface::Asphalt;
    material.proceduralParams = {kHalfWidth, 2.0f, 0.0f, 0.0f};
    std::array<ct::scene::Vertex, 4> corners;
    const glm::vec2 face[] = {{-kHalfWidth, -40.0f}, {kHalfWidth, -40.0f}, {kHalfWidth, 40.0f}, {-kHalfWidth, 40.0f}};
    for (int i = 0; i < 4; ++i) {
        corners[i].position = {face[i].x, face[i].y, 0.0f};
        corners[i].normal = {0.0f, 0.0f, 1.0f};
        corners[i].uv0 = face[i];
    }
    return ct::test::quadScene("road", material, corners);
}

}  // namespace

TEST_CASE("asphalt: edge lines and worn lanes near, lines that hold still far", "[render][asphalt]") {
    ct::test::RenderHarness harness(256, 128);
    const ct::scene::Scene scene = road();
    ct::render::Lighting lighting;
    lighting.shadows = false;
    lighting.sunDirection = glm::normalize(glm::vec3(0.3f, 0.4f, 1.0f));
    ct::render::Camera camera;
    camera.yfov = 2.0f * std::atan(0.25f);

    // 10 m away: 10 m of road across the image, 25.6 pixels a metre, x = 0 at column 128.
    camera.eye = {0.0f, 0.0f, 10.0f};
    camera.target = {0.0f, 0.0f, 0.0f};
    const auto near = harness.render(scene, camera, lighting);
    const std::vector<float> row = ct::test::rowLuminance(near, near.height / 2);
    const auto at = [&](float metres) { return row[static_cast<std::size_t>(std::lround(128.0f + metres * 25.6f))]; };
    // The edge lines, 0.12 m wide 0.25 m in from each edge (centred 3.69 m out), against the
    // asphalt half a metre inside them.
    const float edge = 3.69f;
    INFO("left line " << at(-edge) << " beside " << at(-edge + 0.5f) << "; right line " << at(edge) << " beside "
                      << at(edge - 0.5f));
    CHECK(at(-edge) > 2.0f * at(-edge + 0.5f));
    CHECK(at(edge) > 2.0f * at(edge - 0.5f));
    // In each lane (middles at -2 and 2 m) the drip line between the wheel paths (0.9 m either
    // side) is darker than they are.
    for (const float middle : {-2.0f, 2.0f}) {
        const float paths = 0.5f * (at(middle - 0.9f) + at(middle + 0.9f));
        INFO("lane at " << middle << " m: drip line " << at(middle) << ", wheel paths " << paths);
        CHECK(at(middle) < 0.92f * paths);
    }
    const float contrast = at(edge) - at(edge - 0.5f);

    // 150 m away a pixel is 0.59 m: a line is a fifth of one. Moved by a quarter, a half and
    // three quarters of a pixel, no pixel of the road changes by more than the line's share
    // could move (a line drawn point-sampled would jump by its whole contrast).
    const float pixel_m = 150.0f / 256.0f;
    camera.eye = {0.0f, 0.0f, 150.0f};
    camera.target = {0.0f, 0.0f, 0.0f};
    const auto still = harness.render(scene, camera, lighting);
    float largest = 0.0f;
    for (const float shift : {0.25f, 0.5f, 0.75f}) {
        ct::render::Camera moved = camera;
        moved.eye.x += shift * pixel_m;
        moved.target.x += shift * pixel_m;
        const auto frame = harness.render(scene, moved, lighting);
        for (std::uint32_t y = still.height / 2 - 4; y < still.height / 2 + 4; ++y)
            for (std::uint32_t x = 0; x < still.width; ++x)
                if (still.nodeAt(x, y) == 0 && frame.nodeAt(x, y) == 0 && x > 0 && still.nodeAt(x - 1, y) == 0 &&
                    x + 1 < still.width && still.nodeAt(x + 1, y) == 0)
                    largest = std::max(largest, std::abs(ct::test::luminance(frame.pixel(x, y)) -
                                                         ct::test::luminance(still.pixel(x, y))));
    }
    INFO("largest change of a road pixel " << largest << " against the line's contrast " << contrast);
    CHECK(largest < 0.45f * contrast);  // 0.33 measured; point-sampled lines: 1.0
    CHECK(harness.context().validationCounts().total() == 0);
}
