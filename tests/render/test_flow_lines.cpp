// Flow lines: camera-facing ribbons with moving dashes, blended over the scene, invisible to
// picking. The CPU ribbon mesh, then renders of shadow_plane.gltf (ground y = 0, x and z in
// -10..10; a 2 m cube at (0, 2, 0); camera "main" at (0, 10, 12) looking at the origin).
#include "render/flow_lines.h"
#include "render/image_file.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

using ct::render::FlowLine;

TEST_CASE("a flow line's ribbon has two vertices per point and two triangles per segment", "[render][flow]") {
    FlowLine line;
    line.points = {{0, 1, 0}, {3, 1, 0}, {3, 1, 4}};
    line.width_m = 2.0f;
    line.color = {1.0f, 0.5f, 0.0f};
    line.speed_mps = -5.0f;
    line.dashLength_m = 10.0f;
    FlowLine repeated = line;
    repeated.points = {{0, 0, 0}, {0, 0, 0}, {0, 0, 2}};  // a repeated point is skipped
    FlowLine single;
    single.points = {{1, 1, 1}};
    FlowLine flat = line;
    flat.width_m = 0.0f;
    const FlowLine lines[] = {line, single, flat, repeated};
    const ct::render::FlowLineMesh mesh = ct::render::buildFlowLineMesh(lines);

    CHECK(mesh.lines == 2);
    REQUIRE(mesh.vertices.size() == 6 + 4);
    REQUIRE(mesh.indices.size() == 12 + 6);
    for (const std::uint32_t index : mesh.indices)
        CHECK(index < mesh.vertices.size());
    // Distances along the line: 0, 3, 3 + 4; the two edges of each point share them.
    const float distances[] = {0.0f, 3.0f, 7.0f};
    for (int p = 0; p < 3; ++p) {
        for (int side = 0; side < 2; ++side) {
            const ct::render::FlowLineVertex& v = mesh.vertices[static_cast<std::size_t>(2 * p + side)];
            CHECK(v.side == (side == 0 ? -1.0f : 1.0f));
            CHECK(v.distance_m == Approx(distances[p]));
            CHECK(v.halfWidth_m == Approx(1.0f));
            CHECK(v.speed_mps == -5.0f);
            CHECK(v.dashLength_m == 10.0f);
            CHECK(v.color.g == 0.5f);
            CHECK(glm::length(v.tangent) == Approx(1.0f));
        }
    }
    // Ends follow their segment; the corner takes the mean direction.
    CHECK(mesh.vertices[0].tangent.x == Approx(1.0f));
    CHECK(mesh.vertices[4].tangent.z == Approx(1.0f));
    CHECK(mesh.vertices[2].tangent.x == Approx(std::sqrt(0.5f)));
    CHECK(mesh.vertices[2].tangent.z == Approx(std::sqrt(0.5f)));
    // The second line's vertices come after the first's, and so do its indices.
    CHECK(mesh.vertices[6].distance_m == 0.0f);
    CHECK(mesh.vertices[8].distance_m == Approx(2.0f));
    CHECK(mesh.indices[12] == 6);
    CHECK(ct::render::buildFlowLineMesh({}).indices.empty());
}

namespace {

constexpr std::uint32_t kSize = 256;

struct FlowScene {
    ct::test::RenderHarness harness{kSize, kSize};
    ct::scene::Scene scene;
    ct::render::Camera camera;
    ct::render::Lighting lighting;

    FlowScene() {
        ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("shadow_plane.gltf"));
        REQUIRE(loaded.ok());
        scene = std::move(*loaded.scene);
        const int index = ct::render::findSceneCamera(scene, "main");
        REQUIRE(index >= 0);
        camera = ct::render::cameraFromScene(scene, index);
        lighting.shadows = false;
    }

    ct::render::CapturedFrame render(const std::vector<FlowLine>& lines, float time_s = 0.0f) {
        harness.renderer().setFlowLines(lines);
        harness.renderer().setFlowTime(time_s);
        return harness.render(scene, camera, lighting);
    }

    glm::vec2 pixelOf(glm::vec3 world) const {
        const glm::vec4 clip = camera.projection(1.0f) * camera.view() * glm::vec4(world, 1.0f);
        return (glm::vec2(clip) / clip.w * 0.5f + 0.5f) * static_cast<float>(kSize);
    }
};

