#include "window/viewer.h"

#include "render/data_dir.h"
#include "render/frame_report.h"
#include "render/frame_ring.h"
#include "render/renderer.h"
#include "vk/check.h"
#include "window/camera_controller.h"
#include "window/pixel_picker.h"
#include "window/swapchain.h"
#include "window/window_input.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace ct::window {

namespace {

std::string glfwErrorText() {
    const char* description = nullptr;
    const int code = glfwGetError(&description);
    return description ? description : "GLFW error " + std::to_string(code);
}

// glfwInit .. glfwTerminate. Declared first in runViewer so it is torn down last, after the
// Context has destroyed the surface that belongs to the window.
struct GlfwLibrary {
    GlfwLibrary() {
        if (!glfwInit()) throw std::runtime_error("cannot initialise GLFW: " + glfwErrorText());
    }
    ~GlfwLibrary() { glfwTerminate(); }
    GlfwLibrary(const GlfwLibrary&) = delete;
    GlfwLibrary& operator=(const GlfwLibrary&) = delete;
};

struct DestroyWindow {
    void operator()(GLFWwindow* window) const { glfwDestroyWindow(window); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, DestroyWindow>;

WindowPtr createWindow(const ViewerOptions& options) {
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);  // Vulkan draws; no GL context
    GLFWwindow* window = glfwCreateWindow(static_cast<int>(options.width), static_cast<int>(options.height),
                                          options.title.c_str(), nullptr, nullptr);
    if (!window) throw std::runtime_error("cannot create a window: " + glfwErrorText());
    return WindowPtr(window);
}

vk::ContextOptions contextOptions(const ViewerOptions& options, GLFWwindow* window) {
    if (!glfwVulkanSupported()) throw std::runtime_error("GLFW finds no Vulkan loader: " + glfwErrorText());
    vk::ContextOptions out;
    out.validation = options.validate;
    out.deviceIndex = options.device;
    std::uint32_t count = 0;
    const char** names = glfwGetRequiredInstanceExtensions(&count);
    if (!names) throw std::runtime_error("GLFW cannot present with Vulkan here: " + glfwErrorText());
    out.instanceExtensions.assign(names, names + count);
    out.createSurface = [window](VkInstance instance) {
        VkSurfaceKHR surface = VK_NULL_HANDLE;
        VK_CHECK(glfwCreateWindowSurface(instance, window, nullptr, &surface));
        return surface;
    };
    return out;
}

VkExtent2D framebufferExtent(GLFWwindow* window) {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    return {static_cast<std::uint32_t>(std::max(width, 0)), static_cast<std::uint32_t>(std::max(height, 0))};
}

bool sameExtent(VkExtent2D a, VkExtent2D b) {
    return a.width == b.width && a.height == b.height;
}

// Copies the renderer's finished colour image (TRANSFER_SRC_OPTIMAL) into the acquired swapchain
// image and leaves that ready to present. Blit rather than copy: the two formats may differ in
// channel order (RGBA vs BGRA), which a blit converts.
// With an overlay hook, the image passes through COLOR_ATTACHMENT_OPTIMAL for it first.
void recordBlitToSwapchain(VkCommandBuffer cmd, const vk::Image& color, VkImage target, VkExtent2D targetExtent,
                           std::uint32_t imageIndex, const ViewerHooks::RecordOverlay& overlay) {
    // The acquire semaphore's wait covers the blit stage, so the layout change can start there.
    vk::transition(cmd, target, VK_IMAGE_ASPECT_COLOR_BIT,
                   {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_BLIT_BIT,
                    VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_BLIT_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});

    VkImageBlit2 region{VK_STRUCTURE_TYPE_IMAGE_BLIT_2};
    region.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.srcOffsets[1] = {static_cast<std::int32_t>(color.extent().width),
                            static_cast<std::int32_t>(color.extent().height), 1};
    region.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.dstOffsets[1] = {static_cast<std::int32_t>(targetExtent.width),
                            static_cast<std::int32_t>(targetExtent.height), 1};
    VkBlitImageInfo2 blit{VK_STRUCTURE_TYPE_BLIT_IMAGE_INFO_2};
    blit.srcImage = color.get();
    blit.srcImageLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    blit.dstImage = target;
    blit.dstImageLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    blit.regionCount = 1;
    blit.pRegions = &region;
    blit.filter = VK_FILTER_NEAREST;  // same size: an exact copy
    vkCmdBlitImage2(cmd, &blit);

    if (!overlay) {
        // Presentation needs no destination stage: the render-finished semaphore orders it.
        vk::transition(
            cmd, target, VK_IMAGE_ASPECT_COLOR_BIT,
            {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_PIPELINE_STAGE_2_BLIT_BIT,
             VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE});
        return;
    }
    // An overlay (the UI) draws over the copied frame as a colour attachment, then presents.
    vk::transition(
        cmd, target, VK_IMAGE_ASPECT_COLOR_BIT,
        {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_BLIT_BIT,
         VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
         VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
    overlay(cmd, imageIndex, target, targetExtent);
    vk::transition(cmd, target, VK_IMAGE_ASPECT_COLOR_BIT,
                   {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                    VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                    VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE});
}

void reportPick(const scene::Scene& scene, const PickResult& pick, ViewerResult& result, const ViewerHooks& hooks) {
    ++result.picks;
    result.lastPickedNode = pick.node;
    result.lastPickedInstance = pick.instance;
    if (hooks.onPick) {
        hooks.onPick(pick.node, pick.instance);
        return;  // the application shows the answer its own way
    }
    if (pick.node < 0 || pick.node >= static_cast<int>(scene.nodes.size())) {
        std::printf("picked nothing at %u,%u\n", pick.x, pick.y);
    } else {
        std::printf("picked node %d \"%s\" instance %d\n", pick.node, scene.nodes[pick.node].name.c_str(),
                    pick.instance);
    }
    std::fflush(stdout);
}

// Shows the frame rate in the title twice a second.
class FpsTitle {
public:
    FpsTitle(GLFWwindow* window, std::string title) : window_(window), title_(std::move(title)) {}
    void frameShown(VkExtent2D extent) {
        ++frames_;
        const auto now = Clock::now();
        const double seconds = std::chrono::duration<double>(now - since_).count();
        if (seconds < 0.5) return;
        char text[64];
        std::snprintf(text, sizeof(text), " - %.1f fps, %ux%u", frames_ / seconds, extent.width, extent.height);
        glfwSetWindowTitle(window_, (title_ + text).c_str());
        frames_ = 0;
        since_ = now;
    }

private:
    using Clock = std::chrono::steady_clock;
    GLFWwindow* window_;
    std::string title_;
    int frames_ = 0;
    Clock::time_point since_ = Clock::now();
};

SwapchainInfo swapchainInfo(const Swapchain& swapchain) {
    return {swapchain.format(), swapchain.imageCount(), swapchain.views(), swapchain.extent()};
}

bool sameCamera(const render::Camera& a, const render::Camera& b) {
    return a.eye == b.eye && a.target == b.target && a.up == b.up && a.yfov == b.yfov && a.znear == b.znear &&
           a.zfar == b.zfar && a.orthographic == b.orthographic;
}

// Calls the shutdown hook on every way out of runViewer (an exception included), after the
// device is idle and before any of the viewer's Vulkan objects go.
class ShutdownGuard {
public:
    ShutdownGuard(vk::Context& context, const ViewerHooks& hooks) : context_(context), hooks_(hooks) {}
    ~ShutdownGuard() {
        if (!hooks_.onShutdown) return;
        context_.waitIdle();
        hooks_.onShutdown();
    }
    ShutdownGuard(const ShutdownGuard&) = delete;
    ShutdownGuard& operator=(const ShutdownGuard&) = delete;

private:
    vk::Context& context_;
    const ViewerHooks& hooks_;
};

}  // namespace

bool displayAvailable() {
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
        const char* value = std::getenv(name);
        if (value && *value) return true;
    }
    return false;
}

ViewerResult runViewer(const scene::Scene& scene, const render::Camera& initialCamera, const render::Lighting& lighting,
                       const ViewerOptions& options) {
    // Declaration order is destruction order reversed: everything Vulkan dies before the
    // Context, the Context (which destroys the surface) before the window, the window before
    // glfwTerminate.
    GlfwLibrary glfw;
    WindowPtr window = createWindow(options);
    vk::Context context(contextOptions(options, window.get()));

    VkExtent2D builtFor = framebufferExtent(window.get());
    const render::RenderQuality quality =
        render::renderQuality(options.quality.value_or(render::defaultPreset(context.properties().deviceType)));
    render::RendererOptions rendering = render::rendererOptions(quality, builtFor);
    rendering.culling = options.culling;
    render::Renderer renderer(context, render::shaderDir(), rendering);
    // A cut from a day view to a night one eases, as an eye or a camera does.
    renderer.setExposureAdaptation(render::Renderer::kExposureAdaptation_s);
    if (options.printStats)
        std::fprintf(stderr, "quality: %s (%u sample%s per pixel)\n", render::presetName(quality.preset),
                     static_cast<unsigned>(renderer.samples()), renderer.samples() == 1 ? "" : "s");
    renderer.setScene(scene);
    render::FrameRing ring(context);
    const auto opened = std::chrono::steady_clock::now();
    Swapchain swapchain(
        context, {.extent = builtFor, .vsync = options.vsync, .framesInFlight = render::FrameRing::kFramesInFlight});
    renderer.resize(swapchain.extent());
    PixelPicker picker(context);
    CameraController controller(scene, initialCamera);
    WindowInput input(window.get(), controller);
    FpsTitle title(window.get(), options.title);
    const ViewerHooks& hooks = options.hooks;
    input.setCaptureQueries(hooks.wantsMouse, hooks.wantsKeyboard);
    // After WindowInput: a UI that installs GLFW callbacks chains to the camera's.
    if (hooks.onInit) hooks.onInit(window.get(), context, renderer, swapchainInfo(swapchain));
    const ShutdownGuard shutdown(context, hooks);
    render::Lighting light = lighting;

    ViewerResult result;
    bool stale = false;  // the swapchain no longer matches the surface
    auto lastFrame = std::chrono::steady_clock::now();
    // Frame statistics: printed every kPrintEvery_s with --stats; for a panel, the last
    // kShowEvery_s's, handed to beforeFrame.
    constexpr double kPrintEvery_s = 2.0;
    constexpr double kShowEvery_s = 0.5;
    render::FrameReport printed;
    render::FrameReport showing;
    render::FrameReport shown;
    std::array<render::FrameStats, render::FrameRing::kFramesInFlight> recorded{};  // per frame slot
    auto printedSince = lastFrame;
    auto showingSince = lastFrame;
    while (!glfwWindowShouldClose(window.get())) {
        glfwPollEvents();
        const VkExtent2D size = framebufferExtent(window.get());
        if (size.width == 0 || size.height == 0) {  // minimised: nothing to draw into
            glfwWaitEvents();
            continue;
        }
        // Comparing with the size the swapchain was built for (not its extent) never rebuilds
        // every frame where the surface reports a size of its own.
        if (input.takeResized() || stale || !sameExtent(size, builtFor)) {
            swapchain.recreate(size);
            renderer.resize(swapchain.extent());
            builtFor = size;
            stale = false;
            if (hooks.onSwapchainRecreated) hooks.onSwapchainRecreated(swapchainInfo(swapchain));
        }

        const auto now = std::chrono::steady_clock::now();
        const float dt = std::chrono::duration<float>(now - lastFrame).count();
        input.update(dt);
        lastFrame = now;
        if (const auto click = input.takeClick()) picker.request(click->x, click->y);
        bool closeAfter = false;
        if (hooks.beforeFrame) {
            const render::Camera before = controller.camera();
            FrameControl control{dt, result.framesPresented, before, light, std::nullopt, false, controller.mode()};
            control.frameStats = shown.frames() > 0 ? &shown : nullptr;
            control.memory = context.allocator().stats();
            hooks.beforeFrame(control, renderer);
            if (control.cameraMode != controller.mode()) controller.setMode(control.cameraMode);
            if (!sameCamera(control.camera, before)) controller.setCamera(control.camera);
            light = control.lighting;
            if (control.pick) picker.request(control.pick->x, control.pick->y);
            closeAfter = control.close;
        }

        render::Frame& frame = ring.begin();
        {
            // The slot's previous frame has completed: its pass times (and GPU-culled counts) are in.
            render::FrameStats finished = recorded[frame.slot];
            renderer.completeStats(frame.slot, finished);
            if (!finished.passes.empty()) {
                printed.add(finished, 1000.0 * dt);
                showing.add(finished, 1000.0 * dt);
            }
            if (options.printStats && std::chrono::duration<double>(now - printedSince).count() >= kPrintEvery_s &&
                printed.frames() > 0) {
                std::fprintf(stderr, "%s\n", printed.report(context.allocator().stats()).c_str());
                printed = {};
                printedSince = now;
            }
            if (std::chrono::duration<double>(now - showingSince).count() >= kShowEvery_s && showing.frames() > 0) {
                shown = showing;
                showing = {};
                showingSince = now;
            }
        }
        const Acquired image = swapchain.acquire(frame.slot);
        if (image.status == SwapchainStatus::OutOfDate) {
            ring.submit(frame);  // empty: keeps the ring's bookkeeping simple
            stale = true;
            continue;
        }
        recorded[frame.slot] = renderer.record(frame, controller.camera(), light);
        picker.record(frame.cmd, renderer.idImage());
        recordBlitToSwapchain(frame.cmd, renderer.colorImage(), image.image, swapchain.extent(), image.imageIndex,
                              hooks.recordOverlay);
        const vk::Wait acquired{image.acquiredSemaphore, VK_PIPELINE_STAGE_2_BLIT_BIT};
        ring.submit(frame, {&acquired, 1}, {&image.renderFinishedSemaphore, 1});
        picker.submitted(frame.submittedValue);

        const SwapchainStatus presented = swapchain.present(image);
        if (presented != SwapchainStatus::OutOfDate) {
            ++result.framesPresented;
            title.frameShown(swapchain.extent());
        }
        if (presented != SwapchainStatus::Ok || image.status != SwapchainStatus::Ok) stale = true;

        if (const auto pick = picker.poll()) reportPick(scene, *pick, result, hooks);
        if (closeAfter) break;
        if (result.framesPresented == options.pickAtFrame) picker.request(options.pickX, options.pickY);
        if (result.framesPresented == options.resizeAtFrame)
            glfwSetWindowSize(window.get(), static_cast<int>(options.resizeWidth),
                              static_cast<int>(options.resizeHeight));
        if (options.maxFrames > 0 && result.framesPresented >= options.maxFrames) break;
        if (options.maxSeconds > 0.0 &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - opened).count() >= options.maxSeconds)
            break;
    }

    context.waitIdle();
    if (const auto pick = picker.poll()) reportPick(scene, *pick, result, hooks);
    result.swapchainBuilds = swapchain.builds();
    result.validation = context.validationCounts();
    result.finalWidth = renderer.extent().width;
    result.finalHeight = renderer.extent().height;
    return result;
}

}  // namespace ct::window
