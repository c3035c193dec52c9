// Swapchain: the presentable images of the Context's surface, their views, and the binary
// semaphores that order acquire -> render -> present.
//
//   Swapchain swapchain(context, {.extent = framebufferSize});
//   Acquired image = swapchain.acquire(frame.slot);          // out of date: recreate, try again
//   ... submit waiting on image.acquiredSemaphore, signalling image.renderFinishedSemaphore ...
//   PresentOutcome outcome = swapchain.present(image);        // out of date / suboptimal: recreate
//
// Semaphores: one "image acquired" per frame in flight (the frame's own wait on its timeline value
// guarantees the previous acquire's semaphore was consumed), and one "render finished" per
// swapchain image, because a present's wait is only known to be over once that image is acquired
// again; a per-frame semaphore could be re-signalled while the presentation engine still waits on it.
#pragma once

#include "vk/context.h"

#include <cstdint>
#include <vector>

namespace ct::window {

struct SwapchainOptions {
    VkExtent2D extent{1280, 720};  // used when the surface leaves the size to the swapchain
    bool vsync = true;             // FIFO; otherwise MAILBOX or IMMEDIATE where offered
    std::uint32_t framesInFlight = 2;
};

// Expected results of acquire and present; real errors are thrown by VK_CHECK.
enum class SwapchainStatus {
    Ok,
    Suboptimal,  // usable this frame, but should be recreated afterwards
    OutOfDate,   // unusable: recreate before rendering to it
};

struct Acquired {
    SwapchainStatus status = SwapchainStatus::OutOfDate;
    std::uint32_t imageIndex = 0;
    VkImage image = VK_NULL_HANDLE;
    VkSemaphore acquiredSemaphore = VK_NULL_HANDLE;        // wait on this before writing the image
    VkSemaphore renderFinishedSemaphore = VK_NULL_HANDLE;  // signal this; present waits on it
};

class Swapchain {
public:
    Swapchain(vk::Context& context, const SwapchainOptions& options);
    Swapchain(const Swapchain&) = delete;
    Swapchain& operator=(const Swapchain&) = delete;

    // Rebuilds for a new size, handing the old swapchain to the driver as oldSwapchain. Waits for
    // the device to go idle first: the old images and semaphores may still be in use by a present.
    void recreate(VkExtent2D extent);

    // `frameSlot` picks the frame in flight's acquire semaphore (0 .. framesInFlight-1).
    Acquired acquire(std::uint32_t frameSlot);
    SwapchainStatus present(const Acquired& image);

    VkExtent2D extent() const { return extent_; }
    VkFormat format() const { return format_; }
    VkPresentModeKHR presentMode() const { return presentMode_; }
    std::uint32_t imageCount() const { return static_cast<std::uint32_t>(images_.size()); }
    int builds() const { return builds_; }  // 1 + the number of recreations
    // The image views (index = Acquired::imageIndex), for passes that render into the images.
    std::vector<VkImageView> views() const;

private:
    void build(VkExtent2D requested);

    vk::Context& context_;
    SwapchainOptions options_;
    VkFormat format_ = VK_FORMAT_UNDEFINED;
    VkColorSpaceKHR colorSpace_ = VK_COLOR_SPACE_SRGB_NONLINEAR_KHR;
    VkPresentModeKHR presentMode_ = VK_PRESENT_MODE_FIFO_KHR;
    VkExtent2D extent_{};
    int builds_ = 0;
    vk::Unique<VkSwapchainKHR> swapchain_;
    std::vector<VkImage> images_;  // owned by the swapchain
    std::vector<vk::Unique<VkImageView>> views_;
    std::vector<vk::Unique<VkSemaphore>> renderFinished_;  // one per image
    std::vector<vk::Unique<VkSemaphore>> acquired_;        // one per frame in flight
};

}  // namespace ct::window
