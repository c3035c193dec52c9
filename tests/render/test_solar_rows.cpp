// The far view of a solar farm (scene::ProceduralSurface::SolarRows, shaders/solar_rows.glsl)
// against its CPU reference (render/solar_rows.h): how much of the field an eye sees as modules
// and how much of the ground between them lies in their shade, from overhead, across the rows
// and along them, with the sun high and low.
#include "render/solar_rows.h"
#include "render/tone_curve.h"
#include "render_harness.h"
#include "support/pixel_luminance.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

using ct::render::solarRowsShares;

constexpr glm::vec4 kRows{0.4f, 0.3f, 0.5f, 0.0f};  // modules 40 % of the pitch, 0.3 pitches up, tilted 0.5 rad

// A 200 m level quad with 4000 row pitches across x (5 cm each, so a pixel spans several): the
// solar rows surface with black modules, or (rows false) a plain surface of the ground's colour.
ct::scene::Scene field(bool rows) {
    ct::scene::Material material;
    material.name = rows ? "rows" : "ground";
    material.metallicFactor = 0.0f;
    material.roughnessFactor = 1.0f;
    if (rows) {
        material.baseColorFactor = {0.0f, 0.0f, 0.0f, 1.0f};
        material.procedural = ct::scene::ProceduralSurface::SolarRows;
        material.proceduralParams = kRows;
    } else {
        material.baseColorFactor = glm::vec4(ct::render::Lighting{}.groundColor, 1.0f);
    }
    std::array<ct::scene::Vertex, 4> corners;
    const glm::vec2 square[] = {{-0.5f, -0.5f}, {-0.5f, 0.5f}, {0.5f, 0.5f}, {0.5f, -0.5f}};  // seen from above
    for (int i = 0; i < 4; ++i) {
        corners[i].position = glm::vec3(square[i].x, 0.0f, square[i].y) * 200.0f;
        corners[i].normal = {0.0f, 1.0f, 0.0f};
        corners[i].uv0 = {(square[i].x + 0.5f) * 4000.0f, 0.5f};
    }
    return ct::test::quadScene("field", material, corners);
}

// The exposed light (before the tone curve) at the image's centre, from `eye` (across, up).
float centreLight(ct::test::RenderHarness& harness, const ct::scene::Scene& scene, glm::vec2 eye,
                  const ct::render::Lighting& lighting) {
    ct::render::Camera camera;
    camera.target = {0.0f, 0.0f, 0.0f};
    camera.eye = glm::vec3(eye.x, eye.y, 0.0f) / glm::length(eye) * 60.0f;
    camera.yfov = 0.15f;  // telephoto: the pixels at the centre see the field along the same ray
    const auto frame = harness.render(scene, camera, lighting);
    double sum = 0.0;
    int n = 0;
    for (std::uint32_t y = frame.height / 2 - 2; y <= frame.height / 2 + 2; ++y)
        for (std::uint32_t x = frame.width / 2 - 2; x <= frame.width / 2 + 2; ++x) {
            const glm::u8vec4 p = frame.pixel(x, y);
            using ct::test::linearFromSrgb8;
            const glm::vec3 exposed =
                ct::render::inverseToneCurve({linearFromSrgb8(p.r), linearFromSrgb8(p.g), linearFromSrgb8(p.b)});
            sum += 0.2126 * exposed.r + 0.7152 * exposed.g + 0.0722 * exposed.b;
            ++n;
        }
    return static_cast<float>(sum / n);
}

}  // namespace

TEST_CASE("solar rows reference: what an eye sees of tracker rows and their shade", "[render][solar]") {
    const glm::vec2 overhead{0.0f, 1.0f};
    const glm::vec4 level{0.4f, 0.3f, 0.0f, 0.0f};
    // From overhead the modules cover their tilted width; level, just their share.
    CHECK(solarRowsShares(kRows, overhead, overhead).modulesSeen == Approx(0.4f * std::cos(0.5f)));
    CHECK(solarRowsShares(level, {3.0f, 1.0f}, overhead).modulesSeen == Approx(0.4f));
    // Low across the rows, from the side the modules face (-x), they close up into a sheet; from
    // behind at a steep angle, the eye sees them edge on.
    CHECK(solarRowsShares(kRows, {-4.0f, 1.0f}, overhead).modulesSeen == Approx(1.0f));
    CHECK(solarRowsShares(kRows, {1.0f, 0.55f}, overhead).modulesSeen < 0.05f);
    // Seen from where the sun is, little shade shows: the modules hide what they shade, but for
    // the field's irregularity (kRowIrregularity).
    CHECK(solarRowsShares(kRows, {-0.7f, 1.0f}, {-0.7f, 1.0f}).groundShaded < 0.1f);
    // A low sun shades all the ground; the sun down, everything is in shade.
    CHECK(solarRowsShares(kRows, overhead, {-3.0f, 0.3f}).groundShaded == Approx(1.0f));
    CHECK(solarRowsShares(kRows, overhead, {0.0f, -0.1f}).groundShaded == 1.0f);
    // A high sun shades less of the ground than a lower one on the same side.
    CHECK(solarRowsShares(kRows, overhead, {-0.2f, 1.0f}).groundShaded <
          solarRowsShares(kRows, overhead, {-0.8f, 1.0f}).groundShaded);
}

