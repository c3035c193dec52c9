// GPU time per pass (render/pass_timer.h) and the --stats report built from it.
#include "render_harness.h"

#include "render/frame_report.h"
#include "render/node_animation.h"

#include <glm/gtc/matrix_transform.hpp>

#include <catch2/catch.hpp>

#include <chrono>

using ct::test::RenderHarness;

TEST_CASE("each pass of a frame is timed on the GPU, within the frame's own wall time", "[render][stats]") {
    RenderHarness harness(256, 256);
    harness.render(ct::test::testData("lit_cube.gltf"), "main");  // loads the scene
    const auto camera =
        ct::render::cameraFromScene(harness.lastScene(), ct::render::findSceneCamera(harness.lastScene(), "main"));
    harness.renderer().setShadowCaching(false);  // the same view again would keep its shadow map
    const auto started = std::chrono::steady_clock::now();
    const ct::render::CapturedFrame frame = harness.renderAgain(camera);
    const double wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (frame.stats.passes.empty()) {
        WARN("this device cannot write timestamps: passes are labelled only");
        return;
    }
    // The shadow map, the main pass, the bloom's chain down and up, and the tone map last.
    REQUIRE(frame.stats.passes.size() >= 4);
    CHECK(frame.stats.passes[0].name == "shadow");
    CHECK(frame.stats.passes[1].name == "main");
    CHECK(frame.stats.passes[2].name == "bloom down 0");
    CHECK(frame.stats.passes.back().name == "tone map");
    double sum = 0.0;
    for (const auto& pass : frame.stats.passes) {
        INFO(pass.name << " " << pass.ms << " ms");
        CHECK(pass.ms > 0.0);  // a pass that drew something took time
        sum += pass.ms;
    }
    // The timestamps measure the work this frame submitted: no more than the time spent waiting for it.
    INFO("passes " << sum << " ms, frame " << wallMs << " ms");
    CHECK(sum <= wallMs);
}

TEST_CASE("a frame without shadows has no shadow pass", "[render][stats]") {
    RenderHarness harness(128, 128);
    ct::render::Lighting noShadows;
    noShadows.shadows = false;
    const ct::render::CapturedFrame frame = harness.render(ct::test::testData("lit_cube.gltf"), "main", noShadows);
    if (frame.stats.passes.empty()) return;  // no timestamps on this device (warned above)
    REQUIRE(!frame.stats.passes.empty());
    CHECK(frame.stats.passes[0].name == "main");
    for (const auto& pass : frame.stats.passes)
        CHECK(pass.name != "shadow");
}

TEST_CASE("the stats report gives the mean per pass over the frames added", "[render][stats]") {
    ct::render::FrameReport report;
    CHECK(report.report({}).empty());
    ct::render::FrameStats a;
    a.passes = {{"shadow", 2.0}, {"main", 10.0}};
    a.drawCalls = 7;
    ct::render::FrameStats b;
    b.passes = {{"shadow", 4.0}, {"main", 20.0}};
    b.drawCalls = 7;
    report.add(a, 30.0);
    report.add(b, 50.0);
    const std::string text = report.report(
        {.blockCount = 2, .bytesReserved = 128ull << 20, .bytesInUse = 64ull << 20, .allocationCount = 9});
    INFO(text);
    CHECK(text.find("mean of 2 frames: 40.0 ms a frame, wall time on the CPU") != std::string::npos);
    CHECK(text.find("GPU shadow 3.00 ms, main 15.00 ms (sum 18.00 ms)") != std::string::npos);
    CHECK(text.find("main 7") != std::string::npos);
    CHECK(text.find("128.0 MiB reserved in 2 blocks, 64.0 MiB in use by 9 allocations") != std::string::npos);
}

TEST_CASE("the stats report sums the bloom's steps into one pass and gives the exposure and the light",
          "[render][stats]") {
    ct::render::FrameReport report;
    ct::render::FrameStats frame;
    frame.passes = {
        {"main", 10.0}, {"bloom down 0", 1.0}, {"bloom down 1", 0.5}, {"bloom up 0", 0.25}, {"tone map", 2.0}};
    frame.exposureEv100 = 14.74f;
    frame.sunIlluminance_lux = 94269.0f;
    frame.skyIlluminance_lux = 0.184f;
    report.add(frame, 20.0);
    const std::string text = report.report({});
    INFO(text);
    CHECK(text.find("GPU main 10.00 ms, bloom 1.75 ms, tone map 2.00 ms (sum 13.75 ms)") != std::string::npos);
    CHECK(text.find("exposure EV100 14.7 (metered); on level ground the sun 94269 lx, the sky 0.18 lx") !=
          std::string::npos);
}

