#include "ui/imgui_layer.h"

#include "vk/check.h"
#include "vk/descriptor_pool.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>
#include <imgui.h>

#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace ct::ui {

namespace {

float toLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

bool isSrgb(VkFormat format) {
    return format == VK_FORMAT_B8G8R8A8_SRGB || format == VK_FORMAT_R8G8B8A8_SRGB ||
           format == VK_FORMAT_A8B8G8R8_SRGB_PACK32;
}

void checkVkResult(VkResult result) {
    if (result != VK_SUCCESS) throw vk::VulkanError("ImGui Vulkan backend", result, __FILE__, __LINE__);
}

vk::Unique<VkRenderPass> createOverlayPass(vk::Context& context, VkFormat format) {
    VkAttachmentDescription color{};
    color.format = format;
    color.samples = VK_SAMPLE_COUNT_1_BIT;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;  // the scene is already there
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    color.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    color.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    color.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;  // the viewer moves it to PRESENT_SRC
    VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkSubpassDescription subpass{};
    subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
    subpass.colorAttachmentCount = 1;
    subpass.pColorAttachments = &ref;
    // The viewer's barrier already orders the blit before this pass; this states the same for
    // the pass's own load.
    VkSubpassDependency dependency{};
    dependency.srcSubpass = VK_SUBPASS_EXTERNAL;
    dependency.dstSubpass = 0;
    dependency.srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    dependency.dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    dependency.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    dependency.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    VkRenderPassCreateInfo info{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
    info.attachmentCount = 1;
    info.pAttachments = &color;
    info.subpassCount = 1;
    info.pSubpasses = &subpass;
    info.dependencyCount = 1;
    info.pDependencies = &dependency;
    VkRenderPass pass = VK_NULL_HANDLE;
    VK_CHECK(vkCreateRenderPass(context.device(), &info, nullptr, &pass));
    return context.own(pass, vkDestroyRenderPass, "imgui overlay pass");
}

vk::Unique<VkDescriptorPool> createPool(vk::Context& context) {
    // The 1.86 backend needs one combined image sampler (the font atlas); a few spare.
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 8}};
    return vk::makeDescriptorPool(context, sizes, 8, "imgui", VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT);
}

// ImGui's dark style, a little rounder and more opaque so panels read over a bright sky.
void applyStyle(float scale, bool linearise) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.Colors[ImGuiCol_WindowBg].w = 0.90f;
    style.ScaleAllSizes(scale);
    if (linearise)
        for (ImVec4& color : style.Colors)
            color = srgbToLinear(color);
}

}  // namespace

ImVec4 srgbToLinear(ImVec4 color) {
    return {toLinear(color.x), toLinear(color.y), toLinear(color.z), color.w};
}

ImU32 srgbToLinearU32(ImVec4 color) {
    return ImGui::ColorConvertFloat4ToU32(srgbToLinear(color));
}

ImGuiLayer::ImGuiLayer(GLFWwindow* window, vk::Context& context, const window::SwapchainInfo& swapchain,
                       const ImGuiLayerOptions& options)
    : context_(context),
      scale_(options.scale),
      srgbTarget_(isSrgb(swapchain.format)),
      iniFile_(options.iniFile.string()) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imguiContext_ = Undo([] { ImGui::DestroyContext(); });
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = iniFile_.empty() ? nullptr : iniFile_.c_str();
    if (!options.fontFile.empty() && std::filesystem::exists(options.fontFile))
        io.Fonts->AddFontFromFileTTF(options.fontFile.string().c_str(), options.fontPixels * scale_);
    else
        io.FontGlobalScale = scale_;  // the built-in font is a bitmap: scaled, blurry, but legible
    applyStyle(scale_, srgbTarget_);

    renderPass_ = createOverlayPass(context, swapchain.format);
    pool_ = createPool(context);
    createFramebuffers(swapchain);

    // Installs its callbacks chained to the ones already there (the camera's).
    ImGui_ImplGlfw_InitForVulkan(window, true);
    glfwBackend_ = Undo([] { ImGui_ImplGlfw_Shutdown(); });
    ImGui_ImplVulkan_InitInfo info{};
    info.Instance = context.instance();
    info.PhysicalDevice = context.physicalDevice();
    info.Device = context.device();
    info.QueueFamily = context.queueFamily();
    info.Queue = context.queue();
    info.DescriptorPool = pool_.get();
    info.Subpass = 0;
    info.MinImageCount = std::max(2u, swapchain.minImageCount);
    info.ImageCount = std::max(info.MinImageCount, static_cast<std::uint32_t>(swapchain.views.size()));
    info.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
    info.CheckVkResultFn = checkVkResult;
    if (!ImGui_ImplVulkan_Init(&info, renderPass_.get())) throw std::runtime_error("ImGui Vulkan backend init failed");
    vulkanBackend_ = Undo([] { ImGui_ImplVulkan_Shutdown(); });
    if (options.afterBackendsInit) options.afterBackendsInit();
    context.runOnce([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
    ImGui_ImplVulkan_DestroyFontUploadObjects();
}

// The members undo the construction: the Vulkan backend, the GLFW backend (the window's
// callbacks back), the framebuffers, pool and pass, then the ImGui context.
ImGuiLayer::~ImGuiLayer() = default;

ImGuiLayer::Undo& ImGuiLayer::Undo::operator=(Undo&& other) noexcept {
    if (this != &other) {
        if (undo_) undo_();
        undo_ = std::exchange(other.undo_, nullptr);
    }
    return *this;
}

ImGuiLayer::Undo::~Undo() {
    if (undo_) undo_();
}

void ImGuiLayer::createFramebuffers(const window::SwapchainInfo& swapchain) {
    framebuffers_.clear();
    for (std::size_t i = 0; i < swapchain.views.size(); ++i) {
        VkFramebufferCreateInfo info{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
        info.renderPass = renderPass_.get();
        info.attachmentCount = 1;
        info.pAttachments = &swapchain.views[i];
        info.width = swapchain.extent.width;
        info.height = swapchain.extent.height;
        info.layers = 1;
        VkFramebuffer framebuffer = VK_NULL_HANDLE;
        VK_CHECK(vkCreateFramebuffer(context_.device(), &info, nullptr, &framebuffer));
        framebuffers_.push_back(
            context_.own(framebuffer, vkDestroyFramebuffer, "imgui framebuffer " + std::to_string(i)));
    }
}

void ImGuiLayer::swapchainRecreated(const window::SwapchainInfo& swapchain) {
    // The format stays what the surface offered first, so the render pass stays compatible.
    ImGui_ImplVulkan_SetMinImageCount(std::max(2u, swapchain.minImageCount));
    createFramebuffers(swapchain);
}

void ImGuiLayer::newFrame() {
    ImGui_ImplVulkan_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    rendered_ = false;
}

void ImGuiLayer::endFrame() {
    ImGui::Render();
    rendered_ = true;
}

void ImGuiLayer::record(VkCommandBuffer cmd, std::uint32_t imageIndex, VkExtent2D extent) {
    if (!rendered_ || imageIndex >= framebuffers_.size()) return;
    VkRenderPassBeginInfo begin{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
    begin.renderPass = renderPass_.get();
    begin.framebuffer = framebuffers_[imageIndex].get();
    begin.renderArea.extent = extent;
    vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
    ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
    vkCmdEndRenderPass(cmd);
}

bool ImGuiLayer::wantsMouse() const {
    return ImGui::GetIO().WantCaptureMouse;
}

bool ImGuiLayer::wantsKeyboard() const {
    return ImGui::GetIO().WantCaptureKeyboard;
}

}  // namespace ct::ui
