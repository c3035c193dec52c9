// The windowed viewer: a GLFW window presenting the same Renderer that renders headless.
// Each frame the renderer draws into its offscreen targets, and the colour target is blitted to
// the acquired swapchain image. Handles resize, minimise (rendering pauses while the framebuffer
// is zero-sized) and out-of-date or suboptimal swapchains. Orbit, fly and walk cameras:
//   left drag: orbit around the target    right drag / WASD+QE: fly (F toggles fly mode)
//   G: walk mode (toggles; WASD walks at eye height, drag looks)    Shift: move faster
//   wheel: dolly                          middle drag: pan        Home: frame the scene
//   C: cycle the scene's glTF cameras     left click: print the picked node
//
// GLFW needs a display: never call this on a headless path (check displayAvailable() first).
//
// ViewerHooks let an application (the campus UI) live inside the loop without the engine knowing
// it: it is told when the window and swapchain exist, may change camera, light, scene and
// overlay before each frame, records its own drawing over the blitted image, hears about picks,
// and can claim the mouse and keyboard so the camera ignores input it consumed. With no hooks
// set the viewer behaves exactly as before.
#pragma once

#include "render/camera.h"
#include "render/frame_report.h"
#include "render/lighting.h"
#include "render/render_quality.h"
#include "scene/scene.h"
#include "vk/context.h"
#include "window/camera_mode.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace ct::render {
class Renderer;
}

namespace ct::window {

// True when an X11 or Wayland display is named in the environment.
bool displayAvailable();

// What the swapchain looks like, for hooks that draw into its images.
struct SwapchainInfo {
    VkFormat format = VK_FORMAT_UNDEFINED;
    std::uint32_t minImageCount = 2;
    std::vector<VkImageView> views;  // one per swapchain image, index = Acquired::imageIndex
    VkExtent2D extent{};
};

// One frame as the hooks see it before it is recorded.
struct FrameControl {
    double dt = 0.0;                 // wall-clock seconds since the previous frame
    int framesPresented = 0;         // so far
    render::Camera camera;           // in: the camera controller's; out: what to draw (adopted by the controller)
    render::Lighting lighting;       // in: last frame's; out: this frame's
    std::optional<glm::uvec2> pick;  // out: read the node id under this framebuffer pixel (-> onPick)
    bool close = false;              // out: end the loop after this frame
    // in: the camera controller's mode (keys may have changed it); out: the mode wanted, applied
    // before `camera` is adopted (entering walk mode puts the eye down on the ground).
    CameraMode cameraMode = CameraMode::Orbit;
    // in: where the frames' time went over the last half second (means; null until the first
    // frames are timed) and the device memory now held: for a statistics panel.
    const render::FrameReport* frameStats = nullptr;
    vk::AllocatorStats memory;
};

struct ViewerHooks {
    std::function<void(GLFWwindow*, vk::Context&, render::Renderer&, const SwapchainInfo&)> onInit;
    std::function<void(const SwapchainInfo&)> onSwapchainRecreated;
    // May call renderer.setScene / setGroundOverlay: the previous frame's resources stay alive
    // through the context's deletion queue.
    std::function<void(FrameControl&, render::Renderer&)> beforeFrame;
    // After the blit; `image` is in COLOR_ATTACHMENT_OPTIMAL and must be left so.
    using RecordOverlay =
        std::function<void(VkCommandBuffer, std::uint32_t imageIndex, VkImage image, VkExtent2D extent)>;
    RecordOverlay recordOverlay;
    std::function<void(int node, int instance)> onPick;  // node -1: nothing there
    std::function<bool()> wantsMouse;                    // true: the camera and picking ignore the mouse
    std::function<bool()> wantsKeyboard;                 // true: the camera ignores the keys
    // Before any Vulkan object of the viewer is destroyed (the device is idle).
    std::function<void()> onShutdown;
};

struct ViewerOptions {
    std::string title = "Campus Twin";
    std::uint32_t width = 1280;
    std::uint32_t height = 720;
    bool validate = false;
    int device = -1;
    render::InstanceCulling culling = render::InstanceCulling::Auto;
    bool vsync = true;
    int maxFrames = 0;        // > 0: close after this many presented frames (tests, demos)
    double maxSeconds = 0.0;  // > 0: close after this long (soak runs, kiosks)
    // --stats: every two seconds, where the frames' time went (render/frame_report.h) on stderr:
    // GPU milliseconds per pass (read once each frame slot comes round again), CPU per frame.
    bool printStats = false;
    // What the frame spends (render/render_quality.h); unset: draft on a CPU device, standard on
    // a GPU. Supersampling is for stills and video: the window takes the preset's MSAA and shadows.
    std::optional<render::QualityPreset> quality;
    // Tests: after `resizeAtFrame` frames, resize the window to resizeWidth x resizeHeight.
    int resizeAtFrame = -1;
    std::uint32_t resizeWidth = 0;
    std::uint32_t resizeHeight = 0;
    // Tests: after `pickAtFrame` frames, pick framebuffer pixel (pickX, pickY) as a click would.
    int pickAtFrame = -1;
    std::uint32_t pickX = 0;
    std::uint32_t pickY = 0;
    ViewerHooks hooks;
};

struct ViewerResult {
    int framesPresented = 0;
    int swapchainBuilds = 0;  // 1 + the number of recreations
    vk::ValidationCounts validation;
    std::uint32_t finalWidth = 0;  // the renderer's extent when the window closed
    std::uint32_t finalHeight = 0;
    int picks = 0;            // picks answered (clicks, or pickAtFrame)
    int lastPickedNode = -1;  // the last answer: node index, -1 for nothing
    int lastPickedInstance = -1;
};

ViewerResult runViewer(const scene::Scene& scene, const render::Camera& initialCamera, const render::Lighting& lighting,
                       const ViewerOptions& options);

}  // namespace ct::window
