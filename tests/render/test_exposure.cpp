// The camera's exposure (render/tone_curve.h, Renderer): set as an EV, metered, and eased
// towards the meter from frame to frame where adaptation is on (the window).
#include "render/tone_curve.h"
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <thread>

using ct::test::RenderHarness;

namespace {

float meanLuminance(const ct::render::CapturedFrame& frame) {
    double sum = 0.0;
    for (std::uint32_t y = 0; y < frame.height; ++y)
        for (std::uint32_t x = 0; x < frame.width; ++x)
            sum += ct::test::luminance(frame.pixel(x, y));
    return static_cast<float>(sum / (frame.width * frame.height));
}

}  // namespace

TEST_CASE("a set EV exposes the frame: one EV more is darker, and the stats say it was set", "[render][exposure]") {
    RenderHarness harness(96, 96);
    ct::render::Lighting lighting;
    float last = 2.0f;
    for (const float ev : {13.0f, 14.0f, 15.0f, 16.0f}) {
        lighting.ev100 = ev;
        const ct::render::CapturedFrame frame = harness.render(ct::test::testData("lit_cube.gltf"), "main", lighting);
        const float mean = meanLuminance(frame);
        INFO("EV " << ev << ": mean luminance " << mean);
        CHECK(mean < last);
        CHECK(frame.stats.exposureEv100 == ev);
        CHECK_FALSE(frame.stats.exposureAuto);
        last = mean;
    }
    // Metered, the renderer's plain daylight is what a camera would meter for sunlight.
    lighting.ev100.reset();
    const ct::render::CapturedFrame metered = harness.render(ct::test::testData("lit_cube.gltf"), "main", lighting);
    CHECK(metered.stats.exposureAuto);
    CHECK(metered.stats.exposureEv100 == Approx(ct::render::ev100FromExposure(1.0f)).margin(1e-3));
    CHECK(metered.stats.sunIlluminance_lux > 50000.0f);
    CHECK(metered.stats.sunIlluminance_lux < 120000.0f);
}

TEST_CASE("with adaptation the exposure eases towards the meter instead of jumping", "[render][exposure]") {
    RenderHarness harness(64, 64);
    harness.render(ct::test::testData("lit_cube.gltf"), "main");  // loads the scene
    const auto camera =
        ct::render::cameraFromScene(harness.lastScene(), ct::render::findSceneCamera(harness.lastScene(), "main"));
    ct::render::Lighting bright;
    ct::render::Lighting dim;
    dim.exposure = 4.0f;  // the meter opens two stops
    const float brightEv = ct::render::ev100FromExposure(1.0f);
    const float dimEv = ct::render::ev100FromExposure(4.0f);

    // Headless, every frame is metered on its own.
    harness.renderAgain(camera, bright);
    CHECK(harness.renderAgain(camera, dim).stats.exposureEv100 == Approx(dimEv).margin(1e-3));

    // A short time constant keeps the test quick: frames 0.1 s apart go 86 % of the way each.
    constexpr float kTimeConstant_s = 0.05f;
    const auto nextFrame = [] { std::this_thread::sleep_for(std::chrono::milliseconds(100)); };
    harness.renderer().setExposureAdaptation(kTimeConstant_s);
    float settled = harness.renderAgain(camera, bright).stats.exposureEv100;
    for (int i = 0; i < 20 && settled < brightEv - 0.01f; ++i) {
        nextFrame();
        settled = harness.renderAgain(camera, bright).stats.exposureEv100;
    }
    REQUIRE(settled == Approx(brightEv).margin(0.01f));
    const float first = harness.renderAgain(camera, dim).stats.exposureEv100;
    INFO("bright " << brightEv << ", dim " << dimEv << ", first frame after the change " << first);
    CHECK(first < brightEv);
    CHECK(first > dimEv + 0.2f);  // the very next frame (milliseconds later) is not yet there
    float ev = first;
    for (int i = 0; i < 20 && ev > dimEv + 0.05f; ++i) {
        nextFrame();
        ev = harness.renderAgain(camera, dim).stats.exposureEv100;
    }
    CHECK(ev == Approx(dimEv).margin(0.05f));  // and it gets there
    // A set EV holds at once, adaptation or not.
    ct::render::Lighting set = dim;
    set.ev100 = 10.0f;
    CHECK(harness.renderAgain(camera, set).stats.exposureEv100 == 10.0f);
}
