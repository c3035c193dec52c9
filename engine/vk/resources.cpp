#include "vk/resources.h"

#include "vk/check.h"

#include <cstring>
#include <stdexcept>

namespace ct::vk {

Buffer::Buffer(Context& context, const BufferDesc& desc) : size_(desc.size), device_(context.device()) {
    VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    info.size = desc.size;
    info.usage = desc.usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    VkBuffer buffer = VK_NULL_HANDLE;
    VK_CHECK(vkCreateBuffer(context.device(), &info, nullptr, &buffer));
    buffer_ = context.own(buffer, vkDestroyBuffer, desc.name);
    VkMemoryRequirements requirements;
    vkGetBufferMemoryRequirements(context.device(), buffer, &requirements);
    allocation_ = context.allocator().allocate(requirements, desc.memory, ResourceKind::Linear);
    VK_CHECK(vkBindBufferMemory(context.device(), buffer, allocation_.memory(), allocation_.offset()));
}

void Buffer::write(const void* data, VkDeviceSize bytes, VkDeviceSize offset) {
    if (!mapped()) throw std::logic_error("Buffer::write on a buffer that is not host visible");
    if (offset + bytes > size_) throw std::out_of_range("Buffer::write past the end of the buffer");
    std::memcpy(static_cast<std::uint8_t*>(mapped()) + offset, data, bytes);
    if (!allocation_.hostCoherent()) {
        // Flushing the whole allocation sidesteps nonCoherentAtomSize rounding of sub-ranges.
        VkMappedMemoryRange range{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
        range.memory = allocation_.memory();
        range.offset = 0;
        range.size = VK_WHOLE_SIZE;
        VK_CHECK(vkFlushMappedMemoryRanges(device_, 1, &range));
    }
}

void Buffer::invalidate(VkDevice device) const {
    if (allocation_.hostCoherent()) return;
    VkMappedMemoryRange range{VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE};
    range.memory = allocation_.memory();
    range.offset = 0;
    range.size = VK_WHOLE_SIZE;
    VK_CHECK(vkInvalidateMappedMemoryRanges(device, 1, &range));
}

Image::Image(Context& context, const ImageDesc& desc)
    : extent_(desc.extent),
      format_(desc.format),
      mipLevels_(desc.mipLevels),
      samples_(desc.samples),
      aspect_(desc.aspect) {
    VkImageCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = desc.format;
    info.extent = {desc.extent.width, desc.extent.height, 1};
    info.mipLevels = desc.mipLevels;
    info.arrayLayers = 1;
    info.samples = desc.samples;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = desc.usage;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkImage image = VK_NULL_HANDLE;
    VK_CHECK(vkCreateImage(context.device(), &info, nullptr, &image));
    image_ = context.own(image, vkDestroyImage, desc.name);
    VkMemoryRequirements requirements;
    vkGetImageMemoryRequirements(context.device(), image, &requirements);
    allocation_ = context.allocator().allocate(requirements, MemoryUsage::DeviceLocal, ResourceKind::Optimal);
    VK_CHECK(vkBindImageMemory(context.device(), image, allocation_.memory(), allocation_.offset()));

    VkImageViewCreateInfo viewInfo{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    viewInfo.image = image;
    viewInfo.viewType = VK_IMAGE_VIEW_TYPE_2D;
    viewInfo.format = desc.format;
    viewInfo.subresourceRange = {desc.aspect, 0, desc.mipLevels, 0, 1};
    VkImageView view = VK_NULL_HANDLE;
    VK_CHECK(vkCreateImageView(context.device(), &viewInfo, nullptr, &view));
    view_ = context.own(view, vkDestroyImageView, desc.name + " view");
}

void transition(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, const ImageTransition& t) {
    VkImageMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
    barrier.srcStageMask = t.srcStage;
    barrier.srcAccessMask = t.srcAccess;
    barrier.dstStageMask = t.dstStage;
    barrier.dstAccessMask = t.dstAccess;
    barrier.oldLayout = t.oldLayout;
    barrier.newLayout = t.newLayout;
    barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    barrier.image = image;
    barrier.subresourceRange = {aspect, t.baseMip, t.mipCount, 0, 1};
    VkDependencyInfo dependency{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
    dependency.imageMemoryBarrierCount = 1;
    dependency.pImageMemoryBarriers = &barrier;
    vkCmdPipelineBarrier2(cmd, &dependency);
}

void memoryBarrier(VkCommandBuffer cmd, VkPipelineStageFlags2 srcStage, VkAccessFlags2 srcAccess,
                   VkPipelineStageFlags2 dstStage, VkAccessFlags2 dstAccess) {
    VkMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_MEMORY_BARRIER_2};
    barrier.srcStageMask = srcStage;
    barrier.srcAccessMask = srcAccess;
    barrier.dstStageMask = dstStage;
    barrier.dstAccessMask = dstAccess;
    VkDependencyInfo dependency{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
    dependency.memoryBarrierCount = 1;
    dependency.pMemoryBarriers = &barrier;
    vkCmdPipelineBarrier2(cmd, &dependency);
}

}  // namespace ct::vk
