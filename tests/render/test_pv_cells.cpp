// A solar module's face (scene::ProceduralSurface::PvCells, shaders/pv_cells.glsl): close, the
// back sheet shows between the cells where the layout puts the gaps; far, the face shades to the
// mean its CPU twin gives (render/pv_cells.h), which the rows' far stand-in takes as its colour.
#include "render/pv_cells.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

using ct::render::kPvCellLayout;

// A face of modules `modules` long (2.2 m wide, 1.1 m a module, as a merged row repeats them
// along v) lying in the z = 0 plane facing +z, centred on the origin, u along x from its left
// edge, v along y from its foot; `cells` false: a plain face of the cells' mean albedo.
ct::scene::Scene moduleFace(bool cells, float modules = 1.0f) {
    const glm::vec3 cellColor(0.02f, 0.04f, 0.1f);
    ct::scene::Material material;
    material.name = cells ? "solar_cell" : "mean";
    material.metallicFactor = 0.0f;
    material.roughnessFactor = 1.0f;
    if (cells) {
        material.baseColorFactor = glm::vec4(cellColor, 1.0f);
        material.procedural = ct::scene::ProceduralSurface::PvCells;
    } else {
        material.baseColorFactor = glm::vec4(ct::render::pvModuleMeanAlbedo(cellColor), 1.0f);
    }
    std::array<ct::scene::Vertex, 4> corners;
    const float length = 1.1f * modules;
    const glm::vec2 face[] = {{0.0f, 0.0f}, {2.2f, 0.0f}, {2.2f, length}, {0.0f, length}};  // seen from +z
    for (int i = 0; i < 4; ++i) {
        corners[i].position = {face[i].x - 1.1f, face[i].y - 0.5f * length, 0.0f};
        corners[i].normal = {0.0f, 0.0f, 1.0f};
        corners[i].uv0 = face[i];
    }
    return ct::test::quadScene("module", material, corners);
}

ct::render::Lighting flat() {
    ct::render::Lighting lighting;
    lighting.shadows = false;
    lighting.sunDirection = glm::normalize(glm::vec3(0.2f, 0.3f, 1.0f));
    return lighting;
}

}  // namespace

TEST_CASE("PV cells: the back sheet between the cells near, the face's mean far", "[render][pv-cells]") {
    ct::test::RenderHarness harness(256, 128);
    ct::render::Camera camera;
    camera.target = {0.0f, 0.0f, 0.0f};

    // 1.2 m of the face across 256 pixels about its middle: 4.7 mm a pixel. The middle gap (10 mm)
    // runs down x = 0; cells 91.7 mm wide either side of it, their gaps 2.5 mm.
    camera.eye = {0.0f, 0.0f, 1.5f};
    camera.yfov = 2.0f * std::atan(0.3f / 1.5f);
    const auto near = harness.render(moduleFace(true), camera, flat());
    const std::vector<float> row = ct::test::rowLuminance(near, 64 + 19);  // 9 cm down: mid-cell in v
    const float pixel_m = 0.6f / 128.0f;
    const auto at = [&](float x_m) { return row[static_cast<std::size_t>(std::lround(128.0f + x_m / pixel_m))]; };
    const float cellPitch = kPvCellLayout.module_m.x / static_cast<float>(kPvCellLayout.cells.x);
    const float middleGap = std::max({at(-pixel_m), at(0.0f), at(pixel_m)});
    for (int k = 0; k < 4; ++k) {
        const float cellCentre = (static_cast<float>(k) + 0.5f) * cellPitch;
        INFO("middle gap " << middleGap << ", cell " << k << " from it " << at(cellCentre));
        CHECK(middleGap > 3.0f * at(cellCentre));
        CHECK(middleGap > 3.0f * at(-cellCentre));
    }
    // Each cell boundary along the row (a 2.5 mm gap, half a pixel) brightens its pixel above the
    // cells either side.
    for (int k = 1; k < 4; ++k) {
        const float boundary = static_cast<float>(k) * cellPitch;
        const float gap = std::max({at(boundary - pixel_m), at(boundary), at(boundary + pixel_m)});
        INFO("boundary " << k << ": " << gap << " against the cell " << at(boundary - 0.5f * cellPitch));
        CHECK(gap > 1.3f * at(boundary - 0.5f * cellPitch));
    }

    // A row of 100 modules 600 m away, 1.1 m a pixel: each pixel spans half a module's width
    // and a whole module's length, its cells hundredths of a pixel, and the face is its mean, as
    // a plain face of pvModuleMeanAlbedo shows it (summed over the pixels that see it).
    camera.eye = {0.0f, 0.0f, 600.0f};
    camera.yfov = 2.0f * std::atan(64.0f * 1.1f / 600.0f);
    const auto far = harness.render(moduleFace(true, 100.0f), camera, flat());
    const auto mean = harness.render(moduleFace(false, 100.0f), camera, flat());
    double cells = 0.0;
    double plain = 0.0;
    int pixels = 0;
    for (std::uint32_t y = 0; y < far.height; ++y)
        for (std::uint32_t x = 0; x < far.width; ++x) {
            if (far.nodeAt(x, y) < 0) continue;
            cells += ct::test::luminance(far.pixel(x, y));
            plain += ct::test::luminance(mean.pixel(x, y));
            ++pixels;
        }
    REQUIRE(pixels > 150);
    INFO("far face " << cells << " against its mean " << plain);
    CHECK(cells == Approx(plain).epsilon(0.03));
    CHECK(harness.context().validationCounts().total() == 0);
}
