#include "sky_table_pass.h"

#include <cstring>

namespace ct::test {

std::vector<glm::vec4> runSkyTablePass(vk::Context& context, const vk::Image& skyView, const vk::Image& target,
                                       VkExtent2D extent, const std::function<void(VkCommandBuffer)>& record) {
    const std::size_t texels = std::size_t{extent.width} * extent.height;
    vk::Buffer readback(context, {texels * sizeof(glm::vec4), VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                  vk::MemoryUsage::Readback, "test sky table pass readback"});
    context.runOnce([&](VkCommandBuffer cmd) {
        vk::transition(cmd, skyView,
                       {VK_IMAGE_LAYOUT_GENERAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                        VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        vk::transition(cmd, target,
                       {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
                        VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
        record(cmd);
        vk::transition(
            cmd, target,
            {VK_IMAGE_LAYOUT_GENERAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
             VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {extent.width, extent.height, 1};
        vkCmdCopyImageToBuffer(cmd, target.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1, &region);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context.device());
    std::vector<glm::vec4> out(texels);
    std::memcpy(out.data(), readback.mapped(), out.size() * sizeof(glm::vec4));
    return out;
}

}  // namespace ct::test
