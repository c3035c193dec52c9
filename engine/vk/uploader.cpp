#include "vk/uploader.h"

#include "vk/check.h"

#include <cstring>

namespace ct::vk {

namespace {
VkDeviceSize stage(std::vector<std::uint8_t>& staged, const void* data, VkDeviceSize bytes) {
    // 16-byte alignment satisfies bufferOffset rules for every format we copy.
    const VkDeviceSize offset = (staged.size() + 15) / 16 * 16;
    staged.resize(offset + bytes);
    std::memcpy(staged.data() + offset, data, bytes);
    return offset;
}
}  // namespace

void Uploader::toBuffer(const Buffer& dst, VkDeviceSize dstOffset, const void* data, VkDeviceSize bytes) {
    if (bytes == 0) return;
    bufferCopies_.push_back({dst.get(), dstOffset, stage(staged_, data, bytes), bytes});
}

void Uploader::toImage(const Image& dst, const void* texels, VkDeviceSize bytes) {
    imageCopies_.push_back({dst.get(), dst.extent(), dst.mipLevels(), stage(staged_, texels, bytes)});
}

std::uint64_t Uploader::submit() {
    if (bufferCopies_.empty() && imageCopies_.empty()) return 0;

    Buffer staging(context_, {staged_.size(), VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUsage::Upload, "staging"});
    staging.write(staged_.data(), staged_.size());

    VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    poolInfo.queueFamilyIndex = context_.queueFamily();
    VkCommandPool poolHandle = VK_NULL_HANDLE;
    VK_CHECK(vkCreateCommandPool(context_.device(), &poolInfo, nullptr, &poolHandle));
    Unique<VkCommandPool> pool = context_.own(poolHandle, vkDestroyCommandPool, "upload commands");

    VkCommandBufferAllocateInfo allocInfo{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    allocInfo.commandPool = poolHandle;
    allocInfo.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocInfo.commandBufferCount = 1;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    VK_CHECK(vkAllocateCommandBuffers(context_.device(), &allocInfo, &cmd));
    context_.setName(cmd, "upload");
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VK_CHECK(vkBeginCommandBuffer(cmd, &begin));

    for (const auto& copy : bufferCopies_) {
        VkBufferCopy region{copy.srcOffset, copy.dstOffset, copy.bytes};
        vkCmdCopyBuffer(cmd, staging.get(), copy.dst, 1, &region);
    }

    for (const auto& copy : imageCopies_) {
        // Every level: the copy writes level 0, the blits below the others.
        transition(cmd, copy.image, VK_IMAGE_ASPECT_COLOR_BIT,
                   {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE,
                    VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COPY_BIT | VK_PIPELINE_STAGE_2_BLIT_BIT,
                    VK_ACCESS_2_TRANSFER_WRITE_BIT});
        VkBufferImageCopy region{};
        region.bufferOffset = copy.srcOffset;
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {copy.extent.width, copy.extent.height, 1};
        vkCmdCopyBufferToImage(cmd, staging.get(), copy.image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        // Each level is blitted from the one above it, which must first become a blit source.
        std::int32_t width = static_cast<std::int32_t>(copy.extent.width);
        std::int32_t height = static_cast<std::int32_t>(copy.extent.height);
        for (std::uint32_t level = 1; level < copy.mipLevels; ++level) {
            transition(cmd, copy.image, VK_IMAGE_ASPECT_COLOR_BIT,
                       {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                        VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_BLIT_BIT,
                        VK_ACCESS_2_TRANSFER_READ_BIT, level - 1, 1});
            const std::int32_t nextWidth = std::max(1, width / 2);
            const std::int32_t nextHeight = std::max(1, height / 2);
            VkImageBlit2 blit{VK_STRUCTURE_TYPE_IMAGE_BLIT_2};
            blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level - 1, 0, 1};
            blit.srcOffsets[1] = {width, height, 1};
            blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, level, 0, 1};
            blit.dstOffsets[1] = {nextWidth, nextHeight, 1};
            VkBlitImageInfo2 info{VK_STRUCTURE_TYPE_BLIT_IMAGE_INFO_2};
            info.srcImage = copy.image;
            info.srcImageLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
            info.dstImage = copy.image;
            info.dstImageLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
            info.regionCount = 1;
            info.pRegions = &blit;
            info.filter = VK_FILTER_LINEAR;
            vkCmdBlitImage2(cmd, &info);
            width = nextWidth;
            height = nextHeight;
        }
        if (copy.mipLevels > 1) {
            transition(
                cmd, copy.image, VK_IMAGE_ASPECT_COLOR_BIT,
                {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                 VK_PIPELINE_STAGE_2_BLIT_BIT, VK_ACCESS_2_TRANSFER_READ_BIT, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                 VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, 0, copy.mipLevels - 1});
        }
        transition(
            cmd, copy.image, VK_IMAGE_ASPECT_COLOR_BIT,
            {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
             VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
             VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, copy.mipLevels - 1, 1});
    }

    // One barrier covers every buffer copy for all later use on this queue.
    memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                  VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, VK_ACCESS_2_MEMORY_READ_BIT | VK_ACCESS_2_MEMORY_WRITE_BIT);
    VK_CHECK(vkEndCommandBuffer(cmd));
    const std::uint64_t value = context_.submit(cmd);

    staged_.clear();
    staged_.shrink_to_fit();
    bufferCopies_.clear();
    imageCopies_.clear();
    return value;  // `staging` and `pool` are retired here, after this submission
}

}  // namespace ct::vk
