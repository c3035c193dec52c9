// ImGuiLayer: Dear ImGui on the window's swapchain, through the stock 1.86 GLFW and Vulkan
// backends (compiled unmodified). Owns the ImGui context, a render pass that loads the blitted
// frame and draws over it (LOAD, COLOR_ATTACHMENT_OPTIMAL in and out), a framebuffer per
// swapchain image, and the backend's descriptor pool; framebuffers follow the swapchain.
//
//   ImGuiLayer layer(window, context, swapchainInfo, {.scale = 2.0f, .iniFile = path});
//   layer.newFrame();  ... panels ...  layer.endFrame();       // ViewerHooks::beforeFrame
//   layer.record(cmd, imageIndex, extent);                        // ViewerHooks::recordOverlay
//
// The swapchain is sRGB while ImGui's colours are authored for a gamma-space target, so the
// style's colours are linearised once here and panels pass their own through srgbToLinear().
#pragma once

#include "vk/context.h"
#include "window/viewer.h"

#include <imgui.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace ct::ui {

struct ImGuiLayerOptions {
    float scale = 1.0f;              // fonts and sizes: --ui-scale x the monitor's content scale
    std::filesystem::path fontFile;  // TrueType; empty: ImGui's built-in bitmap font
    float fontPixels = 15.0f;        // at scale 1
    std::filesystem::path iniFile;   // window positions; empty: none kept
    // Runs once both backends are initialised, before the font upload. Tests throw from it to
    // check that a construction failing there undoes every step; nothing else sets it.
    std::function<void()> afterBackendsInit;
};

// ImGui colours are sRGB-encoded values; an sRGB target encodes again, so convert first.
ImVec4 srgbToLinear(ImVec4 color);
ImU32 srgbToLinearU32(ImVec4 color);

class ImGuiLayer {
public:
    ImGuiLayer(GLFWwindow* window, vk::Context& context, const window::SwapchainInfo& swapchain,
               const ImGuiLayerOptions& options);
    ~ImGuiLayer();  // the device must be idle (ViewerHooks::onShutdown guarantees it)
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    void swapchainRecreated(const window::SwapchainInfo& swapchain);
    void newFrame();
    void endFrame();  // ImGui::Render: the draw data record() will use
    void record(VkCommandBuffer cmd, std::uint32_t imageIndex, VkExtent2D extent);

    bool wantsMouse() const;
    bool wantsKeyboard() const;
    float scale() const { return scale_; }
    bool linearTarget() const { return srgbTarget_; }  // colours must go through srgbToLinear()

private:
    // Undoes one construction step when destroyed. Members are destroyed in reverse order, also
    // when the constructor throws part-way, so exactly the steps done are undone, in reverse.
    class Undo {
    public:
        Undo() = default;
        explicit Undo(void (*undo)()) : undo_(undo) {}
        Undo(const Undo&) = delete;
        Undo& operator=(const Undo&) = delete;
        Undo& operator=(Undo&& other) noexcept;
        ~Undo();

    private:
        void (*undo_)() = nullptr;
    };

    void createFramebuffers(const window::SwapchainInfo& swapchain);

    vk::Context& context_;
    float scale_;
    bool srgbTarget_;
    std::string iniFile_;  // ImGui keeps the pointer: it must live as long as the context
    bool rendered_ = false;
    Undo imguiContext_;  // ImGui::DestroyContext, which writes the ini file: undone last
    vk::Unique<VkRenderPass> renderPass_;
    vk::Unique<VkDescriptorPool> pool_;
    std::vector<vk::Unique<VkFramebuffer>> framebuffers_;
    Undo glfwBackend_;    // gives the window its previous callbacks back
    Undo vulkanBackend_;  // the backend's pipeline, buffers and font texture: undone first
};

}  // namespace ct::ui
