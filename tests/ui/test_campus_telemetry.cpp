// The campus window bound to a broker, end to end under Xvfb (tag [.xvfb]; ctest runs it under Xvfb, or skips it,
// without a display): a real mosquitto on a free loopback port, a binding file for one topic, the window opened with
// telemetry through bindCampusTelemetry (what `campus-twin render --telemetry
// --broker` calls), a value published, frames run until it arrives; the session's snapshot then
// has that value marked measured and the rest marked simulated.
#include "campus/campus_telemetry.h"
#include "campus/campus_window.h"
#include "mosquitto_broker.h"
#include "support/abilene_scenario.h"
#include "twin/telemetry/mqtt_client.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace {

const ct::twin::Quantity* find(const std::vector<ct::twin::Quantity>& all, const std::string& entity,
                               const std::string& name) {
    for (const ct::twin::Quantity& q : all)
        if (q.entity == entity && q.name == name) return &q;
    return nullptr;
}

}  // namespace

TEST_CASE("a campus window bound to a broker shows published values as measured", "[window][.xvfb][telemetry]") {
    // Hidden ([.xvfb]): run by ctest as campus_window_telemetry_under_xvfb, which gives it a display or reports it
    // skipped.
    REQUIRE(ct::window::displayAvailable());
    if (ct::test::mosquittoExecutable().empty()) {
        WARN("mosquitto is not installed");
        return;
    }
    ct::test::MosquittoBroker broker;
    const std::filesystem::path dir = std::filesystem::path(CT_TEST_OUTPUT_DIR) / "window_telemetry";
    std::filesystem::create_directories(dir);
    const std::filesystem::path bindingFile = dir / "binding.json";
    std::ofstream(bindingFile) << R"({"points": [
        {"topic": "campus/bldg-01/it_power", "entity": "bldg-01", "quantity": "it_power", "unit": "MW"}]})";

    ct::campus::LiveCampus live(ct::twin::Scenario(ct::test::abilene()));
    ct::campus::CampusWindowOptions options{.session = {.phase = 4}, .persistSettings = false};
    const std::string error =
        ct::campus::bindCampusTelemetry(live, {bindingFile.string(), broker.address(), ""}, options.session);
    REQUIRE(error.empty());
    REQUIRE(live.telemetry());
    ct::campus::CampusWindow window(live, options);
    ct::campus::CampusSession& session = window.session();
    const auto connectBy = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!live.telemetry()->connected() && std::chrono::steady_clock::now() < connectBy)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(live.telemetry()->connected());

    std::string problem;
    const auto address = ct::twin::telemetry::parseBrokerAddress(broker.address(), problem);
    REQUIRE(address);
    ct::twin::telemetry::MqttPublisher publisher({});
    REQUIRE(publisher.start(*address).empty());
    REQUIRE(publisher.waitConnected(10));

    // Publish every few frames (QoS 1) until the value shows, for at most about 10 s of frames;
    // then a few more frames with bldg-01 in the inspector, so the panels draw the tags.
    session.select("bldg-01");
    bool arrived = false;
    int frames = 0;
    int framesAfter = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    ct::window::ViewerHooks hooks = window.hooks();
    auto beforeFrame = hooks.beforeFrame;
    hooks.beforeFrame = [&](ct::window::FrameControl& frame, ct::render::Renderer& renderer) {
        if (frames++ % 5 == 0 && !arrived) publisher.publish("campus/bldg-01/it_power", "42.5", 1);
        beforeFrame(frame, renderer);
        const auto q = session.state().quantities();
        const ct::twin::Quantity* it = find(q, "bldg-01", "it_power");
        arrived = arrived || (it && it->provenance == ct::twin::Provenance::Measured);
        if ((arrived && ++framesAfter > 3) || std::chrono::steady_clock::now() > deadline) frame.close = true;
    };
    ct::window::ViewerOptions viewer;
    viewer.title = "campus window telemetry test";
    viewer.width = 960;
    viewer.height = 540;
    viewer.validate = true;
    viewer.maxFrames = 2000;
    viewer.hooks = hooks;
    const auto camera = session.startCamera(960.0f / 540.0f);
    const auto result = ct::window::runViewer(session.campus().scene, camera, session.lighting(), viewer);
    CHECK(result.validation.total() == 0);
    CHECK(result.framesPresented >= 4);

    INFO("frames run: " << frames);
    REQUIRE(arrived);
    const std::vector<ct::twin::Quantity> quantities = session.state().quantities();
    const ct::twin::Quantity* measured = find(quantities, "bldg-01", "it_power");
    REQUIRE(measured);
    CHECK(measured->value == Approx(42.5));
    CHECK(measured->provenance == ct::twin::Provenance::Measured);
    const ct::twin::Quantity* other = find(quantities, "bldg-02", "it_power");
    REQUIRE(other);
    CHECK(other->provenance == ct::twin::Provenance::Simulated);
    CHECK(session.state().measured.size() == 1);
    for (const ct::twin::BuildingSnapshot& b : session.state().buildings)
        if (b.id == "bldg-01") CHECK(b.it_mw == Approx(42.5));
}
