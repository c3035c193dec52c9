// Tours: parsing with one-line errors, and the player's timing (flights, dwell, captions).
#include "support/abilene_scenario.h"
#include "ui/caption_raster.h"
#include "ui/tour_player.h"

#include "twin/civil_time.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace ct;

namespace {

const char* kTwoStops = R"({
  "name": "test",
  "stops": [
    {"camera": "overview", "time": "2026-07-15T18:00", "phase": 1, "caption": "First",
     "duration_s": 4, "transition_s": 9},
    {"camera": {"eye": [0, 500, 0], "target": [100, 0, 0], "fov_deg": 30}, "time": "2026-07-15T20:00",
     "time_speed": 600, "phase": 4, "layers": {"heatmap": true}, "preset": "heat-wave", "caption": "Second",
     "duration_s": 5, "transition_s": 2}
  ]})";

ui::Tour parse(const char* text) {
    ui::TourResult r = ui::parseTour(text, "test.json", ct::test::abilene());
    INFO(r.error);
    REQUIRE(r.tour);
    return *r.tour;
}

std::string parseError(const std::string& text) {
    return ui::parseTour(text, "t.json", ct::test::abilene()).error;
}

}  // namespace

TEST_CASE("a tour parses, named cameras resolve, the first stop has no transition", "[ui][tour]") {
    const ui::Tour tour = parse(kTwoStops);
    REQUIRE(tour.stops.size() == 2);
    CHECK(tour.stops[0].transition_s == 0.0);
    CHECK(tour.stops[0].camera.eye.x == Approx(1631.0f));
    CHECK(tour.stops[1].layers.at("heatmap"));
    CHECK(tour.stops[1].preset == "heat-wave");
    CHECK(tour.stops[1].camera.fov_deg == 30.0f);
}

TEST_CASE("bad tours give one line naming the file and the place", "[ui][tour]") {
    CHECK(parseError("{").find("t.json: ") == 0);
    CHECK(parseError(R"({"stops": []})") == "t.json: stops: expected a non-empty array");
    CHECK(parseError(R"({"stops": [{"camera": "moon", "time": "2026-01-01"}]})") ==
          "t.json: stops[0].camera: no camera \"moon\" in the scenario");
    CHECK(parseError(R"({"stops": [{"camera": "overview", "time": "yesterday"}]})") ==
          "t.json: stops[0].time: \"yesterday\" is not an ISO 8601 date or time");
    // A line break in the file's string stays escaped: the message is one line (found by fuzz_tour).
    CHECK(parseError(R"({"stops": [{"camera": "overview", "time": "2026\n01"}]})") ==
          R"(t.json: stops[0].time: "2026\n01" is not an ISO 8601 date or time)");
    CHECK(parseError(R"({"stops": [{"camera": "overview", "time": "2026-01-01", "phase": 9}]})") ==
          "t.json: stops[0].phase: the scenario has phases 1..4");
    CHECK(parseError(R"({"stops": [{"camera": "overview", "time": "2026-01-01", "preset": "x"}]})") ==
          "t.json: stops[0].preset: unknown preset \"x\"");
    CHECK(parseError(R"({"stops": [{"camera": "overview", "time": "2026-01-01", "layers": {"fog": true}}]})") ==
          "t.json: stops[0].layers.fog: unknown layer (heatmap, power_flows, labels, farms or terrain)");
    CHECK(parseError(R"({"stops": [{"camera": "overview", "time": "2026-01-01", "layers": {"farms": 1}}]})") ==
          "t.json: stops[0].layers.farms: expected true or false");
    CHECK(parseError(R"({"stops": [{"camera": "overview", "time": "2026-01-01", "duration_s": -1}]})")
              .find("stops[0].duration_s: must be at least") != std::string::npos);
}

TEST_CASE("the player's timing: stops, flights, simulated time and caption fades", "[ui][tour]") {
    const ui::TourPlayer player(parse(kTwoStops));
    CHECK(player.duration() == Approx(4.0 + 2.0 + 5.0));
    CHECK(player.stopStart(1) == Approx(4.0));

    ui::TourFrame f = player.at(0.0);
    CHECK(f.stop == 0);
    CHECK(f.camera.eye.x == Approx(1631.0f));
    CHECK(f.captionAlpha == 0.0f);  // fading in
    CHECK(player.at(0.3).captionAlpha == Approx(0.5f));
    CHECK(player.at(2.0).captionAlpha == 1.0f);
    CHECK(player.at(3.7).captionAlpha == Approx(0.5f));  // fading out before the next stop

    f = player.at(5.0);  // halfway through the flight to stop 1
    CHECK(f.stop == 1);
    CHECK(f.active->phase == 4);
    CHECK(f.camera.eye.x == Approx((1631.0f + 0.0f) / 2.0f));
    CHECK(f.captionAlpha == 0.0f);  // no caption while flying
    CHECK(f.simTime == Approx(*twin::parseIsoUtc("2026-07-15T20:00") + 600.0));

    f = player.at(6.0);  // arrived
    CHECK(f.camera.eye.x == Approx(0.0f));
    CHECK(f.caption == "Second");
    f = player.at(100.0);  // the end: the last stop and its caption are held
    CHECK(f.finished);
    CHECK(f.stop == 1);
    CHECK(f.captionAlpha == 1.0f);
    CHECK(f.camera.target.x == Approx(100.0f));

    // Looping wraps around.
    CHECK(player.looped(player.duration() + 0.5).stop == 0);
    CHECK_FALSE(player.looped(player.duration() * 3.5).finished);
}

TEST_CASE("the shipped Abilene tour loads and tells the story in order", "[ui][tour]") {
    const ui::TourResult r = ui::loadTour(std::string(CT_SCENARIO_DIR) + "/abilene_tour.json", ct::test::abilene());
    INFO(r.error);
    REQUIRE(r.tour);
    CHECK(r.tour->stops.size() >= 5);
    CHECK(r.tour->stops.front().phase == 1);
    const ui::TourPlayer player(*r.tour);
    CHECK(player.duration() > 20.0);
    CHECK(player.duration() < 120.0);
}

TEST_CASE("captions are drawn: text lightens a darkened band at the bottom", "[ui][tour][caption]") {
    if (!std::filesystem::exists(ui::defaultCaptionFont())) {
        WARN("fonts-dejavu-core is not installed: skipped");
        return;
    }
    ui::CaptionRaster captions(ui::defaultCaptionFont());
    const std::uint32_t w = 320, h = 180;
    std::vector<std::uint8_t> image(w * h * 4, 128);
    std::vector<std::uint8_t> blank = image;
    captions.draw(blank, w, h, "Hello", 0.0f);
    CHECK(blank == image);  // invisible at alpha 0
    captions.draw(image, w, h, "Phase 1: two buildings", 1.0f);
    int bright = 0, dark = 0;
    for (std::uint32_t y = 0; y < h; ++y)
        for (std::uint32_t x = 0; x < w; ++x) {
            const std::uint8_t v = image[(y * w + x) * 4];
            if (v > 200) ++bright;
            if (v < 100) ++dark;
            if (y < h / 2) CHECK(v == 128);  // the top half is untouched
        }
    CHECK(bright > 30);
    CHECK(dark > 1000);
    CHECK(captions.wrap("one two three four five six seven eight", 20.0f, 100.0f).size() > 2);
}
