// Node animations (engine/render/node_animation.h): hiding, lifting with a clip height, and the
// scaffold lattice, on the shadow-plane scene (a 2 m cube floating over y 1..3 above a plane).
#include "render_harness.h"

#include "render/image_file.h"

#include <glm/gtc/matrix_transform.hpp>

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
    SECTION("moved: turned about a pivot beside it, the cube stands where the motion puts it, shadow and all") {
        // A quarter turn about the vertical through (3, 0, 0): the cube at the origin goes to (3, 2, 3),
        // nearer the camera (at z 12) and to the right of where it stood.
        const glm::vec3 pivot(3.0f, 0.0f, 0.0f);
        animations[static_cast<std::size_t>(caster)].motion =
            glm::translate(glm::mat4(1.0f), pivot) *
            glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(0, 1, 0)) *
            glm::translate(glm::mat4(1.0f), -pivot);
        harness.renderer().setNodeAnimations(animations);
        const render::CapturedFrame frame = harness.renderAgain(camera);
        keep(frame, "moved");
        const auto projected = [&](glm::vec3 p) {
            const glm::vec4 clip = camera.projection(1.0f) * camera.view() * glm::vec4(p, 1.0f);
            return glm::ivec2((glm::vec2(clip) / clip.w * 0.5f + 0.5f) * 256.0f);
        };
        const glm::ivec2 there = projected({3.0f, 2.0f, 3.0f});
        const glm::ivec2 before = projected({0.0f, 2.0f, 0.0f});
        CHECK(frame.nodeAt(static_cast<std::uint32_t>(there.x), static_cast<std::uint32_t>(there.y)) == caster);
        CHECK(frame.nodeAt(static_cast<std::uint32_t>(before.x), static_cast<std::uint32_t>(before.y)) != caster);
        CHECK(coverageOf(frame, caster).pixels > whole.pixels);  // nearer the camera: larger
        // Its shadow went with it: most of the ground that lay in its shadow (and that neither
        // cube covers) is lit now.
        float lit = 0.0f;
        for (std::uint32_t y = 0; y < 256; ++y)
            for (std::uint32_t x = 0; x < 256; ++x)
                if (still.nodeAt(x, y) == ground) lit = std::max(lit, ct::test::luminance(still.pixel(x, y)));
        int shaded = 0;
        int litNow = 0;
        for (std::uint32_t y = 0; y < 256; ++y)
            for (std::uint32_t x = 0; x < 256; ++x)
                if (still.nodeAt(x, y) == ground && frame.nodeAt(x, y) == ground &&
                    ct::test::luminance(still.pixel(x, y)) < 0.6f * lit) {
                    ++shaded;
                    if (ct::test::luminance(frame.pixel(x, y)) > 0.8f * lit) ++litNow;
                }
        INFO("ground in the cube's old shadow: " << shaded << " pixels, lit now " << litNow);
        CHECK(shaded > 100);
        CHECK(litNow > shaded / 2);
    }
    SECTION("moved into the view from outside it: culled where it is drawn, not where it was") {
        // 40 m to the side, out of the view; its motion brings it back to the origin.
        animations[static_cast<std::size_t>(caster)].motion = glm::mat4(1.0f);
        ct::scene::Scene aside = scene;
        aside.nodes[static_cast<std::size_t>(caster)].local =
            glm::translate(glm::mat4(1.0f), glm::vec3(-40.0f, 0.0f, 0.0f)) *
            aside.nodes[static_cast<std::size_t>(caster)].local;
        aside.nodes[static_cast<std::size_t>(caster)].world =
            glm::translate(glm::mat4(1.0f), glm::vec3(-40.0f, 0.0f, 0.0f)) *
            aside.nodes[static_cast<std::size_t>(caster)].world;
        harness.renderer().setScene(aside);
        CHECK(coverageOf(harness.renderAgain(camera), caster).pixels == 0);
        animations[static_cast<std::size_t>(caster)].motion =
            glm::translate(glm::mat4(1.0f), glm::vec3(40.0f, 0.0f, 0.0f));
        harness.renderer().setNodeAnimations(animations);
        CHECK(coverageOf(harness.renderAgain(camera), caster).pixels == whole.pixels);
    }
    SECTION("setScene clears the animations") {
        animations[static_cast<std::size_t>(caster)].hidden = true;
        harness.renderer().setNodeAnimations(animations);
        harness.renderer().setScene(scene);
        CHECK(coverageOf(harness.renderAgain(camera), caster).pixels == whole.pixels);
    }
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("a node's spin turns each of its instances about its own axis", "[render][animation]") {
    // Two bars 4 m by 0.6 m lying east-west, instances of one node 10 m apart, seen from above.
    ct::scene::Material grey;
    grey.baseColorFactor = glm::vec4(0.6f, 0.6f, 0.6f, 1.0f);
    grey.doubleSided = true;
    std::array<ct::scene::Vertex, 4> corners{};
    const glm::vec2 outline[4] = {{-2.0f, 0.3f}, {2.0f, 0.3f}, {2.0f, -0.3f}, {-2.0f, -0.3f}};
    for (int i = 0; i < 4; ++i) {
        corners[static_cast<std::size_t>(i)].position = glm::vec3(outline[i].x, 0.0f, outline[i].y);
        corners[static_cast<std::size_t>(i)].normal = glm::vec3(0.0f, 1.0f, 0.0f);
    }
    ct::scene::Scene scene = ct::test::quadScene("bars", grey, corners);
    for (const float x : {-5.0f, 5.0f})
        scene.nodes[0].instances.push_back(glm::translate(glm::mat4(1.0f), glm::vec3(x, 0.0f, 0.0f)));
    scene.bounds.extend(glm::vec3(-7.0f, 0.0f, -2.0f));
    scene.bounds.extend(glm::vec3(7.0f, 0.0f, 2.0f));
    render::Camera camera;
    camera.eye = {0.0f, 30.0f, 0.0f};
    camera.up = {0.0f, 0.0f, -1.0f};  // north up in the image

    RenderHarness harness;
    harness.render(scene, camera);
    std::vector<render::NodeAnimation> animations(1);
    // The extent of the bars' pixels: columns and rows.
    const auto extent = [&](float spin_rad) {
        animations[0].spin_rad = spin_rad;
        harness.renderer().setNodeAnimations(animations);
        const render::CapturedFrame frame = harness.renderAgain(camera);
        glm::ivec2 low(1 << 30), high(-1);
        int middle = 0;  // pixels in the column between the bars
        for (std::uint32_t y = 0; y < frame.height; ++y)
            for (std::uint32_t x = 0; x < frame.width; ++x)
                if (frame.nodeAt(x, y) == 0) {
                    low = glm::min(low, glm::ivec2(x, y));
                    high = glm::max(high, glm::ivec2(x, y));
                    middle += x == frame.width / 2;
                }
        return std::pair{high - low + 1, middle};
    };
    // 256 px span 2 * 30 * tan(0.4) = 25.4 m: about 10 px a metre.
    const auto [flat, flatMiddle] = extent(0.0f);
    const auto [turned, turnedMiddle] = extent(glm::radians(90.0f));
    INFO("extent unturned " << flat.x << " x " << flat.y << " px, turned a quarter " << turned.x << " x " << turned.y);
    CHECK(flat.x > 130);  // 14 m east-west
    CHECK(flat.y < 10);   // 0.6 m
    // Turned about their own centres: 10.6 m by 4 m, still apart; turned about the node's origin
    // they would stand 10 m apart north-south instead.
    CHECK(turned.x > 95);
    CHECK(turned.x < 115);
    CHECK(turned.y > 35);
    CHECK(turned.y < 45);
    CHECK(flatMiddle == 0);
    CHECK(turnedMiddle == 0);
    CHECK(harness.context().validationCounts().total() == 0);
}
