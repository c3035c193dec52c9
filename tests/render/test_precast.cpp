// Wall panels (scene::ProceduralSurface::PrecastPanels, shaders/precast.glsl): near, the joints
// between 3 m panels, the doors and the louvres show where they must; far, they shade to a mean
// instead of flickering.
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

// A wall 30 m long and 9 m high facing +z, its foot on y = 0, x from -15 to 15 m.
ct::scene::Scene wall() {
    ct::scene::Material material;
    material.name = "wall_panel";
    material.baseColorFactor = {0.7f, 0.71f, 0.73f, 1.0f};
    material.metallicFactor = 0.0f;
    material.roughnessFactor = 0.8f;
    material.procedural = ct::scene::ProceduralSurface::PrecastPanels;
    std::array<ct::scene::Vertex, 4> corners;
    const glm::vec2 face[] = {{-15.0f, 0.0f}, {15.0f, 0.0f}, {15.0f, 9.0f}, {-15.0f, 9.0f}};  // seen from +z
    for (int i = 0; i < 4; ++i) {
        corners[i].position = {face[i].x, face[i].y, 0.0f};
        corners[i].normal = {0.0f, 0.0f, 1.0f};
    }
    return ct::test::quadScene("wall", material, corners);
}

}  // namespace

TEST_CASE("wall panels: joints every 3 m near, a steady mean far", "[render][precast]") {
    ct::test::RenderHarness harness(256, 128);
    const ct::scene::Scene scene = wall();
    ct::render::Lighting lighting;
    lighting.shadows = false;
    ct::render::Camera camera;
    camera.target = {0.0f, 2.0f, 0.0f};

    // 20 m away, 20 m of wall across the image (x from -10 to 10): joints at -9, -6, .. 9 m,
    // a 3 cm joint a third of a 7.8 cm pixel.
    camera.eye = {0.0f, 2.0f, 20.0f};
    camera.yfov = 2.0f * std::atan(0.25f);
    const auto near = harness.render(scene, camera, lighting);
    // 12.8 pixels a metre about the centre (2 m up): the row 4 m up, between the doors (up to 3 m)
    // and the louvres (from 5.1 m), half a metre under the first course's joint.
    const auto rowAt = [&](float height_m) {
        return static_cast<std::uint32_t>(std::lround(64.0f - (height_m - 2.0f) * 12.8f));
    };
    const std::vector<float> row = ct::test::rowLuminance(near, rowAt(4.0f));
    // At a column: the darkest pixel there (a joint may fall across two) against the panels
    // either side (4 to 8 pixels away, 30 to 60 cm).
    const auto dip = [&](float column) {
        const int c = static_cast<int>(std::lround(column));
        const float darkest = std::min({row[c - 1], row[c], row[c + 1]});
        float sides = 0.0f;
        for (int d = 4; d <= 8; ++d)
            sides += row[c - d] + row[c + d];
        return darkest / (sides / 10.0f);
    };
    // x = -9, -6, .. 9 m project 12.8 pixels a metre from the centre; mid-panel 1.5 m beside.
    for (int i = 0; i < 7; ++i) {
        const float metres = -9.0f + 3.0f * static_cast<float>(i);
        const float middle = metres + (i < 6 ? 1.5f : -1.5f);
        INFO("joint at " << metres << " m: " << dip(128.0f + metres * 12.8f) << ", mid-panel at " << middle
                         << " m: " << dip(128.0f + middle * 12.8f));
        CHECK(dip(128.0f + metres * 12.8f) < 0.95f);
        CHECK(dip(128.0f + middle * 12.8f) > 0.97f);
    }
    // The wall runs along -x (its normal +z): a bay's door is centred 16.5 m along it, at x = 7.5,
    // its louvre 6 m along, at x = -6. Each against plain panel at the same height.
    const auto column = [](float x_m) { return static_cast<std::size_t>(std::lround(128.0f + x_m * 12.8f)); };
    const std::vector<float> doorRow = ct::test::rowLuminance(near, rowAt(1.5f));
    INFO("door " << doorRow[column(7.5f)] << " against panel " << doorRow[column(-1.5f)]);
    CHECK(doorRow[column(7.5f)] < 0.85f * doorRow[column(-1.5f)]);
    const std::vector<float> louvreRow = ct::test::rowLuminance(near, rowAt(6.0f));
    INFO("louvre " << louvreRow[column(-6.0f)] << " against panel " << louvreRow[column(1.5f)]);
    CHECK(louvreRow[column(-6.0f)] < 0.7f * louvreRow[column(1.5f)]);

    // 300 m away a pixel is 1.17 m: no joints flicker, the panels' shades have faded to their
    // mean. (Away from the door and the louvre, which are features a few pixels wide there.)
    camera.eye = {0.0f, 2.0f, 300.0f};
    const auto far = harness.render(scene, camera, lighting);
    const auto nearFeature = [](std::uint32_t pixel) {
        const float x_m = (static_cast<float>(pixel) + 0.5f - 128.0f) * 300.0f * 0.5f / 128.0f;
        return (x_m > 4.0f && x_m < 11.0f) || (x_m > -11.0f && x_m < -1.0f);
    };
    std::vector<float> steps;
    for (std::uint32_t y = 0; y < far.height; ++y)
        for (std::uint32_t x = 1; x < far.width; ++x)
            if (far.nodeAt(x, y) == 0 && far.nodeAt(x - 1, y) == 0 && !nearFeature(x) && !nearFeature(x - 1))
                steps.push_back(
                    std::abs(ct::test::luminance(far.pixel(x, y)) - ct::test::luminance(far.pixel(x - 1, y))));
    REQUIRE(steps.size() > 50);
    std::sort(steps.begin(), steps.end());
    CHECK(steps[steps.size() * 95 / 100] < 0.02f);
    CHECK(harness.context().validationCounts().total() == 0);
}
