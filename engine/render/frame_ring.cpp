#include "render/frame_ring.h"

#include "vk/check.h"

namespace ct::render {

FrameRing::FrameRing(vk::Context& context) : context_(context) {
    for (std::uint32_t i = 0; i < kFramesInFlight; ++i) {
        VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
        poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
        poolInfo.queueFamilyIndex = context.queueFamily();
        VkCommandPool pool = VK_NULL_HANDLE;
        VK_CHECK(vkCreateCommandPool(context.device(), &poolInfo, nullptr, &pool));
        frames_[i].pool = context.own(pool, vkDestroyCommandPool, "frame " + std::to_string(i) + " commands");
        frames_[i].slot = i;
        VkCommandBufferAllocateInfo allocInfo{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        allocInfo.commandPool = pool;
        allocInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        allocInfo.commandBufferCount = 1;
        VK_CHECK(vkAllocateCommandBuffers(context.device(), &allocInfo, &frames_[i].cmd));
        context.setName(frames_[i].cmd, "frame " + std::to_string(i));
    }
}

Frame& FrameRing::begin() {
    Frame& frame = frames_[next_];
    next_ = (next_ + 1) % kFramesInFlight;
    if (frame.submittedValue) context_.waitFor(frame.submittedValue);
    context_.collectGarbage();
    VK_CHECK(vkResetCommandPool(context_.device(), frame.pool.get(), 0));
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(frame.cmd, &begin));
    return frame;
}

std::uint64_t FrameRing::submit(Frame& frame, std::span<const vk::Wait> waits, std::span<const VkSemaphore> signals) {
    VK_CHECK(vkEndCommandBuffer(frame.cmd));
    frame.submittedValue = context_.submit(frame.cmd, waits, signals);
    return frame.submittedValue;
}

}  // namespace ct::render