// A line across the ground in front of the cube, 0.3 m up, running east (+x).
FlowLine acrossTheGround(float width_m, float speed_mps = 1.0f) {
    FlowLine line;
    line.points = {{-7.0f, 0.3f, 4.0f}, {0.0f, 0.3f, 4.0f}, {7.0f, 0.3f, 4.0f}};
    line.width_m = width_m;
    line.color = {1.0f, 0.05f, 0.05f};
    line.speed_mps = speed_mps;
    line.dashLength_m = 2.0f;
    return line;
}

bool changed(const ct::render::CapturedFrame& a, const ct::render::CapturedFrame& b, std::uint32_t x, std::uint32_t y) {
    const glm::u8vec4 p = a.pixel(x, y);
    const glm::u8vec4 q = b.pixel(x, y);
    return std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b) > 6;
}

int changedPixels(const ct::render::CapturedFrame& a, const ct::render::CapturedFrame& b) {
    int count = 0;
    for (std::uint32_t y = 0; y < a.height; ++y)
        for (std::uint32_t x = 0; x < a.width; ++x)
            count += changed(a, b, x, y) ? 1 : 0;
    return count;
}

// How red the line is along its length (x from -5 to 5 m, every 5 cm), read at its projected
// pixels: dashes are redder than the line between them.
std::vector<float> profile(const FlowScene& flows, const ct::render::CapturedFrame& frame) {
    std::vector<float> values;
    for (int i = 0; i <= 200; ++i) {
        const glm::vec2 p = flows.pixelOf({-5.0f + 0.05f * static_cast<float>(i), 0.3f, 4.0f});
        const glm::u8vec4 pixel = frame.pixel(static_cast<std::uint32_t>(p.x), static_cast<std::uint32_t>(p.y));
        values.push_back(static_cast<float>(pixel.r - pixel.g) / 255.0f);
    }
    return values;
}

// The shift (in metres, multiples of 5 cm within +-0.9 m) that best maps `before` onto `after`.
float bestShift(const std::vector<float>& before, const std::vector<float>& after) {
    float best = 0.0f;
    double bestError = 1e30;
    for (int k = -18; k <= 18; ++k) {
        double error = 0.0;
        int n = 0;
        for (int i = 20; i + 20 < static_cast<int>(after.size()); ++i) {
            const double d = after[static_cast<std::size_t>(i)] - before[static_cast<std::size_t>(i - k)];
            error += d * d;
            ++n;
        }
        if (error / n < bestError) {
            bestError = error / n;
            best = 0.05f * static_cast<float>(k);
        }
    }
    return best;
}

}  // namespace

TEST_CASE("flow lines blend over the scene where they run, and nowhere else", "[render][flow]") {
    FlowScene flows;
    const auto plain = flows.render({});
    const auto lined = flows.render({acrossTheGround(0.5f)});

    std::filesystem::create_directories(CT_TEST_OUTPUT_DIR);
    CHECK(ct::render::writePng(std::filesystem::path(CT_TEST_OUTPUT_DIR) / "flow_lines.png",
                               {lined.width, lined.height, lined.rgba})
              .empty());

    // On the line: red over the grey ground, at its middle and towards both ends.
    for (const float x : {-5.0f, 0.0f, 4.5f}) {
        const glm::vec2 p = flows.pixelOf({x, 0.3f, 4.0f});
        const auto px = static_cast<std::uint32_t>(p.x);
        const auto py = static_cast<std::uint32_t>(p.y);
        INFO("x " << x << " at pixel " << px << "," << py);
        CHECK(changed(plain, lined, px, py));
        const glm::vec3 color = ct::test::normalizedColor(lined.pixel(px, py));
        CHECK(color.r > 1.5f * color.g);
        CHECK(color.r > 1.5f * color.b);
        // Picking sees through the line: the ground is under it.
        CHECK(lined.nodeAt(px, py) == 0);
    }
    // Away from the line (behind the cube, beside it, the sky) the image is as before.
    for (const glm::vec3 away : {glm::vec3(-5, 0, -3), glm::vec3(5, 0, -6), glm::vec3(0, 3, 1), glm::vec3(0, 0, 6.5f)}) {
        const glm::vec2 p = flows.pixelOf(away);
        INFO("away " << away.x << "," << away.y << "," << away.z << " at pixel " << p.x << "," << p.y);
        // Inside the image: a point projected past its edge would read beyond the pixels.
        REQUIRE(p.x >= 0.0f);
        REQUIRE(p.y >= 0.0f);
        REQUIRE(p.x < static_cast<float>(plain.width));
        REQUIRE(p.y < static_cast<float>(plain.height));
        CHECK_FALSE(changed(plain, lined, static_cast<std::uint32_t>(p.x), static_cast<std::uint32_t>(p.y)));
    }
    CHECK_FALSE(changed(plain, lined, 5, 5));
    // Not one id differs anywhere.
    CHECK(plain.ids == lined.ids);
    // Only the line's pixels changed: a band about 0.5 m (12 px) high across 14 m.
    const int count = changedPixels(plain, lined);
    CHECK(count > 1000);
    CHECK(count < 8000);
    CHECK(flows.harness.context().validationCounts().total() == 0);
}

