// The tour exporter in tiles: `campus-twin tour --tile-size N` renders each frame as a grid of
// tiles, and its frames match the frames rendered whole; the MP4 has the size asked for.
#include "render/image_file.h"
#include "support/pixel_difference.h"
#include "tour_command.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;

ct::app::TourOptions shortTour(const fs::path& framesDir) {
    ct::app::TourOptions o;
    o.scenario = CT_SCENARIO_DIR "/abilene.json";
    o.tour = CT_SCENARIO_DIR "/abilene_tour.json";
    o.framesDir = framesDir.string();
    o.width = 160;
    o.height = 96;
    o.fps = 5;
    o.maxSeconds = 0.4;  // 2 frames
    return o;
}

std::string run(const std::string& command) {
    std::string output;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe))
            output += buffer;
        pclose(pipe);
    }
    return output;
}

}  // namespace

TEST_CASE("a tour rendered in tiles matches the tour rendered whole", "[tour][tiled]") {
    const fs::path dir = fs::path(CT_TEST_OUTPUT_DIR) / "tour_tiles";
    fs::remove_all(dir);
    const ct::app::GlobalOptions global{.validate = true};

    const ct::campus::Outcome whole = ct::app::runTour(global, shortTour(dir / "whole"));
    INFO((whole ? "" : whole.problem().message));
    REQUIRE(whole.ok());
    ct::app::TourOptions tiled = shortTour(dir / "tiled");
    tiled.tileSize = 64;  // 3 x 2 tiles of 54 x 48
    tiled.out = (dir / "tiled.mp4").string();
    const ct::campus::Outcome inTiles = ct::app::runTour(global, tiled);
    INFO((inTiles ? "" : inTiles.problem().message));
    REQUIRE(inTiles.ok());

    for (const char* name : {"frame_00000.png", "frame_00001.png"}) {
        ct::render::RgbaImage whole;
        ct::render::RgbaImage stitched;
        REQUIRE(ct::render::readPng(dir / "whole" / name, whole).empty());
        REQUIRE(ct::render::readPng(dir / "tiled" / name, stitched).empty());
        REQUIRE(stitched.width == 160);
        REQUIRE(stitched.height == 96);
        REQUIRE(stitched.rgba.size() == whole.rgba.size());
        const std::size_t differing =
            ct::test::compareImages(whole.rgba, stitched.rgba, 12, ct::test::Channels::Rgb).pixels;
        INFO(name << ": pixels differing by more than 12: " << differing);
        CHECK(differing < 160 * 96 / 100);  // < 1 %: seam pixels of a small, detailed image
    }
    CHECK_FALSE(fs::exists(dir / "tiled" / "frame_00002.png"));

    const std::string probe =
        run("ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=p=0 '" +
            (dir / "tiled.mp4").string() + "'");
    INFO("ffprobe: " << probe);
    CHECK(probe.rfind("160,96", 0) == 0);
}

TEST_CASE("the same tour frames rendered twice are identical, moving parts, clouds and plumes included",
          "[tour][determinism]") {
    const fs::path dir = fs::path(CT_TEST_OUTPUT_DIR) / "tour_determinism";
    fs::remove_all(dir);
    const ct::app::GlobalOptions global{.validate = true};
    // A day at Abilene's dawn, its clock at 300x: rotors turning, clouds drifting, gas plumes.
    const auto dayTour = [&](const char* run) {
        ct::app::TourOptions o = shortTour(dir / run);
        o.tour = CT_SCENARIO_DIR "/abilene_day_tour.json";
        o.maxSeconds = 0.6;  // 3 frames
        return o;
    };
    for (const char* run : {"first", "second"}) {
        const ct::campus::Outcome done = ct::app::runTour(global, dayTour(run));
        INFO((done ? "" : done.problem().message));
        REQUIRE(done.ok());
    }
    int differing = 0;
    for (const char* name : {"frame_00000.png", "frame_00001.png", "frame_00002.png"}) {
        ct::render::RgbaImage first;
        ct::render::RgbaImage second;
        REQUIRE(ct::render::readPng((dir / "first" / name).string(), first).empty());
        REQUIRE(ct::render::readPng((dir / "second" / name).string(), second).empty());
        CHECK(first.rgba == second.rgba);
        differing += first.rgba != second.rgba;
    }
    CHECK(differing == 0);
    // And the clock moves the picture: the frames are not all one.
    ct::render::RgbaImage a;
    ct::render::RgbaImage c;
    REQUIRE(ct::render::readPng((dir / "first" / "frame_00000.png").string(), a).empty());
    REQUIRE(ct::render::readPng((dir / "first" / "frame_00002.png").string(), c).empty());
    CHECK(a.rgba != c.rgba);
}
