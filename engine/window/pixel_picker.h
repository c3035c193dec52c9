// PixelPicker: reads one pixel of the renderer's node-id image back to the CPU without stalling
// the frame loop. A click requests a pick; the next frame records a copy of that pixel into a
// small host-visible buffer; the answer is read once that frame's timeline value completes,
// frames later, while rendering goes on.
//
//   picker.request(x, y);                              // on click, framebuffer pixels
//   picker.record(frame.cmd, renderer.idImage());      // after renderer.record, before submit
//   picker.submitted(frame.submittedValue);            // after the frame's submit
//   if (auto hit = picker.poll()) ...                  // any later frame
#pragma once

#include "vk/resources.h"

#include <cstdint>
#include <optional>

namespace ct::window {

struct PickResult {
    int node = -1;      // -1: nothing (sky)
    int instance = -1;  // EXT_mesh_gpu_instancing instance, or 0; -1 with no node
    std::uint32_t x = 0;
    std::uint32_t y = 0;
};

class PixelPicker {
public:
    explicit PixelPicker(vk::Context& context);

    // Asks for the pixel at (x, y); a pick still in flight is replaced.
    void request(std::uint32_t x, std::uint32_t y);
    // Records the copy when a pick is waiting; `idImage` must be in TRANSFER_SRC_OPTIMAL.
    void record(VkCommandBuffer cmd, const vk::Image& idImage);
    // Tells the picker the timeline value of the submission that carried record()'s copy.
    void submitted(std::uint64_t timelineValue);
    // The result once its submission has completed; returns it once.
    std::optional<PickResult> poll();

private:
    enum class State { Idle, Requested, Recorded, Submitted };

    vk::Context& context_;
    vk::Buffer readback_;
    State state_ = State::Idle;
    std::uint32_t x_ = 0;
    std::uint32_t y_ = 0;
    std::uint64_t timelineValue_ = 0;
};

}  // namespace ct::window