TEST_CASE("solar rows reference: the shade on the gaps is averaged over the offsets a pixel spans", "[render][solar]") {
    using ct::render::bandIntegral;
    using ct::render::gapShade;
    // The closed form against a brute-force mean of the unfiltered share over the offsets.
    for (const float spread : {0.05f, 0.37f, 0.9f, 2.6f})
        for (const float start : {-1.3f, 0.2f, 0.75f, 4.4f}) {
            constexpr int kSteps = 20000;
            double sum = 0.0;
            for (int i = 0; i < kSteps; ++i) {
                const float o = start + spread * ((static_cast<float>(i) + 0.5f) / kSteps - 0.5f);
                sum += (bandIntegral(o + 0.45f, 0.3f) - bandIntegral(o, 0.3f)) / 0.45f;
            }
            INFO("spread " << spread << ", gap start " << start);
            CHECK(gapShade(start, 0.45f, 0.3f, spread) == Approx(sum / kSteps).margin(2e-3));
        }
    // No spread: the share at the centre's offset; whole periods of it: the shade bands' width.
    CHECK(gapShade(0.6f, 0.45f, 0.3f, 0.0f) == Approx((bandIntegral(1.05f, 0.3f) - bandIntegral(0.6f, 0.3f)) / 0.45f));
    CHECK(gapShade(0.6f, 0.45f, 0.3f, 3.0f) == Approx(0.3f).margin(1e-3));
    // Seen low across the rows the rays run for pitches and the shade on the ground a gap shows
    // swings from none to all as the eye's slope changes a little (a perfect lattice); the
    // field's irregularity damps the swing (by a third at these slopes; more as the eye sinks).
    const glm::vec2 sun{-0.4f, 1.0f};
    const float shade = ct::render::projectedShare(kRows.x, kRows.z, sun);
    float latticeLow = 1.0f, latticeHigh = 0.0f, fieldLow = 1.0f, fieldHigh = 0.0f;
    for (float slope = 3.0f; slope <= 5.0f; slope += 0.01f) {
        const glm::vec2 eye{slope, 1.0f};
        const float seen = solarRowsShares(kRows, eye, sun).modulesSeen;
        const float gapStart = 0.5f + 0.5f * seen + kRows.y * (sun.x / sun.y - slope);
        const float lattice = gapShade(gapStart, 1.0f - seen, shade, 0.0f);
        const float field = solarRowsShares(kRows, eye, sun).groundShaded;
        latticeLow = std::min(latticeLow, lattice);
        latticeHigh = std::max(latticeHigh, lattice);
        fieldLow = std::min(fieldLow, field);
        fieldHigh = std::max(fieldHigh, field);
    }
    INFO("shade on the gaps over eye slopes 3..5: lattice " << latticeLow << ".." << latticeHigh << ", field "
                                                            << fieldLow << ".." << fieldHigh);
    CHECK(latticeHigh - latticeLow > 0.5f);
    CHECK(fieldHigh - fieldLow < 0.75f * (latticeHigh - latticeLow));
}

TEST_CASE("solar rows on the GPU match their CPU reference", "[render][solar]") {
    ct::test::RenderHarness harness(64, 64);
    const ct::scene::Scene rows = field(true);
    const ct::scene::Scene ground = field(false);

    SECTION("sky only: the ground between the modules, less the sky they take") {
        ct::render::Lighting sky;
        sky.sunIntensity = 0.0f;
        sky.shadows = false;
        sky.ev100 = 11.0f;
        for (const glm::vec2 eye : {glm::vec2(0.1f, 1.0f), glm::vec2(-1.0f, 1.0f), glm::vec2(1.2f, 1.0f)}) {
            const float expected =
                (1.0f - solarRowsShares(kRows, eye, {0.0f, 1.0f}).modulesSeen) * (1.0f - 0.5f * kRows.x);
            const float lit = centreLight(harness, ground, eye, sky);
            const float measured = centreLight(harness, rows, eye, sky) / lit;
            INFO("eye across " << eye.x << ", up " << eye.y << "; the plain ground " << lit);
            CHECK(measured == Approx(expected).margin(0.03));
        }
    }
    SECTION("sun only: the ground seen between the modules and out of their shade") {
        ct::render::Lighting sun;
        sun.skyIntensity = 0.0f;
        sun.shadows = false;
        sun.ev100 = 12.0f;
        for (const glm::vec2 toSun : {glm::vec2(-0.3f, 1.0f), glm::vec2(0.6f, 1.0f)}) {
            sun.sunDirection = glm::normalize(glm::vec3(toSun.x, toSun.y, 0.0f));
            for (const glm::vec2 eye : {glm::vec2(0.1f, 1.0f), glm::vec2(-0.8f, 1.0f)}) {
                const auto shares = solarRowsShares(kRows, eye, toSun);
                const float expected = (1.0f - shares.modulesSeen) * (1.0f - shares.groundShaded);
                const float measured = centreLight(harness, rows, eye, sun) / centreLight(harness, ground, eye, sun);
                INFO("sun across " << toSun.x << ", eye across " << eye.x << ": modules " << shares.modulesSeen
                                   << ", shaded " << shares.groundShaded);
                CHECK(measured == Approx(expected).margin(0.03));
            }
        }
    }
    CHECK(harness.context().validationCounts().total() == 0);
}
