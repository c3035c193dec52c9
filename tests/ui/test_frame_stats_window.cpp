// The frame statistics window (F3; ui/frame_stats_window.h): the viewer hands beforeFrame the
// last half second's means, and the window shows them. The window part runs under Xvfb (tag
// [.xvfb]; ctest runs it as frame_stats_window_under_xvfb, or reports it skipped).
#include "ui/frame_stats_window.h"
#include "ui/imgui_layer.h"

#include "render/camera.h"
#include "scene/load_gltf.h"
#include "window/viewer.h"

#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>

TEST_CASE("counts are grouped by thousands", "[ui]") {
    CHECK(ct::ui::groupThousands(0) == "0");
    CHECK(ct::ui::groupThousands(999) == "999");
    CHECK(ct::ui::groupThousands(1000) == "1,000");
    CHECK(ct::ui::groupThousands(529168) == "529,168");
    CHECK(ct::ui::groupThousands(11158776) == "11,158,776");
}

TEST_CASE("the viewer hands the frames' statistics to the window, which shows them", "[window][.xvfb]") {
    REQUIRE(ct::window::displayAvailable());
    auto loaded = ct::scene::loadGltf(CT_TEST_DATA_DIR "/lit_cube.gltf");
    REQUIRE(loaded.ok());

    std::unique_ptr<ct::ui::ImGuiLayer> layer;
    int framesWithout = 0;  // before the first half second was timed
    int framesWith = 0;
    double mainPassMs = 0.0;
    std::uint64_t mainTriangles = 0;
    std::uint64_t bytesInUse = 0;
    bool open = true;
    ImVec2 windowSize{0.0f, 0.0f};
    ct::window::ViewerOptions options;
    options.title = "test_frame_stats_window";
    options.width = 480;
    options.height = 360;
    options.validate = true;
    options.maxSeconds = 2.5;
    options.hooks.onInit = [&](GLFWwindow* window, ct::vk::Context& context, ct::render::Renderer&,
                               const ct::window::SwapchainInfo& info) {
        layer = std::make_unique<ct::ui::ImGuiLayer>(window, context, info, ct::ui::ImGuiLayerOptions{});
    };
    options.hooks.beforeFrame = [&](ct::window::FrameControl& frame, ct::render::Renderer&) {
        layer->newFrame();
        if (frame.frameStats) {
            ++framesWith;
            const auto passes = frame.frameStats->meanPasses();
            const auto main =
                std::find_if(passes.begin(), passes.end(), [](const auto& p) { return p.name == "main"; });
            if (main != passes.end()) mainPassMs = main->ms;
            mainTriangles = frame.frameStats->last().mainTriangles;
            bytesInUse = frame.memory.bytesInUse;
            ct::ui::drawFrameStatsWindow(*frame.frameStats, frame.memory, &open);
        } else {
            ++framesWithout;
        }
        layer->endFrame();
        if (ImGuiWindow* shown = ImGui::FindWindowByName("Frame statistics (F3)")) windowSize = shown->Size;
    };
    options.hooks.recordOverlay = [&](VkCommandBuffer cmd, std::uint32_t imageIndex, VkImage, VkExtent2D extent) {
        layer->record(cmd, imageIndex, extent);
    };
    options.hooks.onSwapchainRecreated = [&](const ct::window::SwapchainInfo& info) {
        layer->swapchainRecreated(info);
    };
    options.hooks.onShutdown = [&] { layer.reset(); };
    const auto camera = ct::render::frameBounds(loaded.scene->bounds, 480.0f / 360.0f);
    const auto result = ct::window::runViewer(*loaded.scene, camera, ct::render::Lighting{}, options);

    INFO("frames without statistics " << framesWithout << ", with " << framesWith);
    CHECK(framesWithout > 0);  // nothing to show before the first frames were timed
    CHECK(framesWith > 0);
    CHECK(mainPassMs > 0.0);
    CHECK(mainTriangles == 12);  // the cube, as submitted
    CHECK(bytesInUse > 0);
    CHECK(open);
    CHECK(windowSize.x > 100.0f);  // laid out, with its lines in it
    CHECK(windowSize.y > 100.0f);
    CHECK(result.validation.total() == 0);
}
