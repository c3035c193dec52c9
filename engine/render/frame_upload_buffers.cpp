#include "render/frame_upload_buffers.h"

#include <algorithm>

namespace ct::render {

vk::Buffer& FrameUploadBuffers::reserve(std::uint32_t frameSlot, VkDeviceSize bytes) {
    vk::Buffer& buffer = buffers_[frameSlot % FrameRing::kFramesInFlight];
    if (!buffer || buffer.size() < bytes)
        buffer = vk::Buffer(context_, {std::max<VkDeviceSize>(bytes * 3 / 2, 4096), usage_, vk::MemoryUsage::Upload,
                                       name_ + " " + std::to_string(frameSlot)});
    return buffer;
}

}  // namespace ct::render
