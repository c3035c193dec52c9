// CampusSession without a window: the commands the panels issue, driven directly, checked on the
// twin's state and the session's accessors. The campus is Abilene without its solar farms and
// turbines (the 240,000 panels): the buildings, phases, named views and site stay.
#include "campus/campus_session.h"
#include "support/abilene_scenario.h"
#include "twin/civil_time.h"

#include <catch2/catch.hpp>

#include <glm/glm.hpp>

#include <memory>
#include <string>

using namespace ct;

namespace {

twin::Scenario smallCampus() {
    twin::Scenario scenario = ct::test::abilene();
    scenario.solarFarms.clear();
    scenario.turbines.clear();
    scenario.bindings.clear();
    return scenario;
}

// A live campus and its session, all phases shown, a July afternoon, the camera at the start view.
struct Session {
    explicit Session(campus::SessionOptions options = {}) : live(smallCampus()) {
        session = std::make_unique<campus::CampusSession>(live, std::move(options));
        camera = session->startCamera(16.0f / 9.0f);
    }
    // `seconds` of wall time in frames of a tenth of a second.
    void run(double seconds) {
        for (double t = 0.0; t < seconds - 1e-9; t += 0.1)
            session->update(0.1, camera);
    }
    double totalIt() const {
        double mw = 0.0;
        for (const twin::BuildingSnapshot& b : session->state().buildings)
            mw += b.it_mw;
        return mw;
    }
    std::vector<std::size_t> buildingsOf(int phase) const {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < live.scenario().buildings.size(); ++i)
            if (live.scenario().buildings[i].phase == phase) out.push_back(i);
        return out;
    }

    campus::LiveCampus live;
    std::unique_ptr<campus::CampusSession> session;
    render::Camera camera;
};

float distance(glm::vec3 a, glm::vec3 b) {
    return glm::length(a - b);
}

}  // namespace

TEST_CASE("session: hiding a phase takes its buildings out of the twin", "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    const int last = session.phases().phaseCount();
    REQUIRE(last >= 2);
    s.run(1.0);
    const std::vector<std::size_t> phaseLast = s.buildingsOf(last);
    REQUIRE_FALSE(phaseLast.empty());
    for (std::size_t i : phaseLast)
        REQUIRE(session.state().buildings[i].state != twin::BuildingState::NotBuilt);
    const double before = s.totalIt();
    REQUIRE(before > 0.0);

    session.setPhaseShown(last, false);  // the phases panel's checkbox
    s.run(1.0);
    CHECK_FALSE(session.phases().phaseShown(last));
    for (std::size_t i : phaseLast) {
        CHECK(session.state().buildings[i].state == twin::BuildingState::NotBuilt);
        CHECK(session.state().buildings[i].it_mw == 0.0);
    }
    CHECK(s.totalIt() < before);
    CHECK(s.totalIt() > 0.0);  // the other phases still run

    // Show through phase 1: every later phase is out, phase 1 stays.
    session.showThrough(1);
    s.run(0.5);
    for (int p = 2; p <= last; ++p)
        for (std::size_t i : s.buildingsOf(p))
            CHECK(session.state().buildings[i].state == twin::BuildingState::NotBuilt);
    for (std::size_t i : s.buildingsOf(1))
        CHECK(session.state().buildings[i].state != twin::BuildingState::NotBuilt);
}

TEST_CASE("session: an as-of date sets each phase from its dates", "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    const twin::Phase& second = session.phases().phase(2);
    // The day phase 2's construction starts: phase 1 standing, phase 2 being built, the last not yet.
    const auto t = twin::parseIsoUtc(second.constructionStart + "T12:00:00Z");
    REQUIRE(t);
    session.setAsOf(*t);
    s.run(0.5);
    REQUIRE(session.phases().asOf());
    CHECK(session.phases().phaseState(2) == twin::BuildingState::UnderConstruction);
    for (std::size_t i : s.buildingsOf(2))
        CHECK(session.state().buildings[i].state == twin::BuildingState::UnderConstruction);
    for (std::size_t i : s.buildingsOf(session.phases().phaseCount()))
        CHECK(session.state().buildings[i].state == twin::BuildingState::NotBuilt);
}

