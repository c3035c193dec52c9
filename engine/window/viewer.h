// The windowed viewer: a GLFW window presenting the same Renderer that renders headless.
// Each frame the renderer draws into its offscreen targets, and the colour target is blitted to
// the acquired swapchain image. Handles resize, minimise (rendering pauses while the framebuffer
// is zero-sized) and out-of-date or suboptimal swapchains. Orbit and fly cameras:
//   left drag: orbit around the target    right drag / WASD+QE: fly (F toggles fly mode)
//   wheel: dolly                          middle drag: pan        Home: frame the scene
//   C: cycle the scene's glTF cameras     left click: print the picked node
//
// GLFW needs a display: never call this on a headless path (check displayAvailable() first).
#pragma once

#include "render/camera.h"
#include "render/lighting.h"
#include "scene/scene.h"
#include "vk/context.h"

#include <cstdint>
#include <string>

namespace ct::window {

// True when an X11 or Wayland display is named in the environment.
bool displayAvailable();

struct ViewerOptions {
    std::string title = "Campus Twin";
    std::uint32_t width = 1280;
    std::uint32_t height = 720;
    bool validate = false;
    int device = -1;
    bool vsync = true;
    int maxFrames = 0;  // > 0: close after this many presented frames (tests, demos)
    // Tests: after `resizeAtFrame` frames, resize the window to resizeWidth x resizeHeight.
    int resizeAtFrame = -1;
    std::uint32_t resizeWidth = 0;
    std::uint32_t resizeHeight = 0;
    // Tests: after `pickAtFrame` frames, pick framebuffer pixel (pickX, pickY) as a click would.
    int pickAtFrame = -1;
    std::uint32_t pickX = 0;
    std::uint32_t pickY = 0;
};

struct ViewerResult {
    int framesPresented = 0;
    int swapchainBuilds = 0;  // 1 + the number of recreations
    vk::ValidationCounts validation;
    std::uint32_t finalWidth = 0;  // the renderer's extent when the window closed
    std::uint32_t finalHeight = 0;
    int picks = 0;             // picks answered (clicks, or pickAtFrame)
    int lastPickedNode = -1;   // the last answer: node index, -1 for nothing
    int lastPickedInstance = -1;
};

ViewerResult runViewer(const scene::Scene& scene, const render::Camera& initialCamera,
                       const render::Lighting& lighting, const ViewerOptions& options);

}  // namespace ct::window
