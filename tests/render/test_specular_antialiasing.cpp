// Specular anti-aliasing, measured: glossy smooth-shaded pipes, rendered with one
// shading sample per pixel with the lobe widened to the pixel's footprint and without, against a
// 4x4 supersampled reference of the same view that does not widen it. Only pixels wholly inside
// one surface count, so edges (the edge anti-aliasing's business) do not blur the comparison.
#include "render/tone_curve.h"
#include "render_harness.h"
#include "support/pixel_luminance.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

namespace {

using ct::render::CapturedFrame;

constexpr std::uint32_t kSize = 192;
constexpr std::uint32_t kReferenceFactor = 4;

// A smooth-shaded cylinder of `radius` from `from` to `to`, `sides` facets round, as one node.
void addPipe(ct::scene::Scene& scene, glm::vec3 from, glm::vec3 to, float radius, int sides, int material) {
    const glm::vec3 axis = glm::normalize(to - from);
    const glm::vec3 side =
        glm::normalize(glm::cross(axis, std::abs(axis.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)));
    const glm::vec3 other = glm::cross(axis, side);
    ct::scene::Primitive prim;
    prim.material = material;
    for (int i = 0; i <= sides; ++i) {
        const float angle = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(sides);
        const glm::vec3 normal = std::cos(angle) * side + std::sin(angle) * other;
        for (const glm::vec3 end : {from, to}) {
            ct::scene::Vertex v;
            v.position = end + normal * radius;
            v.normal = normal;
            prim.vertices.push_back(v);
            prim.bounds.extend(v.position);
            scene.bounds.extend(v.position);
        }
    }
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(sides); ++i) {
        const std::uint32_t a = 2 * i;
        prim.indices.insert(prim.indices.end(), {a, a + 2, a + 1, a + 1, a + 2, a + 3});
    }
    scene.meshes.push_back({"pipe", {prim}});
    ct::scene::Node node;
    node.name = "pipe " + std::to_string(scene.nodes.size());
    node.mesh = static_cast<int>(scene.meshes.size()) - 1;
    scene.roots.push_back(static_cast<int>(scene.nodes.size()));
    scene.nodes.push_back(node);
}

// Pipes from 1 to 5 pixels across at a spread of angles, glossy metal, as a cooling plant's or
// a gas plant's pipework is from a few hundred metres; behind them one 23 pixels across whose
// glint is a few pixels wide.
ct::scene::Scene glossyPipes(float roughness) {
    ct::scene::Scene scene;
    ct::scene::Material steel;
    steel.baseColorFactor = {0.9f, 0.9f, 0.92f, 1.0f};
    steel.metallicFactor = 1.0f;
    steel.roughnessFactor = roughness;
    scene.materials = {steel};
    for (int i = 0; i < 8; ++i) {
        const float angle = 0.3f + 0.17f * static_cast<float>(i);
        const glm::vec3 along(std::cos(angle), std::sin(angle), 0.15f * static_cast<float>(i % 3) - 0.15f);
        const glm::vec3 centre(-2.2f + 0.6f * static_cast<float>(i), 0.3f * static_cast<float>(i % 2), 0.0f);
        addPipe(scene, centre - along * 2.5f, centre + along * 2.5f, 0.025f + 0.012f * static_cast<float>(i), 12, 0);
    }
    addPipe(scene, {-3.5f, -2.3f, -1.0f}, {3.5f, -2.0f, -1.0f}, 0.5f, 32, 0);
    return scene;
}

// 10 m in front of the pipes, looking at their middle.
const ct::render::Camera kFront{.eye = {0.0f, 0.0f, 10.0f}};

// The sun behind the camera and above it, so each pipe shows a glint along its length. The
// exposure is low enough that the glints stay below the curve's white, so the light can be
// taken back from the picture.
ct::render::Lighting sunBehind(float exposure) {
    ct::render::Lighting lighting;
    lighting.shadows = false;
    lighting.sunDirection = glm::normalize(glm::vec3(0.3f, 0.5f, 1.0f));
    lighting.exposure = exposure;
    return lighting;
}

CapturedFrame renderWith(std::uint32_t size, bool specularAntialiasing, const ct::scene::Scene& scene,
                         const ct::render::Lighting& lighting, glm::vec3 shift = glm::vec3(0.0f)) {
    ct::test::RenderHarness harness(
        {.extent = {size, size}, .bloom = false, .specularAntialiasing = specularAntialiasing});
    ct::render::Camera camera = kFront;
    camera.eye += shift;
    camera.target += shift;
    const CapturedFrame frame = harness.render(scene, camera, lighting);
    CHECK(harness.context().validationCounts().total() == 0);
    return frame;
}

// Pixels of the final size whose every supersample lies on the same node: inside one surface.
std::vector<bool> interiorPixels(const CapturedFrame& supersampled) {
    std::vector<bool> inside(kSize * kSize, false);
    for (std::uint32_t y = 0; y < kSize; ++y)
        for (std::uint32_t x = 0; x < kSize; ++x) {
            const int node = supersampled.nodeAt(x * kReferenceFactor, y * kReferenceFactor);
            bool same = node >= 0;
            for (std::uint32_t sy = 0; same && sy < kReferenceFactor; ++sy)
                for (std::uint32_t sx = 0; same && sx < kReferenceFactor; ++sx)
                    same = supersampled.nodeAt(x * kReferenceFactor + sx, y * kReferenceFactor + sy) == node;
            inside[y * kSize + x] = same;
        }
    return inside;
}