TEST_CASE("session: presets and jumps restart the twin at the clock", "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    s.run(0.3);

    session.applyPreset("heat-wave");
    s.run(0.3);
    CHECK(session.clock().presetName() == "heat-wave");
    CHECK(s.live.settings().preset == twin::WeatherPreset::HeatWave);
    session.applyPreset("grid-outage");
    s.run(0.3);
    CHECK(s.live.settings().gridOutage);
    session.applyPreset("none");
    s.run(0.3);
    CHECK(s.live.settings().preset == twin::WeatherPreset::None);
    CHECK_FALSE(s.live.settings().gridOutage);

    // 06:00 local on a January day (Abilene: UTC-6 in winter).
    REQUIRE(session.jumpToLocal("2026-01-15", 6.0));
    const twin::CivilTime local =
        twin::toLocal(s.live.scenario().site, static_cast<twin::UtcSeconds>(session.clock().now()));
    CHECK(local.year == 2026);
    CHECK(local.month == 1);
    CHECK(local.day == 15);
    CHECK(local.hour == 6);
    s.run(0.2);
    // The twin restarted there: at most a few steps past the jump.
    CHECK(std::abs(static_cast<double>(session.state().time) - session.clock().now()) < 3.0 * 60.0);
    const double now = session.clock().now();
    CHECK_FALSE(session.jumpToLocal("2026-13-45", 6.0));  // not a date: the clock stays
    CHECK(session.clock().now() == Approx(now));
}

TEST_CASE("session: a pick selects the building a node belongs to", "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    const scene::Scene& scene = session.campus().scene;
    const std::string id = s.live.scenario().buildings.front().id;
    int buildingNode = -1;
    int otherNode = -1;  // a node of no building (the terrain, the substation, ...)
    for (int n = 0; n < static_cast<int>(scene.nodes.size()); ++n) {
        const std::string entity = campus::entityOfNode(scene, n);
        if (entity == id && buildingNode < 0) buildingNode = n;
        bool isBuilding = false;
        for (const twin::Building& b : s.live.scenario().buildings)
            isBuilding = isBuilding || b.id == entity;
        if (!isBuilding && otherNode < 0) otherNode = n;
    }
    REQUIRE(buildingNode >= 0);
    REQUIRE(otherNode >= 0);

    CHECK(session.selected().empty());
    session.picked(buildingNode);
    CHECK(session.selected() == id);
    // Nothing that is not a building changes the selection; nor do indices out of range.
    session.picked(otherNode);
    CHECK(session.selected() == id);
    session.picked(-1);
    session.picked(static_cast<int>(scene.nodes.size()));
    session.picked(1 << 30);
    CHECK(session.selected() == id);
    session.select("");  // the inspector's close button
    CHECK(session.selected().empty());
}

TEST_CASE("session: flights end at the bookmark, views are saved and removed", "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    s.run(0.1);
    const ui::Bookmark* street = session.bookmarks().find("street");
    REQUIRE(street);
    const glm::vec3 start = s.camera.eye;
    REQUIRE(distance(start, street->pose.eye) > 10.0f);

    session.flyTo("street");
    s.run(0.5);
    const glm::vec3 partway = s.camera.eye;
    CHECK(distance(partway, start) > 1.0f);             // under way
    CHECK(distance(partway, street->pose.eye) > 1.0f);  // not there yet
    s.run(0.5);
    CHECK(distance(s.camera.eye, street->pose.eye) < distance(partway, street->pose.eye));  // closer
    s.run(2.0);
    CHECK(distance(s.camera.eye, street->pose.eye) < 1e-3f);
    CHECK(distance(s.camera.target, street->pose.target) < 1e-3f);
    s.run(0.5);  // the flight is over: the camera stays
    CHECK(distance(s.camera.eye, street->pose.eye) < 1e-3f);

    const glm::vec3 here = s.camera.eye;
    session.flyTo("no such view");
    s.run(0.5);
    CHECK(s.camera.eye == here);

    // Save the view the camera shows now; remove it again. Scenario views cannot be removed.
    session.saveView("mine");
    const ui::Bookmark* mine = session.bookmarks().find("mine");
    REQUIRE(mine);
    CHECK(mine->userSaved);
    CHECK(distance(mine->pose.eye, here) < 1e-3f);
    session.removeView("mine");
    CHECK_FALSE(session.bookmarks().find("mine"));
    session.removeView("street");
    CHECK(session.bookmarks().find("street"));
}