TEST_CASE("a wider flow line covers more pixels and a thin one keeps a minimum width", "[render][flow]") {
    FlowScene flows;
    const auto plain = flows.render({});
    const int narrow = changedPixels(plain, flows.render({acrossTheGround(0.3f)}));
    const int wide = changedPixels(plain, flows.render({acrossTheGround(0.9f)}));
    INFO("narrow " << narrow << " wide " << wide);
    CHECK(wide > 2 * narrow);
    // A 1 mm line would be a hundredth of a pixel; it is drawn at least about 1.5 px wide.
    const int hair = changedPixels(plain, flows.render({acrossTheGround(0.001f)}));
    // The line runs off both sides of the image.
    const float length = std::min(flows.pixelOf({7, 0.3f, 4}).x - flows.pixelOf({-7, 0.3f, 4}).x, float(kSize));
    INFO("hair " << hair << " length " << length);
    CHECK(hair > length);
    CHECK(hair < 3.0f * length);
    CHECK(flows.harness.context().validationCounts().total() == 0);
}

TEST_CASE("flow lines test depth: the cube hides a line behind it", "[render][flow]") {
    FlowScene flows;
    const auto plain = flows.render({});
    FlowLine behind = acrossTheGround(0.5f);
    for (glm::vec3& p : behind.points)
        p.z = -3.0f;
    const auto lined = flows.render({behind});
    // The cube's front face covers the line's middle; the line shows on either side of it.
    const glm::vec2 cube = flows.pixelOf({0.0f, 2.0f, 1.0f});
    CHECK(lined.nodeAt(static_cast<std::uint32_t>(cube.x), static_cast<std::uint32_t>(cube.y)) == 1);
    const glm::vec2 hidden = flows.pixelOf({0.0f, 0.3f, -3.0f});
    CHECK(lined.nodeAt(static_cast<std::uint32_t>(hidden.x), static_cast<std::uint32_t>(hidden.y)) == 1);
    CHECK_FALSE(changed(plain, lined, static_cast<std::uint32_t>(hidden.x), static_cast<std::uint32_t>(hidden.y)));
    const glm::vec2 shown = flows.pixelOf({-4.0f, 0.3f, -3.0f});
    CHECK(changed(plain, lined, static_cast<std::uint32_t>(shown.x), static_cast<std::uint32_t>(shown.y)));
    CHECK(flows.harness.context().validationCounts().total() == 0);
}

TEST_CASE("flow line dashes move along the line with time, backwards for a negative speed", "[render][flow]") {
    FlowScene flows;
    // 1 m/s: after 0.5 s the dash pattern has moved 0.5 m east (with the points' order).
    const auto forward0 = profile(flows, flows.render({acrossTheGround(0.5f, 1.0f)}, 10.0f));
    const auto forward1 = profile(flows, flows.render({acrossTheGround(0.5f, 1.0f)}, 10.5f));
    CHECK(bestShift(forward0, forward1) == Approx(0.5f).margin(0.1f));
    const auto backward0 = profile(flows, flows.render({acrossTheGround(0.5f, -1.0f)}, 10.0f));
    const auto backward1 = profile(flows, flows.render({acrossTheGround(0.5f, -1.0f)}, 10.5f));
    CHECK(bestShift(backward0, backward1) == Approx(-0.5f).margin(0.1f));
    // Dashes and gaps: the brightness along the line varies.
    const auto [low, high] = std::minmax_element(forward0.begin(), forward0.end());
    CHECK(*high > *low + 0.1f);
    CHECK(flows.harness.context().validationCounts().total() == 0);
}
