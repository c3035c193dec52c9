// Anti-aliasing, measured: thin lines and straight edges rendered with 1 and 4 samples per pixel
// against a 4x4 supersampled reference of the same view.
#include "render/supersample.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

using ct::render::CapturedFrame;

constexpr std::uint32_t kSize = 256;

// A flat mesh node in the z = 0 plane, facing the camera (+z).
void addQuad(ct::scene::Scene& scene, glm::vec2 centre, glm::vec2 halfSize, float angle_rad, int material) {
    const glm::vec2 along(std::cos(angle_rad), std::sin(angle_rad));
    const glm::vec2 across(-along.y, along.x);
    ct::scene::Primitive prim;
    prim.material = material;
    for (const glm::vec2 corner : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
        const glm::vec2 p = centre + along * (corner.x * halfSize.x) + across * (corner.y * halfSize.y);
        ct::scene::Vertex v;
        v.position = {p, 0.0f};
        v.normal = {0.0f, 0.0f, 1.0f};
        prim.vertices.push_back(v);
        prim.bounds.extend(v.position);
        scene.bounds.extend(v.position);
    }
    prim.indices = {0, 1, 2, 0, 2, 3};
    scene.meshes.push_back({"quad", {prim}});
    ct::scene::Node node;
    node.name = "quad " + std::to_string(scene.nodes.size());
    node.mesh = static_cast<int>(scene.meshes.size()) - 1;
    scene.roots.push_back(static_cast<int>(scene.nodes.size()));
    scene.nodes.push_back(node);
}

// A dark plate turned a few degrees (long, nearly level edges: the worst staircase), and over it
// a fan of bright bars 0.02 m wide, about 0.6 pixels at this distance: lines that break into
// dashes with one sample per pixel.
ct::scene::Scene thinLinesAndEdges() {
    ct::scene::Scene scene;
    ct::scene::Material plate;
    plate.baseColorFactor = {0.05f, 0.05f, 0.06f, 1.0f};
    plate.metallicFactor = 0.0f;
    ct::scene::Material bar;
    bar.baseColorFactor = {0.95f, 0.9f, 0.8f, 1.0f};
    bar.metallicFactor = 0.0f;
    bar.doubleSided = true;
    scene.materials = {plate, bar};
    addQuad(scene, {0.8f, -0.6f}, {2.2f, 1.6f}, 0.07f, 0);
    for (int i = 0; i < 9; ++i) {
        const float angle = 0.05f + 0.18f * static_cast<float>(i);
        addQuad(scene, {-1.0f + 0.2f * i, 0.5f}, {3.5f, 0.01f}, angle, 1);
    }
    return scene;
}

ct::render::Camera frontCamera() {
    ct::render::Camera camera;
    camera.eye = {0.0f, 0.0f, 10.0f};
    camera.target = {0.0f, 0.0f, 0.0f};
    return camera;
}

ct::render::Lighting flatLight() {
    ct::render::Lighting lighting;
    lighting.shadows = false;
    lighting.sunDirection = glm::normalize(glm::vec3(0.2f, 0.3f, 1.0f));
    return lighting;
}

// Root mean square difference of the colour channels, in sRGB bytes.
double rmsError(const CapturedFrame& a, const CapturedFrame& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    double sum = 0.0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4)
        for (int c = 0; c < 3; ++c) {
            const double d = static_cast<double>(a.rgba[i + c]) - b.rgba[i + c];
            sum += d * d;
        }
    return std::sqrt(sum / (a.rgba.size() / 4 * 3));
}

CapturedFrame renderWith(std::uint32_t size, std::uint32_t samples, const ct::scene::Scene& scene,
                         ct::render::MultisampleShading shading = ct::render::MultisampleShading::Auto) {
    ct::test::RenderHarness harness(size, size, samples, shading);
    const CapturedFrame frame = harness.render(scene, frontCamera(), flatLight());
    CHECK(harness.context().validationCounts().total() == 0);
    return frame;
}

}  // namespace

TEST_CASE("4x MSAA brings thin lines and edges at least 40 % closer to a supersampled reference",
          "[render][antialiasing]") {
    const ct::scene::Scene scene = thinLinesAndEdges();
    const CapturedFrame reference = ct::render::downsample(renderWith(kSize * 4, 1, scene), 4);
    const double singleError = rmsError(renderWith(kSize, 1, scene), reference);
    const double hardwareError =
        rmsError(renderWith(kSize, 4, scene, ct::render::MultisampleShading::Hardware), reference);
    const double reconstructedError =
        rmsError(renderWith(kSize, 4, scene, ct::render::MultisampleShading::Reconstructed), reference);
    INFO("RMS error against the 4x4 supersampled reference: 1x " << singleError << ", 4x MSAA " << hardwareError
                                                                 << ", 4x reconstructed " << reconstructedError);
    CHECK(singleError > 2.0);  // the scene is hard: aliasing shows with one sample
    CHECK(hardwareError <= 0.6 * singleError);
    // Shaded once per pixel (a CPU device's standard preset), a bar no pixel centre nearby saw
    // keeps its gaps: measured 34 % closer (8.32 -> 5.47), where the hardware's is 42 %.
    CHECK(reconstructedError <= 0.7 * singleError);
}

TEST_CASE("4x reconstructed edges bring straight edges at least 40 % closer to a supersampled reference",
          "[render][antialiasing]") {
    // The plate alone: edges between surfaces that pixel centres on both sides see.
    ct::scene::Scene scene = thinLinesAndEdges();
    scene.roots.resize(1);
    const CapturedFrame reference = ct::render::downsample(renderWith(kSize * 4, 1, scene), 4);
    const double singleError = rmsError(renderWith(kSize, 1, scene), reference);
    const double reconstructedError =
        rmsError(renderWith(kSize, 4, scene, ct::render::MultisampleShading::Reconstructed), reference);
    INFO("RMS error against the 4x4 supersampled reference: 1x " << singleError << ", 4x reconstructed "
                                                                 << reconstructedError);
    CHECK(singleError > 1.0);
    CHECK(reconstructedError <= 0.6 * singleError);
}

TEST_CASE("a multisampled frame keeps whole node ids: each pixel names one node, none averaged",
          "[render][antialiasing][picking]") {
    const ct::scene::Scene scene = thinLinesAndEdges();
    const CapturedFrame single = renderWith(kSize, 1, scene);
    const CapturedFrame multisampled = renderWith(kSize, 4, scene);
    int agree = 0;
    int covered = 0;
    for (std::uint32_t y = 0; y < kSize; ++y)
        for (std::uint32_t x = 0; x < kSize; ++x) {
            const int node = multisampled.nodeAt(x, y);
            CHECK((node >= -1 && node < static_cast<int>(scene.nodes.size())));
            if (single.nodeAt(x, y) >= 0) ++covered;
            if (node == single.nodeAt(x, y)) ++agree;
        }
    // Inside shapes the ids are the same; they may differ only along edges.
    CHECK(covered > 5000);
    CHECK(agree > static_cast<int>(kSize * kSize * 0.97));
    // The plate's middle and the sky.
    const glm::vec4 clip = frontCamera().projection(1.0f) * frontCamera().view() * glm::vec4(2.0f, -1.5f, 0.0f, 1.0f);
    const glm::vec2 pixel = (glm::vec2(clip) / clip.w * 0.5f + 0.5f) * static_cast<float>(kSize);
    CHECK(multisampled.nodeAt(static_cast<std::uint32_t>(pixel.x), static_cast<std::uint32_t>(pixel.y)) == 0);
    CHECK(multisampled.nodeAt(2, 2) == -1);
}
