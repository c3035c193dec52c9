// The clouds drawn are the twin's: the shadow the renderer casts on the ground falls where the
// CPU reference (twin::cloudShadeAt) says, the clouds seen from above lie where it has them, and over the campus a
// block the twin finds under a cloud is darker in the picture at the same moment while a clear block is not.
#include "campus/campus_scene.h"
#include "campus/sun_lighting.h"
#include "render/data_dir.h"
#include "render/offscreen_capture.h"
#include "support/abilene_scenario.h"
#include "twin/cloud_field.h"
#include "twin/pv_system.h"
#include "twin/simulation.h"

#include <catch2/catch.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

namespace {

float linearLuminance(glm::u8vec4 pixel) {
    const auto linear = [](std::uint8_t c) {
        const float v = c / 255.0f;
        return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * linear(pixel.r) + 0.7152f * linear(pixel.g) + 0.0722f * linear(pixel.b);
}

// The mean linear luminance of the (2r+1)^2 pixels around (x, y).
float meanLuminance(const ct::render::CapturedFrame& frame, int x, int y, int r) {
    float sum = 0.0f;
    int count = 0;
    for (int j = y - r; j <= y + r; ++j)
        for (int i = x - r; i <= x + r; ++i) {
            if (i < 0 || j < 0 || i >= static_cast<int>(frame.width) || j >= static_cast<int>(frame.height)) continue;
            sum += linearLuminance(frame.pixel(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)));
            ++count;
        }
    return count ? sum / count : 0.0f;
}

// A plain grey plane 16 km square at y = 0.
ct::scene::Scene plain() {
    ct::scene::Scene scene;
    ct::scene::Material material;
    material.name = "plain";
    material.baseColorFactor = {0.5f, 0.5f, 0.5f, 1.0f};
    material.roughnessFactor = 1.0f;
    material.doubleSided = true;
    scene.materials.push_back(material);
    ct::scene::Mesh mesh;
    mesh.name = "plain";
    ct::scene::Primitive primitive;
    const float half = 8000.0f;
    const glm::vec2 corners[] = {{-half, -half}, {-half, half}, {half, half}, {half, -half}};
    for (const glm::vec2 c : corners) {
        ct::scene::Vertex v;
        v.position = {c.x, 0.0f, c.y};
        v.normal = {0.0f, 1.0f, 0.0f};
        primitive.vertices.push_back(v);
        primitive.bounds.extend(v.position);
    }
    primitive.indices = {0, 1, 2, 0, 2, 3};
    primitive.material = 0;
    mesh.primitives.push_back(primitive);
    scene.meshes.push_back(mesh);
    ct::scene::Node node;
    node.name = "plain";
    node.mesh = 0;
    scene.nodes.push_back(node);
    scene.roots.push_back(0);
    scene.bounds = primitive.bounds;
    return scene;
}

}  // namespace