TEST_CASE("a still view reuses the sun's shadow map until the sun, the casters or the camera move",
          "[render][stats][shadow]") {
    RenderHarness harness(128, 128);
    ct::render::Lighting lighting;
    const auto first = harness.render(ct::test::testData("shadow_plane.gltf"), "main", lighting);
    const auto camera =
        ct::render::cameraFromScene(harness.lastScene(), ct::render::findSceneCamera(harness.lastScene(), "main"));
    if (first.stats.passes.empty()) return;  // no timestamps on this device (warned above)
    const auto hasShadowPass = [](const ct::render::CapturedFrame& f) {
        for (const auto& pass : f.stats.passes)
            if (pass.name == "shadow") return true;
        return false;
    };
    CHECK(hasShadowPass(first));
    const auto still = harness.renderAgain(camera, lighting);
    CHECK_FALSE(hasShadowPass(still));
    CHECK(still.rgba == first.rgba);  // the same picture from the kept map
    // The sun a twentieth of a degree on: still the kept map; two degrees on: drawn again.
    lighting.sunDirection = glm::normalize(glm::rotate(glm::mat4(1.0f), glm::radians(0.05f), glm::vec3(0, 1, 0)) *
                                           glm::vec4(lighting.sunDirection, 0.0f));
    CHECK_FALSE(hasShadowPass(harness.renderAgain(camera, lighting)));
    lighting.sunDirection = glm::normalize(glm::rotate(glm::mat4(1.0f), glm::radians(2.0f), glm::vec3(0, 1, 0)) *
                                           glm::vec4(lighting.sunDirection, 0.0f));
    CHECK(hasShadowPass(harness.renderAgain(camera, lighting)));
    CHECK_FALSE(hasShadowPass(harness.renderAgain(camera, lighting)));
    // A node that rises changes what casts.
    std::vector<ct::render::NodeAnimation> rising(harness.lastScene().nodes.size());
    rising[1].lift_m = -0.5f;
    harness.renderer().setNodeAnimations(rising);
    CHECK(hasShadowPass(harness.renderAgain(camera, lighting)));
    // Off, every frame draws it.
    harness.renderer().setShadowCaching(false);
    CHECK(hasShadowPass(harness.renderAgain(camera, lighting)));
    CHECK(hasShadowPass(harness.renderAgain(camera, lighting)));
    CHECK(harness.context().validationCounts().total() == 0);
}

TEST_CASE("the sky's light on the scene is made again only once the sun has moved a tenth of a degree",
          "[render][stats][atmosphere]") {
    RenderHarness harness(64, 64);
    ct::render::Lighting lighting;
    lighting.atmosphere = true;
    lighting.sunDirection = ct::render::sunDirectionFromAngles(30.0f, 200.0f);
    const auto first = harness.render(ct::test::testData("shadow_plane.gltf"), "main", lighting);
    const auto camera =
        ct::render::cameraFromScene(harness.lastScene(), ct::render::findSceneCamera(harness.lastScene(), "main"));
    if (first.stats.passes.empty()) return;  // no timestamps on this device (warned above)
    const auto hasPass = [](const ct::render::CapturedFrame& f, const char* name) {
        for (const auto& pass : f.stats.passes)
            if (pass.name == name) return true;
        return false;
    };
    CHECK(hasPass(first, "sky irradiance"));
    CHECK(hasPass(first, "sky specular"));
    CHECK_FALSE(hasPass(harness.renderAgain(camera, lighting), "sky specular"));
    // A twentieth of a degree on (a frame of the twin's clock): the sky's light is kept.
    lighting.sunDirection = ct::render::sunDirectionFromAngles(30.05f, 200.0f);
    CHECK_FALSE(hasPass(harness.renderAgain(camera, lighting), "sky specular"));
    // Half a degree from where it was made: made again, with the harmonics.
    lighting.sunDirection = ct::render::sunDirectionFromAngles(30.5f, 200.0f);
    const auto moved = harness.renderAgain(camera, lighting);
    CHECK(hasPass(moved, "sky specular"));
    CHECK(hasPass(moved, "sky irradiance"));
    CHECK(harness.context().validationCounts().total() == 0);
}
