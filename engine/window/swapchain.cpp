#include "window/swapchain.h"

#include "vk/check.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ct::window {

namespace {

VkSurfaceFormatKHR chooseFormat(VkPhysicalDevice physicalDevice, VkSurfaceKHR surface) {
    std::uint32_t count = 0;
    VK_CHECK(vkGetPhysicalDeviceSurfaceFormatsKHR(physicalDevice, surface, &count, nullptr));
    std::vector<VkSurfaceFormatKHR> formats(count);
    VK_CHECK(vkGetPhysicalDeviceSurfaceFormatsKHR(physicalDevice, surface, &count, formats.data()));
    if (formats.empty()) throw std::runtime_error("the window surface offers no image formats");
    // An sRGB format makes the blit of the renderer's sRGB colour image a plain copy of values.
    for (VkFormat wanted : {VK_FORMAT_B8G8R8A8_SRGB, VK_FORMAT_R8G8B8A8_SRGB}) {
        for (const VkSurfaceFormatKHR& f : formats)
            if (f.format == wanted && f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) return f;
    }
    return formats.front();
}

VkPresentModeKHR choosePresentMode(VkPhysicalDevice physicalDevice, VkSurfaceKHR surface, bool vsync) {
    if (vsync) return VK_PRESENT_MODE_FIFO_KHR;  // always supported
    std::uint32_t count = 0;
    VK_CHECK(vkGetPhysicalDeviceSurfacePresentModesKHR(physicalDevice, surface, &count, nullptr));
    std::vector<VkPresentModeKHR> modes(count);
    VK_CHECK(vkGetPhysicalDeviceSurfacePresentModesKHR(physicalDevice, surface, &count, modes.data()));
    for (VkPresentModeKHR wanted : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR}) {
        if (std::find(modes.begin(), modes.end(), wanted) != modes.end()) return wanted;
    }
    return VK_PRESENT_MODE_FIFO_KHR;
}

VkExtent2D chooseExtent(const VkSurfaceCapabilitiesKHR& caps, VkExtent2D requested) {
    // 0xFFFFFFFF means the surface takes its size from the swapchain (e.g. Wayland).
    if (caps.currentExtent.width != UINT32_MAX) return caps.currentExtent;
    return {std::clamp(requested.width, caps.minImageExtent.width, caps.maxImageExtent.width),
            std::clamp(requested.height, caps.minImageExtent.height, caps.maxImageExtent.height)};
}

vk::Unique<VkSemaphore> makeSemaphore(vk::Context& context, const std::string& name) {
    VkSemaphoreCreateInfo info{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore semaphore = VK_NULL_HANDLE;
    VK_CHECK(vkCreateSemaphore(context.device(), &info, nullptr, &semaphore));
    return context.own(semaphore, vkDestroySemaphore, name);
}

}  // namespace

Swapchain::Swapchain(vk::Context& context, const SwapchainOptions& options) : context_(context), options_(options) {
    if (!context.surface()) throw std::runtime_error("Swapchain: the Context was created without a surface");
    const VkSurfaceFormatKHR format = chooseFormat(context.physicalDevice(), context.surface());
    format_ = format.format;
    colorSpace_ = format.colorSpace;
    presentMode_ = choosePresentMode(context.physicalDevice(), context.surface(), options.vsync);

    VkFormatProperties properties{};
    vkGetPhysicalDeviceFormatProperties(context.physicalDevice(), format_, &properties);
    if (!(properties.optimalTilingFeatures & VK_FORMAT_FEATURE_BLIT_DST_BIT))
        throw std::runtime_error("Swapchain: the surface format cannot be a blit destination");

    for (std::uint32_t i = 0; i < options.framesInFlight; ++i)
        acquired_.push_back(makeSemaphore(context, "image acquired " + std::to_string(i)));
    build(options.extent);
}

void Swapchain::recreate(VkExtent2D extent) {
    // Presents are not tracked by the timeline, so the old swapchain's images and render-finished
    // semaphores may be in use until the queue drains; resizes are rare enough to wait for it.
    context_.waitIdle();
    build(extent);
}

