// Camera bookmarks: scenario views, user views saved and persisted, eased flights.
#include "support/abilene_scenario.h"
#include "ui/camera_bookmarks.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace ct;

TEST_CASE("the scenario's cameras are bookmarks that cannot be overwritten or removed", "[ui][bookmarks]") {
    ui::CameraBookmarks marks = ui::CameraBookmarks::fromScenario(ct::test::abilene());
    REQUIRE(marks.find("overview"));
    CHECK(marks.find("solar")->pose.eye.x == Approx(-1500.0f));
    CHECK_FALSE(marks.save("overview", {}));
    CHECK_FALSE(marks.remove("overview"));
    CHECK_FALSE(marks.save("", {}));
}

TEST_CASE("user views are saved, replaced, removed and round-trip through JSON", "[ui][bookmarks]") {
    ui::CameraBookmarks marks = ui::CameraBookmarks::fromScenario(ct::test::abilene());
    const std::size_t scenarioViews = marks.all().size();
    CHECK(marks.save("roof", {{1, 2, 3}, {4, 5, 6}, 30.0f}));
    CHECK(marks.save("roof", {{7, 8, 9}, {4, 5, 6}, 30.0f}));
    CHECK(marks.all().size() == scenarioViews + 1);
    CHECK(marks.find("roof")->pose.eye.x == 7.0f);

    ui::CameraBookmarks other = ui::CameraBookmarks::fromScenario(ct::test::abilene());
    nlohmann::json saved = marks.userViewsToJson();
    saved.push_back({{"name", "broken"}, {"eye", "nowhere"}});  // ignored
    other.loadUserViews(saved);
    REQUIRE(other.find("roof"));
    CHECK(other.find("roof")->userSaved);
    CHECK(other.find("roof")->pose.fov_deg == 30.0f);
    CHECK_FALSE(other.find("broken"));
    CHECK(marks.remove("roof"));
    CHECK_FALSE(marks.find("roof"));
}

TEST_CASE("a flight eases from one pose to the other over its duration", "[ui][bookmarks]") {
    CHECK(ui::easeInOut(0.0) == 0.0);
    CHECK(ui::easeInOut(0.5) == Approx(0.5));
    CHECK(ui::easeInOut(1.0) == 1.0);
    CHECK(ui::easeInOut(-1.0) == 0.0);
    CHECK(ui::easeInOut(0.1) < 0.1);  // slow start
    CHECK(ui::easeInOut(0.9) > 0.9);  // slow arrival

    const ui::CameraPose a{{0, 100, 0}, {0, 0, 0}, 40.0f};
    const ui::CameraPose b{{1000, 100, 0}, {1000, 0, -10}, 60.0f};
    const ui::CameraFlight flight(a, b, 4.0);
    CHECK(flight.at(0.0).eye.x == Approx(0.0f));
    CHECK(flight.at(2.0).eye.x == Approx(500.0f));
    CHECK(flight.at(2.0).fov_deg == Approx(50.0f));
    CHECK(flight.at(4.0).target.z == Approx(-10.0f));
    CHECK(flight.at(99.0).eye.x == Approx(1000.0f));
    CHECK(flight.finished(4.0));
    CHECK_FALSE(flight.finished(3.9));
    // Monotonic along the way.
    float previous = -1.0f;
    for (int i = 0; i <= 40; ++i) {
        const float x = flight.at(i * 0.1).eye.x;
        CHECK(x >= previous);
        previous = x;
    }
}