TEST_CASE("session: a playing tour moves the camera and shows its caption", "[ui][session]") {
    SECTION("without a tour nothing plays") {
        Session s;
        s.session->setTourPlaying(true);
        CHECK_FALSE(s.session->tourPlaying());
    }
    SECTION("with one") {
        ui::Tour tour;
        tour.name = "test";
        ui::TourStop first;
        first.camera = {{0.0f, 400.0f, 900.0f}, {0.0f, 0.0f, 0.0f}, 45.0f};
        first.time = "2026-07-15T18:00:00Z";
        first.timeSeconds = static_cast<double>(*twin::parseIsoUtc(first.time));
        first.timeSpeed = 60.0;
        first.caption = "The campus from the south";
        first.duration_s = 3.0;
        first.transition_s = 0.0;  // the first stop starts there
        ui::TourStop second = first;
        second.camera = {{800.0f, 300.0f, 0.0f}, {0.0f, 0.0f, 0.0f}, 45.0f};
        second.caption = "From the east";
        second.transition_s = 2.0;
        tour.stops = {first, second};
        Session s({.tour = tour});
        campus::CampusSession& session = *s.session;
        const glm::vec3 start = s.camera.eye;

        session.setTourPlaying(true);
        CHECK(session.tourPlaying());
        s.run(1.0);
        CHECK(distance(s.camera.eye, start) > 1.0f);
        CHECK(distance(s.camera.eye, first.camera.eye) < 1e-2f);
        const ui::CampusView view = session.view(false, 0.0f, 1.0f);
        CHECK(view.tourPlaying);
        CHECK(view.caption == "The campus from the south");
        CHECK(view.captionAlpha > 0.0f);
        // On to the second stop: a flight of two seconds, then its caption.
        s.run(3.0);
        CHECK(distance(s.camera.eye, first.camera.eye) > 1.0f);
        CHECK(distance(s.camera.eye, second.camera.eye) > 1.0f);
        s.run(2.0);
        CHECK(distance(s.camera.eye, second.camera.eye) < 1e-2f);
        CHECK(session.view(false, 0.0f, 1.0f).caption == "From the east");

        session.setTourPlaying(false);
        s.run(0.2);
        CHECK(session.view(false, 0.0f, 1.0f).caption.empty());
    }
}

TEST_CASE("session: a tour's first stop can start as built, without the animation", "[ui][session]") {
    ui::TourStop stop;
    stop.camera = {{0.0f, 400.0f, 900.0f}, {0.0f, 0.0f, 0.0f}, 45.0f};
    stop.time = "2025-07-01T15:00:00Z";
    stop.timeSeconds = static_cast<double>(*twin::parseIsoUtc(stop.time));
    stop.phase = 1;
    stop.transition_s = 0.0;
    ui::Tour tour;
    tour.stops = {stop};
    Session s({.tour = tour});  // every phase standing
    campus::CampusSession& session = *s.session;
    session.setTourPlaying(true);
    session.update(0.0, s.camera);  // the stop applies: phase 1 only
    REQUIRE_FALSE(session.phases().phaseShown(2));
    const auto phase4 = [&] {
        for (std::size_t i = 0; i < session.scenario().buildings.size(); ++i)
            if (session.scenario().buildings[i].phase == 4) return i;
        return std::size_t{0};
    }();
    CHECK(session.looks().building(phase4).drawn());  // still standing, about to sink
    session.settleConstruction();
    CHECK_FALSE(session.looks().building(phase4).drawn());
    CHECK(session.looks().settled());
}

