// Golden images of the small scenes under tests/data, rendered on lavapipe at 256x256 from
// each scene's camera `main` (no MSAA: lavapipe's multisampling is not repeatable).
#include "golden_image.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

namespace {
void checkGolden(const std::string& file, const std::string& name) {
    ct::test::RenderHarness harness;
    const auto frame = harness.render(ct::test::testData(file), "main");
    const ct::test::GoldenResult result = ct::test::compareWithGolden(name, {frame.width, frame.height, frame.rgba});
    INFO(result.message);
    CHECK(result.matched);
    CHECK(harness.context().validationCounts().total() == 0);
}
}  // namespace

TEST_CASE("golden: lit cube", "[render][golden]") {
    checkGolden("lit_cube.gltf", "lit_cube");
}
TEST_CASE("golden: textured quad", "[render][golden]") {
    checkGolden("textured_quad.gltf", "textured_quad");
}
TEST_CASE("golden: transform hierarchy", "[render][golden]") {
    checkGolden("hierarchy.gltf", "hierarchy");
}
TEST_CASE("golden: alpha blending order", "[render][golden]") {
    checkGolden("alpha_blend.gltf", "alpha_blend");
}
TEST_CASE("golden: instanced mesh", "[render][golden]") {
    checkGolden("instanced.gltf", "instanced");
}
TEST_CASE("golden: shadow on a plane", "[render][golden]") {
    checkGolden("shadow_plane.gltf", "shadow_plane");
}
TEST_CASE("golden: sparse accessor", "[render][golden]") {
    checkGolden("sparse.gltf", "sparse");
}
TEST_CASE("golden: uint8 indices", "[render][golden]") {
    checkGolden("uint8_indices.gltf", "uint8_indices");
}
TEST_CASE("golden: interleaved attributes", "[render][golden]") {
    checkGolden("interleaved.gltf", "interleaved");
}
TEST_CASE("golden: emissive strength", "[render][golden]") {
    checkGolden("emissive.gltf", "emissive");
}

TEST_CASE("a changed render fails its golden and leaves actual and diff images", "[render][golden-check]") {
    if (const char* update = std::getenv("CT_UPDATE_GOLDENS"); update && std::string(update) == "1") {
        WARN("skipped while goldens are being updated: it would overwrite a golden with a wrong image");
        return;
    }
    ct::test::RenderHarness harness;
    ct::render::Lighting otherSun;
    otherSun.sunDirection = ct::render::sunDirectionFromAngles(20.0f, 300.0f);
    const auto frame = harness.render(ct::test::testData("lit_cube.gltf"), "main", otherSun);
    const std::filesystem::path diff = std::filesystem::path(CT_TEST_OUTPUT_DIR) / "lit_cube.diff.png";
    std::filesystem::remove(diff);
    const ct::test::GoldenResult result =
        ct::test::compareWithGolden("lit_cube", {frame.width, frame.height, frame.rgba});
    CHECK_FALSE(result.matched);
    CHECK(result.differingFraction > 0.01);
    CHECK(std::filesystem::exists(diff));
    CHECK(result.message.find("lit_cube.actual.png") != std::string::npos);
}