// The exposed light of each pixel (the tone curve taken back on its brightest channel; the
// scene is grey metal, so one channel stands for the colour): the shading's own units, where a
// filter that keeps the light can be judged without the curve's shoulder.
std::vector<double> exposedLight(const CapturedFrame& frame) {
    std::vector<double> light(static_cast<std::size_t>(frame.width) * frame.height);
    for (std::size_t i = 0; i < light.size(); ++i) {
        const float peak =
            std::max({ct::test::linearFromSrgb8(frame.rgba[4 * i]), ct::test::linearFromSrgb8(frame.rgba[4 * i + 1]),
                      ct::test::linearFromSrgb8(frame.rgba[4 * i + 2])});
        light[i] = ct::render::inverseAcesCurve(peak);
    }
    return light;
}

// The supersampled frame's light averaged over each output pixel's block.
std::vector<double> referenceLight(const CapturedFrame& supersampled) {
    const std::vector<double> fine = exposedLight(supersampled);
    std::vector<double> light(kSize * kSize, 0.0);
    for (std::uint32_t y = 0; y < kSize * kReferenceFactor; ++y)
        for (std::uint32_t x = 0; x < kSize * kReferenceFactor; ++x)
            light[(y / kReferenceFactor) * kSize + x / kReferenceFactor] +=
                fine[static_cast<std::size_t>(y) * kSize * kReferenceFactor + x] /
                (kReferenceFactor * kReferenceFactor);
    return light;
}

struct Comparison {
    double rms = 0.0;        // of the exposed light, over the interior
    double meanRatio = 0.0;  // the interior's mean light over the reference's
};

Comparison compare(const CapturedFrame& frame, const std::vector<double>& reference, const std::vector<bool>& inside) {
    const std::vector<double> light = exposedLight(frame);
    double sum = 0.0;
    double mean = 0.0;
    double referenceMean = 0.0;
    int count = 0;
    for (std::uint32_t i = 0; i < kSize * kSize; ++i) {
        if (!inside[i]) continue;
        sum += (light[i] - reference[i]) * (light[i] - reference[i]);
        mean += light[i];
        referenceMean += reference[i];
        ++count;
    }
    REQUIRE(count > 500);
    return {std::sqrt(sum / count), mean / referenceMean};
}

}  // namespace

TEST_CASE("widening the sun's lobe to the pixel brings glossy pipes closer to a supersampled reference",
          "[render][antialiasing][specular]") {
    for (const float roughness : {0.15f, 0.3f}) {
        const ct::scene::Scene scene = glossyPipes(roughness);
        const ct::render::Lighting lighting = sunBehind(0.005f);
        const CapturedFrame supersampled = renderWith(kSize * kReferenceFactor, false, scene, lighting);
        const std::vector<double> referenceLit = referenceLight(supersampled);
        const std::vector<bool> inside = interiorPixels(supersampled);
        const Comparison plain = compare(renderWith(kSize, false, scene, lighting), referenceLit, inside);
        const Comparison filtered = compare(renderWith(kSize, true, scene, lighting), referenceLit, inside);
        INFO("roughness " << roughness << ": RMS error of the light over the pipes' interiors, plain " << plain.rms
                          << ", filtered " << filtered.rms << "; mean against the reference, plain " << plain.meanRatio
                          << ", filtered " << filtered.meanRatio);
        CHECK(filtered.rms <= 0.7 * plain.rms);
        CHECK(std::abs(filtered.meanRatio - 1.0) <= 0.1);
    }
}

TEST_CASE("glints on glossy pipes hold still while the camera creeps by quarter pixels",
          "[render][antialiasing][specular]") {
    const ct::scene::Scene scene = glossyPipes(0.15f);
    const ct::render::Lighting lighting = sunBehind(0.005f);
    const float pixel_m = 2.0f * 10.0f * std::tan(kFront.yfov / 2.0f) / static_cast<float>(kSize);
    constexpr int kSteps = 4;
    // Sparkle: how far each pixel's light strays from its mean over the creep, over pixels that
    // stay inside one pipe throughout (their node and their eight neighbours' in every frame).
    auto sparkle = [&](bool specularAntialiasing) {
        std::vector<CapturedFrame> frames;
        for (int k = 0; k < kSteps; ++k)
            frames.push_back(renderWith(kSize, specularAntialiasing, scene, lighting,
                                        glm::vec3(0.25f * pixel_m * static_cast<float>(k), 0.0f, 0.0f)));
        std::vector<std::vector<double>> light;
        for (const CapturedFrame& frame : frames)
            light.push_back(exposedLight(frame));
        double sum = 0.0;
        int count = 0;
        for (std::uint32_t y = 1; y + 1 < kSize; ++y)
            for (std::uint32_t x = 1; x + 1 < kSize; ++x) {
                const int node = frames[0].nodeAt(x, y);
                bool inside = node >= 0;
                for (const CapturedFrame& frame : frames)
                    for (int dy = -1; inside && dy <= 1; ++dy)
                        for (int dx = -1; inside && dx <= 1; ++dx)
                            inside = frame.nodeAt(x + dx, y + dy) == node;
                if (!inside) continue;
                const std::size_t i = static_cast<std::size_t>(y) * kSize + x;
                double mean = 0.0;
                for (const auto& l : light)
                    mean += l[i] / kSteps;
                for (const auto& l : light)
                    sum += (l[i] - mean) * (l[i] - mean);
                count += kSteps;
            }
        REQUIRE(count > 500 * kSteps);
        return std::sqrt(sum / count);
    };
    const double plain = sparkle(false);
    const double filtered = sparkle(true);
    INFO("RMS change of a pipe pixel's light over the creep: plain " << plain << ", filtered " << filtered);
    CHECK(filtered <= 0.5 * plain);
}