TEST_CASE("the cloud shadow drawn on the ground is the CPU reference's", "[campus][clouds]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    constexpr std::uint32_t kSide = 256;
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {kSide, kSide}});
    const ct::scene::Scene scene = plain();
    renderer.setScene(scene);
    ct::render::OffscreenCapture capture(context, renderer);

    // Straight down on 12 km of the plain from under the cloud base: pixel (i, j) sees
    // x = -6000 + (i + 0.5) * 12000 / 256, z likewise (the image's top is north, -z).
    ct::render::Camera camera;
    camera.orthographic = true;
    camera.orthoHalfHeight = 6000.0f;
    camera.eye = {0.0f, 2000.0f, 0.0f};
    camera.target = {0.0f, 0.0f, 0.0f};
    camera.up = {0.0f, 0.0f, -1.0f};
    camera.znear = 10.0f;
    camera.zfar = 5000.0f;

    ct::render::Lighting lighting;
    lighting.shadows = false;
    lighting.sunDirection = ct::render::sunDirectionFromAngles(55.0f, 135.0f);
    const auto clear = capture.render(camera, lighting);

    const ct::twin::CloudLayer layer =
        ct::twin::cloudLayerAfter(ct::twin::cloudLayerFor(4242u, 0.35, {}, 60.0, 12.0, 250.0), 1800.0);
    lighting.clouds = {.seed = layer.seed,
                       .threshold = static_cast<float>(layer.threshold),
                       .edge = ct::twin::kCloudEdge,
                       .cell_m = static_cast<float>(ct::twin::kCloudCell_m),
                       .base_m = static_cast<float>(ct::twin::kCloudBase_m),
                       .drift_m = {static_cast<float>(layer.driftX_m), static_cast<float>(layer.driftZ_m)},
                       .opacity = static_cast<float>(layer.coreLoss)};
    const auto cloudy = capture.render(camera, lighting);
    CHECK(context.validationCounts().total() == 0);

    const glm::vec3 sun = glm::normalize(lighting.sunDirection);
    int clearAgree = 0, clearTotal = 0, coreAgree = 0, coreTotal = 0;
    for (std::uint32_t j = 0; j < kSide; ++j)
        for (std::uint32_t i = 0; i < kSide; ++i) {
            const double x = -6000.0 + (i + 0.5) * 12000.0 / kSide;
            const double z = -6000.0 + (j + 0.5) * 12000.0 / kSide;
            const double density = ct::twin::cloudShadeAt(layer, x, z, sun.x, sun.y, sun.z) / layer.coreLoss;
            const float ratio =
                linearLuminance(cloudy.pixel(i, j)) / std::max(linearLuminance(clear.pixel(i, j)), 1e-4f);
            if (density < 0.01) {
                ++clearTotal;
                clearAgree += ratio > 0.97f && ratio < 1.03f;
            } else if (density > 0.99) {
                ++coreTotal;
                coreAgree += ratio < 0.6f;
            }
        }
    INFO("clear pixels " << clearAgree << " of " << clearTotal << " unchanged; cloud cores " << coreAgree << " of "
                         << coreTotal << " darker");
    // Both kinds in the view, and the picture agrees with the reference at (nearly) every one.
    REQUIRE(clearTotal > 5000);
    REQUIRE(coreTotal > 5000);
    CHECK(clearAgree >= clearTotal * 995 / 1000);
    CHECK(coreAgree >= coreTotal * 995 / 1000);

    // From above the base (3 km), looking straight down, the clouds themselves lie over the plain
    // where the reference has them: white tops over every core, nothing where the layer is clear
    // (a shadow may still lie there, cast by a cloud towards the sun).
    camera.eye.y = 3000.0f;
    const auto above = capture.render(camera, lighting);
    lighting.clouds = {};
    const auto aboveClear = capture.render(camera, lighting);
    int topsBright = 0, tops = 0, gapsNotBrighter = 0, gaps = 0;
    for (std::uint32_t j = 0; j < kSide; ++j)
        for (std::uint32_t i = 0; i < kSide; ++i) {
            const double x = -6000.0 + (i + 0.5) * 12000.0 / kSide;
            const double z = -6000.0 + (j + 0.5) * 12000.0 / kSide;
            // Straight up from the pixel's ground point: the sun's ray straight up finds the layer there.
            const double density = ct::twin::cloudShadeAt(layer, x, z, 0.0, 1.0, 0.0) / layer.coreLoss;
            const float ratio =
                linearLuminance(above.pixel(i, j)) / std::max(linearLuminance(aboveClear.pixel(i, j)), 1e-4f);
            if (density > 0.99) {
                ++tops;
                topsBright += ratio > 1.2f;
            } else if (density < 0.01) {
                ++gaps;
                gapsNotBrighter += ratio < 1.03f;
            }
        }
    INFO("from above: cloud tops brighter than the plain at "
         << topsBright << " of " << tops << " core pixels; gaps no brighter at " << gapsNotBrighter << " of " << gaps);
    REQUIRE(tops > 5000);
    REQUIRE(gaps > 5000);
    CHECK(topsBright >= tops * 995 / 1000);
    CHECK(gapsNotBrighter >= gaps * 995 / 1000);
    CHECK(context.validationCounts().total() == 0);
}

