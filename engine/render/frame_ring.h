// FrameRing: the frames in flight. Each frame has its own command pool and buffer and remembers
// the timeline value of its last submission; begin() waits for that value before the frame's
// resources are reused, and runs the deletion queue. Two frames: the CPU records one while the
// GPU executes the other.
#pragma once

#include "vk/context.h"

#include <array>
#include <cstdint>
#include <span>

namespace ct::render {

struct Frame {
    std::uint32_t slot = 0;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    std::uint64_t submittedValue = 0;
    vk::Unique<VkCommandPool> pool;
};

class FrameRing {
public:
    static constexpr std::uint32_t kFramesInFlight = 2;

    explicit FrameRing(vk::Context& context);
    // Waits until the next frame's previous use has completed, then starts recording into it.
    Frame& begin();
    // Ends recording and submits; returns the timeline value of the submission.
    std::uint64_t submit(Frame& frame, std::span<const vk::Wait> waits = {}, std::span<const VkSemaphore> signals = {});

private:
    vk::Context& context_;
    std::array<Frame, kFramesInFlight> frames_;
    std::uint32_t next_ = 0;
};

}  // namespace ct::render
