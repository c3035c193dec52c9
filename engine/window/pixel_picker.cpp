#include "window/pixel_picker.h"

#include "render/id_encoding.h"

namespace ct::window {

PixelPicker::PixelPicker(vk::Context& context)
    : context_(context),
      readback_(context,
                {2 * sizeof(float), VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback, "pick readback"}) {}

void PixelPicker::request(std::uint32_t x, std::uint32_t y) {
    // A copy already recorded but not yet read is simply overwritten by the new one: the buffer
    // is written in submission order, and only the latest submission's value is waited for.
    x_ = x;
    y_ = y;
    state_ = State::Requested;
}

void PixelPicker::record(VkCommandBuffer cmd, const vk::Image& idImage) {
    if (state_ != State::Requested) return;
    const VkExtent2D extent = idImage.extent();
    if (x_ >= extent.width || y_ >= extent.height) {  // the click raced a resize
        state_ = State::Idle;
        return;
    }
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageOffset = {static_cast<std::int32_t>(x_), static_cast<std::int32_t>(y_), 0};
    region.imageExtent = {1, 1, 1};
    vkCmdCopyImageToBuffer(cmd, idImage.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback_.get(), 1, &region);
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                      VK_ACCESS_2_HOST_READ_BIT);
    state_ = State::Recorded;
}

void PixelPicker::submitted(std::uint64_t timelineValue) {
    if (state_ != State::Recorded) return;
    timelineValue_ = timelineValue;
    state_ = State::Submitted;
}

std::optional<PickResult> PixelPicker::poll() {
    if (state_ != State::Submitted || context_.completedValue() < timelineValue_) return std::nullopt;
    state_ = State::Idle;
    readback_.invalidate(context_.device());
    const glm::uvec2 id = render::decodeIds(readback_.mapped());
    PickResult result;
    result.x = x_;
    result.y = y_;
    if (id[0] != 0) {
        result.node = static_cast<int>(id[0]) - 1;
        result.instance = static_cast<int>(id[1]);
    }
    return result;
}

}  // namespace ct::window