TEST_CASE("a solar block the twin finds under a cloud is darker in the picture at that moment, a clear one not",
          "[campus][clouds]") {
    const ct::twin::Scenario& scenario = ct::test::abilene();
    const ct::campus::CampusResult composed = ct::campus::composeCampus(scenario, 4);
    REQUIRE(composed.campus);
    const ct::twin::SolarFarm& farm = scenario.solarFarms.front();

    // Midday steps of a July day until one block of the first farm lies under a cloud's core and
    // another in the clear (the twin's test finds dozens such in a day).
    ct::twin::Simulation sim(
        scenario, {.start = *ct::twin::parseIsoUtc("2026-07-15T16:00"), .step_s = 300.0, .phase = 4, .seed = 11});
    const ct::twin::StateSnapshot* found = nullptr;
    int shaded = -1, lit = -1;
    for (int i = 0; i < 12 * 6 && !found; ++i) {
        const ct::twin::StateSnapshot& state = sim.advance();
        const ct::twin::SolarFarmSnapshot& blocks = state.solarFarms.front();
        for (std::size_t b = 0; b < blocks.blocks.size(); ++b) {
            if (blocks.blocks[b].cloudShade > 0.7) shaded = static_cast<int>(b);
            if (blocks.blocks[b].cloudShade < 0.01) lit = static_cast<int>(b);
        }
        if (shaded >= 0 && lit >= 0)
            found = &state;
        else
            shaded = lit = -1;
    }
    REQUIRE(found);
    const ct::twin::SolarBlockSnapshot& dark = found->solarFarms.front().blocks[static_cast<std::size_t>(shaded)];
    const ct::twin::SolarBlockSnapshot& bright = found->solarFarms.front().blocks[static_cast<std::size_t>(lit)];
    CHECK(dark.ac_mw < 0.6 * bright.ac_mw);

    ct::vk::Context context({.validation = true, .quiet = true});
    constexpr std::uint32_t kSide = 320;
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {kSide, kSide}});
    renderer.setScene(composed.campus->scene);
    ct::render::OffscreenCapture capture(context, renderer);
    // Straight down on the farm from 2 km.
    ct::render::Camera camera;
    camera.eye = {static_cast<float>(farm.position.x), 2000.0f, static_cast<float>(farm.position.z)};
    camera.target = {camera.eye.x, 0.0f, camera.eye.z};
    camera.up = {0.0f, 0.0f, -1.0f};
    camera.yfov = glm::radians(50.0f);
    camera.znear = 100.0f;
    camera.zfar = 4000.0f;
    const double time = static_cast<double>(found->time);
    ct::render::Lighting lighting = ct::campus::sunLighting(scenario.site, time);
    lighting.shadows = false;
    const auto withoutClouds = capture.render(camera, lighting);
    // The same exposure for both (the meter would open it under the clouds).
    lighting.ev100 = withoutClouds.stats.exposureEv100;
    lighting.clouds = ct::campus::cloudLayerAt(*found, time);
    const auto withClouds = capture.render(camera, lighting);
    CHECK(context.validationCounts().total() == 0);

    const glm::mat4 viewProj = camera.projection(1.0f) * camera.view();
    const auto pixelOf = [&](const ct::twin::SolarBlockSnapshot& block) {
        const glm::vec4 clip =
            viewProj * glm::vec4(static_cast<float>(block.x_m), 2.0f, static_cast<float>(block.z_m), 1.0f);
        const glm::vec2 ndc = glm::vec2(clip) / clip.w;  // y already points down (render/camera.h)
        return glm::ivec2((ndc * 0.5f + 0.5f) * static_cast<float>(kSide));
    };
    const glm::ivec2 darkAt = pixelOf(dark), brightAt = pixelOf(bright);
    const float darkWith = meanLuminance(withClouds, darkAt.x, darkAt.y, 4);
    const float darkWithout = meanLuminance(withoutClouds, darkAt.x, darkAt.y, 4);
    const float brightWith = meanLuminance(withClouds, brightAt.x, brightAt.y, 4);
    const float brightWithout = meanLuminance(withoutClouds, brightAt.x, brightAt.y, 4);
    INFO("block " << shaded + 1 << " (shade " << dark.cloudShade << ", " << dark.ac_mw << " MW): luminance " << darkWith
                  << " with clouds, " << darkWithout << " without; block " << lit + 1 << " (" << bright.ac_mw
                  << " MW): " << brightWith << ", " << brightWithout);
    CHECK(darkWith < 0.7f * darkWithout);
    CHECK(brightWith == Approx(brightWithout).epsilon(0.03));
}

