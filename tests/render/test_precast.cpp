// Wall panels (scene::ProceduralSurface::PrecastPanels, shaders/precast.glsl): near, the joints
// between 3 m panels show where they must; far, they shade to a mean instead of flickering.
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
    const std::vector<float> row = ct::test::rowLuminance(near, near.height / 2);  // 2 m up: between joints
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

    // 300 m away a pixel is 1.2 m: no joints flicker, the panels' shades have faded to their mean.
    camera.eye = {0.0f, 2.0f, 300.0f};
    const auto far = harness.render(scene, camera, lighting);
    std::vector<float> steps;
    for (std::uint32_t y = 0; y < far.height; ++y)
        for (std::uint32_t x = 1; x < far.width; ++x)
            if (far.nodeAt(x, y) == 0 && far.nodeAt(x - 1, y) == 0)
                steps.push_back(
                    std::abs(ct::test::luminance(far.pixel(x, y)) - ct::test::luminance(far.pixel(x - 1, y))));
    REQUIRE(steps.size() > 100);
    std::sort(steps.begin(), steps.end());
    CHECK(steps[steps.size() * 95 / 100] < 0.02f);
    CHECK(harness.context().validationCounts().total() == 0);
}
