// GPU time per pass. Each pass of a frame is wrapped in begin/end: a timestamp before and after
// it and a debug label around it (so a capture tool shows the frame by pass). The timestamps of
// a frame slot are read once that slot's submission has completed: FrameRing::begin has waited
// for it when the slot comes round again, and an offscreen capture waits at once.
//
//   timer.beginFrame(cmd, slot);
//   timer.begin(cmd, "shadow"); ... timer.end(cmd);
//   ... after the submission completed:  for (const PassTime& p : timer.results(slot)) ...
#pragma once

#include "vk/context.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ct::render {

struct PassTime {
    std::string name;
    double ms = 0.0;
};

class PassTimer {
public:
    static constexpr std::uint32_t kMaxPasses = 32;

    PassTimer(vk::Context& context, std::uint32_t slots);

    // False where the queue cannot time (timestampValidBits 0): passes are then only labelled.
    bool timing() const { return static_cast<bool>(pool_); }

    // Resets the slot's timestamps; outside any rendering, before the frame's first pass.
    void beginFrame(VkCommandBuffer cmd, std::uint32_t slot);
    void begin(VkCommandBuffer cmd, const std::string& name);
    void end(VkCommandBuffer cmd);

    // The passes of the slot's last recorded frame in order, once its submission completed;
    // empty if it has not, or where the queue cannot time.
    std::vector<PassTime> results(std::uint32_t slot) const;

private:
    struct SlotPasses {
        std::vector<std::string> names;
    };

    vk::Context& context_;
    vk::Unique<VkQueryPool> pool_;
    double nanosecondsPerTick_ = 1.0;
    std::uint64_t validMask_ = ~0ull;
    std::vector<SlotPasses> slots_;
    std::uint32_t current_ = 0;  // the slot being recorded
    int open_ = -1;              // the pass begun and not yet ended
};

}  // namespace ct::render