TEST_CASE("glossy panels under a cloud deck mirror its grey, not the clear sky's blue", "[campus][clouds]") {
    ct::vk::Context context({.validation = true, .quiet = true});
    ct::render::Renderer renderer(context, ct::render::shaderDir(), {.extent = {128, 128}});
    ct::scene::Scene scene = plain();
    // Module glass: a dark blue, glossy, mostly mirror.
    scene.materials[0].baseColorFactor = {0.05f, 0.08f, 0.2f, 1.0f};
    scene.materials[0].metallicFactor = 0.6f;
    scene.materials[0].roughnessFactor = 0.25f;
    renderer.setScene(scene);
    ct::render::OffscreenCapture capture(context, renderer);
    // Seen at 20 degrees from 2 km, where glass mirrors the most sky.
    ct::render::Camera camera;
    camera.eye = {0.0f, 700.0f, 2000.0f};
    camera.target = {0.0f, 0.0f, 0.0f};
    camera.yfov = glm::radians(20.0f);
    camera.znear = 10.0f;
    camera.zfar = 10000.0f;
    ct::render::Lighting lighting;
    lighting.shadows = false;
    lighting.sunDirection = ct::render::sunDirectionFromAngles(50.0f, 200.0f);
    // The blue's share of the light over the middle of the image, linear.
    const auto blueShare = [](const ct::render::CapturedFrame& frame) {
        glm::vec3 sum(0.0f);
        for (std::uint32_t y = 48; y < 80; ++y)
            for (std::uint32_t x = 48; x < 80; ++x)
                for (int c = 0; c < 3; ++c) {
                    const float v = frame.pixel(x, y)[c] / 255.0f;
                    sum[c] += v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
                }
        return sum.b / (sum.r + sum.g + sum.b);
    };
    const ct::render::CapturedFrame sunny = capture.render(camera, lighting);
    const float clear = blueShare(sunny);
    // A deck over everything: the storm's cover.
    const ct::twin::CloudLayer deck = ct::twin::cloudLayerFor(7u, 1.0, {}, 0.0, 10.0, 270.0);
    lighting.clouds = {.seed = deck.seed,
                       .threshold = static_cast<float>(deck.threshold),
                       .edge = ct::twin::kCloudEdge,
                       .cell_m = static_cast<float>(ct::twin::kCloudCell_m),
                       .base_m = static_cast<float>(ct::twin::kCloudBase_m),
                       .drift_m = {0.0f, 0.0f},
                       .opacity = static_cast<float>(deck.coreLoss)};
    const ct::render::CapturedFrame overcast = capture.render(camera, lighting);
    const float underDeck = blueShare(overcast);
    const float sunnyLight = meanLuminance(sunny, 64, 64, 16);
    const float deckLight = meanLuminance(overcast, 64, 64, 16);
    INFO("blue's share of the panels' light: clear " << clear << ", under the deck " << underDeck
                                                     << "; luminance clear " << sunnyLight << ", under the deck "
                                                     << deckLight);
    CHECK(underDeck < clear - 0.05f);
    CHECK(deckLight > 0.1f * sunnyLight);  // grey, not black
    CHECK(deckLight < sunnyLight);
    CHECK(context.validationCounts().total() == 0);
}
