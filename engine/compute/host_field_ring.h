// A grid of floats the host computes and the GPU reads (the CPU solver's air field under the
// renderer's ground overlay): host-visible storage buffers, each written only while no
// submission can be reading it.
//
//   HostFieldRing ring(context, cells * sizeof(float), "air field (CPU solver)");
//   VkBuffer values = ring.publish(field);  // give it to the renderer now; unchanged until the next publish
//
// Why a ring and not one buffer: when new values are ready, a frame in flight may still be
// reading the last ones. Writing over them would race that frame (a torn picture, a hazard the
// validation layer reports), and waiting for it would stall the host in the middle of a frame.
// So publish() retires the buffer it handed out last with the context's last submitted timeline
// value (a submission up to that one may have read it; none after, since the caller points the
// renderer at the new buffer before recording again) and writes into a buffer whose retirement
// value has completed. With two frames in flight three buffers are enough; should none be free
// (the host further ahead), it makes another rather than wait. The renderer re-points its
// frame sets at a new buffer (Renderer::setGroundOverlay), so nothing else has to change.
#pragma once

#include "vk/resources.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ct::compute {

class HostFieldRing {
public:
    // `bytes`: the size of one field; every publish() writes exactly that many.
    HostFieldRing(vk::Context& context, VkDeviceSize bytes, std::string name);

    // Copies the values into a buffer no submission is reading and returns it; the buffer
    // handed out before is retired (see above). Throws std::invalid_argument on a wrong size.
    VkBuffer publish(std::span<const float> values);
    // What the last publish() returned (VK_NULL_HANDLE before the first).
    VkBuffer current() const;
    VkDeviceSize bytes() const { return bytes_; }
    std::size_t bufferCount() const { return slots_.size(); }  // 3, unless the host ran further ahead

private:
    struct Slot {
        vk::Buffer buffer;
        std::uint64_t retiredAt = 0;  // timeline value after which no submission reads it
    };

    vk::Context& context_;
    VkDeviceSize bytes_ = 0;
    std::string name_;
    std::vector<Slot> slots_;
    int current_ = -1;
};

}  // namespace ct::compute
