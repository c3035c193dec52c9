// The campus window's screenshot end to end under Xvfb (tag [.xvfb]; ctest runs it under Xvfb, or skips it, without a
// display): a screenshot larger than the window is asked for through the command the export panel and F12 issue,
// rendered in forced tiles between two frames; the PNG has the size asked for and shows the campus (sky at the top, a
// varied middle), the window goes on at its own size, and the validation layer says nothing.
#include "campus/campus_window.h"
#include "render/image_file.h"
#include "support/abilene_scenario.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>

namespace {

namespace fs = std::filesystem;

glm::vec3 meanColor(const ct::render::RgbaImage& image, std::uint32_t y0, std::uint32_t y1) {
    glm::dvec3 sum(0.0);
    for (std::uint32_t y = y0; y < y1; ++y)
        for (std::uint32_t x = 0; x < image.width; ++x) {
            const std::size_t i = (static_cast<std::size_t>(y) * image.width + x) * 4;
            sum += glm::dvec3(image.rgba[i], image.rgba[i + 1], image.rgba[i + 2]);
        }
    return glm::vec3(sum / static_cast<double>((y1 - y0) * image.width));
}

}  // namespace

TEST_CASE("a screenshot from the campus window is rendered at the size asked for", "[window][.xvfb][export]") {
    // Hidden ([.xvfb]): run by ctest as campus_window_export_under_xvfb, which gives it a display or reports it
    // skipped.
    REQUIRE(ct::window::displayAvailable());
    setenv("CT_TILE_SIZE", "400", 1);  // 960 x 540 in 3 x 2 tiles of 320 x 270, none the window's size
    ct::campus::LiveCampus live(ct::twin::Scenario(ct::test::abilene()));
    ct::campus::CampusWindow window(live, {.persistSettings = false});
    ct::campus::CampusSession& session = window.session();

    const fs::path dir = fs::path(CT_TEST_OUTPUT_DIR) / "window_export";
    fs::remove_all(dir);
    constexpr int kAskAt = 3;
    int exportedAt = -1;
    bool sawPending = false;
    ct::window::ViewerHooks hooks = window.hooks();
    auto beforeFrame = hooks.beforeFrame;
    hooks.beforeFrame = [&](ct::window::FrameControl& frame, ct::render::Renderer& renderer) {
        if (frame.framesPresented == kAskAt) session.requestScreenshot({960, 540, dir.string()});
        beforeFrame(frame, renderer);
        const ct::ui::ScreenshotStatus status = session.view(true, 0.0f, 1.0f).screenshot;
        sawPending |= status.pending;
        if (exportedAt < 0 && (!status.path.empty() || !status.error.empty())) exportedAt = frame.framesPresented;
        if (exportedAt >= 0 && frame.framesPresented >= exportedAt + 3) frame.close = true;
    };

    ct::window::ViewerOptions viewer;
    viewer.title = "test_window_export";
    viewer.width = 400;
    viewer.height = 240;
    viewer.validate = true;
    viewer.maxFrames = 40;
    viewer.hooks = hooks;
    const auto camera = session.startCamera(400.0f / 240.0f);
    const auto result = ct::window::runViewer(session.campus().scene, camera, session.lighting(), viewer);
    unsetenv("CT_TILE_SIZE");

    const ct::ui::ScreenshotStatus status = session.view(true, 0.0f, 1.0f).screenshot;
    INFO("error: " << status.error);
    REQUIRE(status.error.empty());
    REQUIRE(!status.path.empty());
    CHECK(sawPending);
    CHECK(exportedAt > kAskAt);                       // announced first, rendered on a later frame
    CHECK(result.framesPresented >= exportedAt + 3);  // and the window went on
    CHECK(result.finalWidth == 400);                  // at its own size
    CHECK(result.finalHeight == 240);
    CHECK(result.validation.total() == 0);
    CHECK(fs::path(status.path).parent_path() == fs::absolute(dir));

    ct::render::RgbaImage png;
    REQUIRE(ct::render::readPng(status.path, png).empty());
    REQUIRE(png.width == 960);
    REQUIRE(png.height == 540);
    // At the top the plain lies tens of kilometres off and fades into the air's haze (the
    // atmosphere's aerial perspective): bluer and no darker than the near ground at the bottom,
    // with no edge where the terrain ends.
    const glm::vec3 far = meanColor(png, 0, 20);
    const glm::vec3 near = meanColor(png, 520, 540);
    INFO("far " << far.r << " " << far.g << " " << far.b << ", near " << near.r << " " << near.g << " " << near.b);
    CHECK(far.b / far.r > near.b / near.r + 0.03f);
    CHECK(far.r + far.g + far.b >= near.r + near.g + near.b);
    CHECK(far.b > 100.0f);
    // The campus in the middle: the ground and buildings on it, not a blank or uniform band.
    std::map<std::uint32_t, std::size_t> colours;  // 5 bits per channel -> pixels
    std::size_t pixels = 0;
    for (std::uint32_t y = 180; y < 460; ++y)
        for (std::uint32_t x = 0; x < png.width; ++x, ++pixels) {
            const std::size_t i = (static_cast<std::size_t>(y) * png.width + x) * 4;
            ++colours[(png.rgba[i] >> 3) << 10 | (png.rgba[i + 1] >> 3) << 5 | (png.rgba[i + 2] >> 3)];
        }
    std::size_t mostCommon = 0;
    for (const auto& [colour, count] : colours)
        mostCommon = std::max(mostCommon, count);
    INFO("distinct colours in the middle: " << colours.size() << ", the most common on " << mostCommon << " of "
                                            << pixels << " pixels");
    CHECK(colours.size() > 30);
    CHECK(mostCommon < pixels * 95 / 100);
    const glm::vec3 middle = meanColor(png, 180, 460);
    CHECK(glm::length(middle - far) > 5.0f);  // not all haze either
}
