#include "render/offscreen_capture.h"

#include "render/id_encoding.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace ct::render {

glm::u8vec4 CapturedFrame::pixel(std::uint32_t x, std::uint32_t y) const {
    // A caller asking past the edge has a wrong projection: say so rather than read past the end.
    if (x >= width || y >= height)
        throw std::out_of_range("CapturedFrame::pixel(" + std::to_string(x) + ", " + std::to_string(y) + ") outside " +
                                std::to_string(width) + "x" + std::to_string(height));
    const std::size_t i = (static_cast<std::size_t>(y) * width + x) * 4;
    return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
}

int CapturedFrame::nodeAt(std::uint32_t x, std::uint32_t y) const {
    return static_cast<int>(ids[static_cast<std::size_t>(y) * width + x].x) - 1;
}

int CapturedFrame::instanceAt(std::uint32_t x, std::uint32_t y) const {
    const glm::uvec2 id = ids[static_cast<std::size_t>(y) * width + x];
    return id.x == 0 ? -1 : static_cast<int>(id.y);
}

OffscreenCapture::OffscreenCapture(vk::Context& context, Renderer& renderer)
    : context_(context), renderer_(renderer), frames_(context) {}

CapturedFrame OffscreenCapture::render(const Camera& camera, const Lighting& lighting) {
    const VkExtent2D extent = renderer_.extent();
    const VkDeviceSize pixels = static_cast<VkDeviceSize>(extent.width) * extent.height;
    if (!colorReadback_ || colorReadback_.size() != pixels * 4) {
        colorReadback_ = vk::Buffer(
            context_, {pixels * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback, "color readback"});
        idReadback_ = vk::Buffer(context_, {pixels * sizeof(glm::vec2), VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                            vk::MemoryUsage::Readback, "id readback"});
    }

    Frame& frame = frames_.begin();
    CapturedFrame captured;
    captured.stats = renderer_.record(frame, camera, lighting);
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {extent.width, extent.height, 1};
    vkCmdCopyImageToBuffer(frame.cmd, renderer_.colorImage().get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                           colorReadback_.get(), 1, &region);
    vkCmdCopyImageToBuffer(frame.cmd, renderer_.idImage().get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                           idReadback_.get(), 1, &region);
    vk::memoryBarrier(frame.cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    context_.waitFor(frames_.submit(frame));
    renderer_.completeStats(frame.slot, captured.stats);

    colorReadback_.invalidate(context_.device());
    idReadback_.invalidate(context_.device());
    captured.width = extent.width;
    captured.height = extent.height;
    captured.rgba.resize(pixels * 4);
    std::memcpy(captured.rgba.data(), colorReadback_.mapped(), pixels * 4);
    captured.ids.resize(pixels);
    const auto* texels = static_cast<const std::uint8_t*>(idReadback_.mapped());
    for (VkDeviceSize i = 0; i < pixels; ++i)
        captured.ids[i] = decodeIds(texels + i * sizeof(glm::vec2));
    return captured;
}

}  // namespace ct::render