void Swapchain::build(VkExtent2D requested) {
    VkSurfaceCapabilitiesKHR caps{};
    VK_CHECK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(context_.physicalDevice(), context_.surface(), &caps));
    if (!(caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_DST_BIT))
        throw std::runtime_error("Swapchain: the surface's images cannot be transfer destinations");
    extent_ = chooseExtent(caps, requested);

    // One more image than the minimum, so acquiring never waits on the presentation engine.
    std::uint32_t imageCount = caps.minImageCount + 1;
    if (caps.maxImageCount > 0) imageCount = std::min(imageCount, caps.maxImageCount);

    VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
    info.surface = context_.surface();
    info.minImageCount = imageCount;
    info.imageFormat = format_;
    info.imageColorSpace = colorSpace_;
    info.imageExtent = extent_;
    info.imageArrayLayers = 1;
    info.imageUsage = VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;  // one queue renders and presents
    info.preTransform = (caps.supportedTransforms & VK_SURFACE_TRANSFORM_IDENTITY_BIT_KHR)
                            ? VK_SURFACE_TRANSFORM_IDENTITY_BIT_KHR
                            : caps.currentTransform;
    info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
    for (VkCompositeAlphaFlagBitsKHR alpha :
         {VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR, VK_COMPOSITE_ALPHA_INHERIT_BIT_KHR,
          VK_COMPOSITE_ALPHA_PRE_MULTIPLIED_BIT_KHR, VK_COMPOSITE_ALPHA_POST_MULTIPLIED_BIT_KHR}) {
        if (caps.supportedCompositeAlpha & alpha) {
            info.compositeAlpha = alpha;
            break;
        }
    }
    info.presentMode = presentMode_;
    info.clipped = VK_TRUE;
    info.oldSwapchain = swapchain_.get();

    // Retire the old views and semaphores before the old swapchain, so they are destroyed first.
    views_.clear();
    renderFinished_.clear();
    VkSwapchainKHR swapchain = VK_NULL_HANDLE;
    VK_CHECK(vkCreateSwapchainKHR(context_.device(), &info, nullptr, &swapchain));
    ++builds_;
    // Assigning retires the old swapchain to the deletion queue; it is already idle (recreate()).
    swapchain_ = context_.own(swapchain, vkDestroySwapchainKHR, "swapchain " + std::to_string(builds_));

    std::uint32_t count = 0;
    VK_CHECK(vkGetSwapchainImagesKHR(context_.device(), swapchain, &count, nullptr));
    images_.resize(count);
    VK_CHECK(vkGetSwapchainImagesKHR(context_.device(), swapchain, &count, images_.data()));

    for (std::uint32_t i = 0; i < count; ++i) {
        const std::string number = std::to_string(i);
        context_.setName(images_[i], "swapchain image " + number);
        VkImageViewCreateInfo viewInfo{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
        viewInfo.image = images_[i];
        viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D;
        viewInfo.format = format_;
        viewInfo.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        VkImageView view = VK_NULL_HANDLE;
        VK_CHECK(vkCreateImageView(context_.device(), &viewInfo, nullptr, &view));
        views_.push_back(context_.own(view, vkDestroyImageView, "swapchain view " + number));
        renderFinished_.push_back(makeSemaphore(context_, "render finished " + number));
    }
}

Acquired Swapchain::acquire(std::uint32_t frameSlot) {
    Acquired out;
    out.acquiredSemaphore = acquired_.at(frameSlot).get();
    const VkResult result = vkAcquireNextImageKHR(context_.device(), swapchain_.get(), UINT64_MAX,
                                                  out.acquiredSemaphore, VK_NULL_HANDLE, &out.imageIndex);
    if (result == VK_ERROR_OUT_OF_DATE_KHR) {
        out.status = SwapchainStatus::OutOfDate;  // the semaphore was not signalled
        return out;
    }
    if (result != VK_SUBOPTIMAL_KHR) VK_CHECK(result);
    out.status = result == VK_SUBOPTIMAL_KHR ? SwapchainStatus::Suboptimal : SwapchainStatus::Ok;
    out.image = images_[out.imageIndex];
    out.renderFinishedSemaphore = renderFinished_[out.imageIndex].get();
    return out;
}

SwapchainStatus Swapchain::present(const Acquired& image) {
    VkSwapchainKHR swapchain = swapchain_.get();
    VkPresentInfoKHR info{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
    info.waitSemaphoreCount = 1;
    info.pWaitSemaphores = &image.renderFinishedSemaphore;
    info.swapchainCount = 1;
    info.pSwapchains = &swapchain;
    info.pImageIndices = &image.imageIndex;
    const VkResult result = vkQueuePresentKHR(context_.queue(), &info);
    if (result == VK_ERROR_OUT_OF_DATE_KHR) return SwapchainStatus::OutOfDate;
    if (result == VK_SUBOPTIMAL_KHR) return SwapchainStatus::Suboptimal;
    VK_CHECK(result);
    return SwapchainStatus::Ok;
}

std::vector<VkImageView> Swapchain::views() const {
    std::vector<VkImageView> out;
    out.reserve(views_.size());
    for (const auto& view : views_)
        out.push_back(view.get());
    return out;
}

}  // namespace ct::window
