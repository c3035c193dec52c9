// Node animations (engine/render/node_animation.h): hiding, lifting with a clip height, and the
// scaffold lattice, on the shadow-plane scene (a 2 m cube floating over y 1..3 above a plane).
#include "render_harness.h"

#include "render/image_file.h"

#include <catch2/catch.hpp>

#include <filesystem>

using ct::test::RenderHarness;
namespace render = ct::render;

namespace {

struct Coverage {
    int pixels = 0;
    int topRow = -1;     // the highest image row the node covers
    int bottomRow = -1;  // the lowest
};

Coverage coverageOf(const render::CapturedFrame& frame, int node) {
    Coverage c;
    for (std::uint32_t y = 0; y < frame.height; ++y)
        for (std::uint32_t x = 0; x < frame.width; ++x)
            if (frame.nodeAt(x, y) == node) {
                ++c.pixels;
                if (c.topRow < 0) c.topRow = static_cast<int>(y);
                c.bottomRow = static_cast<int>(y);
            }
    return c;
}

int nodeNamed(const ct::scene::Scene& scene, const std::string& name) {
    for (std::size_t i = 0; i < scene.nodes.size(); ++i)
        if (scene.nodes[i].name == name) return static_cast<int>(i);
    return -1;
}

void keep(const render::CapturedFrame& frame, const std::string& name) {
    const auto dir = std::filesystem::path("test-output") / "node_animation";
    std::filesystem::create_directories(dir);
    render::writePng(dir / (name + ".png"), {frame.width, frame.height, frame.rgba});
}

}  // namespace

TEST_CASE("node animations hide, lift and scaffold one node and leave the others", "[render][animation]") {
    RenderHarness harness;
    const render::CapturedFrame still = harness.render(ct::test::testData("shadow_plane.gltf"), "main");
    const ct::scene::Scene& scene = harness.lastScene();
    const int caster = nodeNamed(scene, "caster");
    const int ground = nodeNamed(scene, "ground");
    REQUIRE(caster >= 0);
    const render::Camera camera = render::cameraFromScene(scene, render::findSceneCamera(scene, "main"));
    const Coverage whole = coverageOf(still, caster);
    REQUIRE(whole.pixels > 500);
    keep(still, "still");

    std::vector<render::NodeAnimation> animations(scene.nodes.size());

    SECTION("hidden: nothing of it is drawn, the ground shows where it stood") {
        animations[static_cast<std::size_t>(caster)].hidden = true;
        harness.renderer().setNodeAnimations(animations);
        const render::CapturedFrame frame = harness.renderAgain(camera);
        CHECK(coverageOf(frame, caster).pixels == 0);
        CHECK(coverageOf(frame, ground).pixels > coverageOf(still, ground).pixels);
    }
    SECTION("lifted halfway into a clip at its bottom: half as tall, standing on the same base") {
        animations[static_cast<std::size_t>(caster)].lift_m = -1.0f;
        animations[static_cast<std::size_t>(caster)].clipBelowY = 1.0f;  // the cube's bottom
        harness.renderer().setNodeAnimations(animations);
        const render::CapturedFrame frame = harness.renderAgain(camera);
        keep(frame, "half_risen");
        const Coverage half = coverageOf(frame, caster);
        CHECK(half.pixels > whole.pixels / 4);
        CHECK(half.pixels < whole.pixels * 3 / 4);
        CHECK(half.topRow > whole.topRow + 5);                   // the top came down
        CHECK(std::abs(half.bottomRow - whole.bottomRow) <= 2);  // the base stayed
    }
    SECTION("scaffold above its bottom: a lattice of tubes in scaffold orange, see-through between") {
        animations[static_cast<std::size_t>(caster)].scaffoldAboveY = 1.0f;
        harness.renderer().setNodeAnimations(animations);
        const render::CapturedFrame frame = harness.renderAgain(camera);
        keep(frame, "scaffold");
        const Coverage lattice = coverageOf(frame, caster);
        CHECK(lattice.pixels > whole.pixels / 20);
        CHECK(lattice.pixels < whole.pixels / 2);
        int orange = 0;
        for (std::uint32_t y = 0; y < frame.height; ++y)
            for (std::uint32_t x = 0; x < frame.width; ++x)
                if (frame.nodeAt(x, y) == caster) {
                    const glm::vec3 c = ct::test::normalizedColor(frame.pixel(x, y));
                    if (c.r > 0.99f && c.g < 0.8f && c.b < 0.4f) ++orange;
                }
        CHECK(orange > lattice.pixels * 9 / 10);
    }
    SECTION("highlighted: the same pixels, tinted toward the selection cyan") {
        animations[static_cast<std::size_t>(caster)].highlight = 1.0f;
        harness.renderer().setNodeAnimations(animations);
        const render::CapturedFrame frame = harness.renderAgain(camera);
        keep(frame, "highlight");
        CHECK(coverageOf(frame, caster).pixels == whole.pixels);
        int bluer = 0;
        for (std::uint32_t y = 0; y < frame.height; ++y)
            for (std::uint32_t x = 0; x < frame.width; ++x)
                if (frame.nodeAt(x, y) == caster) {
                    const glm::u8vec4 before = still.pixel(x, y);
                    const glm::u8vec4 after = frame.pixel(x, y);
                    if (after.b >= before.b && after.r + 20 < before.r) ++bluer;
                }
        CHECK(bluer > whole.pixels * 9 / 10);
        // Nothing else changed.
        CHECK(frame.pixel(5, frame.height - 5) == still.pixel(5, frame.height - 5));
    }
    SECTION("setScene clears the animations") {
        animations[static_cast<std::size_t>(caster)].hidden = true;
        harness.renderer().setNodeAnimations(animations);
        harness.renderer().setScene(scene);
        CHECK(coverageOf(harness.renderAgain(camera), caster).pixels == whole.pixels);
    }
    CHECK(harness.context().validationCounts().total() == 0);
}