TEST_CASE("session: power flows reach only the phases standing", "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    const auto endsAtBuildingsOfPhase = [&](int phase) {
        int count = 0;
        const std::vector<render::FlowLine> lines = session.powerFlowLines();
        for (const twin::Building& b : session.scenario().buildings) {
            if (b.phase != phase) continue;
            const glm::vec3 at = campus::entityTops(session.campus()).at(b.id);
            for (const render::FlowLine& line : lines)
                if (glm::distance(glm::vec2(line.points.back().x, line.points.back().z), glm::vec2(at.x, at.z)) < 1.0f)
                    ++count;
        }
        return count;
    };
    s.run(0.5);
    CHECK(endsAtBuildingsOfPhase(4) > 0);
    CHECK(endsAtBuildingsOfPhase(1) > 0);
    session.setPhaseShown(4, false);
    s.run(0.5);
    CHECK(endsAtBuildingsOfPhase(4) == 0);
    CHECK(endsAtBuildingsOfPhase(1) > 0);

    // The batteries come with phase 3: before it stands they carry no line, whatever the twin says.
    const auto batteryLines = [&] {
        int count = 0;
        for (const render::FlowLine& line : session.powerFlowLines())
            for (const twin::Battery& battery : session.scenario().batteries) {
                const glm::vec3 at = campus::entityTops(session.campus()).at(battery.id);
                if (glm::distance(glm::vec2(line.points.front().x, line.points.front().z), glm::vec2(at.x, at.z)) <
                    1.0f)
                    ++count;
            }
        return count;
    };
    session.showThrough(4);
    s.run(0.5);
    const int allBatteries = batteryLines();
    session.showThrough(2);
    s.run(0.5);
    CHECK(batteryLines() == 0);
    CHECK(allBatteries > 0);  // the check above could fail
    CHECK(session.scenario().batteries.front().phase == 3);
}

TEST_CASE("session: the camera mode goes to the window and back", "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    CHECK(session.cameraMode() == window::CameraMode::Orbit);
    session.setCameraMode(window::CameraMode::Walk);  // the cameras panel's radio button
    CHECK(session.cameraMode() == window::CameraMode::Walk);
    CHECK(session.view(false, 0.0f, 1.0f).cameraMode == window::CameraMode::Walk);
    // Named views are seen from above: flying to one leaves walk mode; fly mode may stay.
    session.flyTo("overview");
    CHECK(session.cameraMode() == window::CameraMode::Orbit);
    session.setCameraMode(window::CameraMode::Fly);
    session.flyTo("street");
    CHECK(session.cameraMode() == window::CameraMode::Fly);
}

TEST_CASE("session: beacons and plumes keep time with the frames at high clock speeds, and stop when paused",
          "[ui][session]") {
    Session s;
    campus::CampusSession& session = *s.session;
    s.run(0.2);
    const auto effects = [&] { return static_cast<double>(session.lighting().clock_s); };
    // At 3600x a tenth of a second's frame moves the twin six minutes, the effects a tenth of a
    // second: a beacon flashing 30 times a minute blinks as it would, the puffs drift, not jump.
    session.setSpeed(3600.0);
    session.setPlaying(true);
    double before = effects();
    s.run(0.5);
    CHECK(effects() - before == Approx(0.5).margin(1e-3));
    // At 1x, with the clock.
    session.setSpeed(1.0);
    before = effects();
    s.run(1.0);
    CHECK(effects() - before == Approx(1.0).margin(1e-3));
    session.setPlaying(false);
    before = effects();
    s.run(0.5);
    CHECK(effects() == before);
    // A jump sets them to the clock's time, so a still there does not depend on the way it came.
    REQUIRE(session.jumpToLocal("2026-07-15", 12.0));
    s.run(0.1);
    CHECK(effects() == Approx(std::fmod(session.clock().now(), 86400.0)).margin(1e-2));
}
