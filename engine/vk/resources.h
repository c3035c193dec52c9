// Buffers and images with their memory: the two kinds of GPU resource, each the single owner
// of its handle(s) and its suballocation. Destruction is deferred through the Context's
// DeletionQueue (members are declared so the handle is retired before its memory).
#pragma once

#include "vk/context.h"

#include <string>

namespace ct::vk {

struct BufferDesc {
    VkDeviceSize size = 0;
    VkBufferUsageFlags usage = 0;
    MemoryUsage memory = MemoryUsage::DeviceLocal;
    std::string name;
};

class Buffer {
public:
    Buffer() = default;
    Buffer(Context& context, const BufferDesc& desc);

    VkBuffer get() const { return buffer_.get(); }
    VkDeviceSize size() const { return size_; }
    explicit operator bool() const { return static_cast<bool>(buffer_); }
    // Host-visible buffers only.
    void* mapped() const { return allocation_.mapped(); }
    void write(const void* data, VkDeviceSize bytes, VkDeviceSize offset = 0);
    // Makes GPU writes visible to the host for non-coherent readback memory.
    void invalidate(VkDevice device) const;

private:
    Allocation allocation_;
    Unique<VkBuffer> buffer_;
    VkDeviceSize size_ = 0;
    VkDevice device_ = VK_NULL_HANDLE;
};

struct ImageDesc {
    VkExtent2D extent{};
    VkFormat format = VK_FORMAT_R8G8B8A8_UNORM;
    VkImageUsageFlags usage = 0;
    std::uint32_t mipLevels = 1;
    VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
    std::string name;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;  // more than one: a multisampled target
};

class Image {
public:
    Image() = default;
    Image(Context& context, const ImageDesc& desc);

    VkImage get() const { return image_.get(); }
    VkImageView view() const { return view_.get(); }
    VkExtent2D extent() const { return extent_; }
    VkFormat format() const { return format_; }
    std::uint32_t mipLevels() const { return mipLevels_; }
    VkSampleCountFlagBits samples() const { return samples_; }
    VkImageAspectFlags aspect() const { return aspect_; }
    explicit operator bool() const { return static_cast<bool>(image_); }

private:
    Allocation allocation_;
    Unique<VkImage> image_;
    Unique<VkImageView> view_;
    VkExtent2D extent_{};
    VkFormat format_ = VK_FORMAT_UNDEFINED;
    std::uint32_t mipLevels_ = 1;
    VkSampleCountFlagBits samples_ = VK_SAMPLE_COUNT_1_BIT;
    VkImageAspectFlags aspect_ = VK_IMAGE_ASPECT_COLOR_BIT;
};

// One image layout transition with synchronization2 scopes.
struct ImageTransition {
    VkImageLayout oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkImageLayout newLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkPipelineStageFlags2 srcStage = VK_PIPELINE_STAGE_2_NONE;
    VkAccessFlags2 srcAccess = VK_ACCESS_2_NONE;
    VkPipelineStageFlags2 dstStage = VK_PIPELINE_STAGE_2_NONE;
    VkAccessFlags2 dstAccess = VK_ACCESS_2_NONE;
    std::uint32_t baseMip = 0;
    std::uint32_t mipCount = VK_REMAINING_MIP_LEVELS;
};

void transition(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, const ImageTransition& t);
inline void transition(VkCommandBuffer cmd, const Image& image, const ImageTransition& t) {
    transition(cmd, image.get(), image.aspect(), t);
}
void memoryBarrier(VkCommandBuffer cmd, VkPipelineStageFlags2 srcStage, VkAccessFlags2 srcAccess,
                   VkPipelineStageFlags2 dstStage, VkAccessFlags2 dstAccess);

}  // namespace ct::vk
