// One host-visible buffer per frame in flight, for what a pass writes afresh each frame (the lamps
// shown, the plumes' puffs, the power-flow lines): the slot's previous frame has completed
// (FrameRing::begin waited for it), so its buffer may be rewritten, or retired through the
// deletion queue and replaced when too small.
//
//   FrameUploadBuffers puffs(context, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, "plume puffs");
//   vk::Buffer& buffer = puffs.reserve(frameSlot, bytes);   // then buffer.write(...)
#pragma once

#include "render/frame_ring.h"
#include "vk/resources.h"

#include <array>
#include <string>

namespace ct::render {

class FrameUploadBuffers {
public:
    FrameUploadBuffers(vk::Context& context, VkBufferUsageFlags usage, std::string name)
        : context_(context), usage_(usage), name_(std::move(name)) {}

    // The buffer of `frameSlot`'s frame, holding at least `bytes`; a new one has room to grow by
    // half, so data that grows a little every step does not reallocate every frame.
    vk::Buffer& reserve(std::uint32_t frameSlot, VkDeviceSize bytes);

private:
    vk::Context& context_;
    VkBufferUsageFlags usage_;
    std::string name_;
    std::array<vk::Buffer, FrameRing::kFramesInFlight> buffers_;
};

}  // namespace ct::render
