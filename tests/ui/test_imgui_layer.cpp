// ImGuiLayer in a real window (tag [.xvfb]; ctest runs it under Xvfb as imgui_layer_under_xvfb,
// or reports it skipped): a construction that fails after both backends are up undoes every
// step (no ImGui context left, the window's callbacks handed back), so a second layer can be
// built on the same window and draws a frame with validation clean.
#include "ui/imgui_layer.h"

#include "render/camera.h"
#include "scene/load_gltf.h"
#include "window/viewer.h"

#include <catch2/catch.hpp>

#include <stdexcept>

TEST_CASE("an ImGui layer whose construction fails part-way undoes every step", "[window][.xvfb]") {
    // Hidden ([.xvfb]): run by ctest as imgui_layer_under_xvfb, which gives it a display or reports it skipped.
    REQUIRE(ct::window::displayAvailable());
    auto loaded = ct::scene::loadGltf(CT_TEST_DATA_DIR "/lit_cube.gltf");
    REQUIRE(loaded.ok());

    bool failedAsForced = false;
    bool contextGoneAfterFailure = false;
    int framesDrawn = 0;
    std::unique_ptr<ct::ui::ImGuiLayer> layer;
    ct::window::ViewerOptions options;
    options.title = "test_imgui_layer";
    options.width = 320;
    options.height = 240;
    options.validate = true;
    options.maxFrames = 3;
    options.hooks.onInit = [&](GLFWwindow* window, ct::vk::Context& context, ct::render::Renderer&,
                               const ct::window::SwapchainInfo& info) {
        ct::ui::ImGuiLayerOptions forced;
        forced.afterBackendsInit = [] { throw std::runtime_error("forced failure after the backends"); };
        try {
            ct::ui::ImGuiLayer failing(window, context, info, forced);
        } catch (const std::runtime_error& e) {
            failedAsForced = std::string(e.what()) == "forced failure after the backends";
        }
        contextGoneAfterFailure = ImGui::GetCurrentContext() == nullptr;
        // Had the GLFW backend stayed installed, ImGui would assert here ("already initialized").
        layer = std::make_unique<ct::ui::ImGuiLayer>(window, context, info, ct::ui::ImGuiLayerOptions{});
    };
    options.hooks.beforeFrame = [&](ct::window::FrameControl&, ct::render::Renderer&) {
        layer->newFrame();
        ImGui::Begin("test");
        ImGui::Text("frame %d", framesDrawn);
        ImGui::End();
        layer->endFrame();
    };
    options.hooks.recordOverlay = [&](VkCommandBuffer cmd, std::uint32_t imageIndex, VkImage, VkExtent2D extent) {
        layer->record(cmd, imageIndex, extent);
        ++framesDrawn;
    };
    options.hooks.onSwapchainRecreated = [&](const ct::window::SwapchainInfo& info) { layer->swapchainRecreated(info); };
    options.hooks.onShutdown = [&] { layer.reset(); };
    const auto camera = ct::render::frameBounds(loaded.scene->bounds, 320.0f / 240.0f);
    const auto result = ct::window::runViewer(*loaded.scene, camera, ct::render::Lighting{}, options);

    CHECK(failedAsForced);
    CHECK(contextGoneAfterFailure);
    CHECK(result.framesPresented == 3);
    CHECK(framesDrawn == 3);
    CHECK(result.validation.total() == 0);
}
