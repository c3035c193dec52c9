#include "render/sky_irradiance_pass.h"

#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

SkyIrradiancePass::SkyIrradiancePass(vk::Context& context, const std::filesystem::path& shaderDir,
                                     const vk::Image& skyView)
    : context_(context) {
    coefficients_ =
        vk::Image(context_, {{9, 1},
                             kFormat,
                             VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                             1,
                             VK_IMAGE_ASPECT_COLOR_BIT,
                             "sky irradiance coefficients"});
    uniform_ = vk::Buffer(context_, {9 * sizeof(glm::vec4),
                                     VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT |
                                         VK_BUFFER_USAGE_TRANSFER_SRC_BIT,  // read back by its test
                                     vk::MemoryUsage::DeviceLocal, "sky irradiance uniform coefficients"});
    sampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST}, "sky irradiance sampler");
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    setLayout_ = vk::makeSetLayout(
        context_,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute}, {1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
        "sky irradiance set layout");
    layout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, sizeof(glm::vec4), "sky irradiance pipeline layout",
                                     compute);
    const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, "sky_irradiance.comp");
    pipeline_ = vk::buildComputePipeline(context_, layout_.get(), shader.get(), "sky irradiance");
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1},
                                          {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    vk::DescriptorSets sets = vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "sky irradiance");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    vk::DescriptorWriter()
        .image(0, skyView.view(), sampler_.get())
        .storageImage(1, coefficients_.view())
        .update(context_.device(), set_);
}

void SkyIrradiancePass::record(VkCommandBuffer cmd, glm::vec2 sunFlat, float horizonZenith_rad,
                               ImageState& coefficientsState) const {
    const glm::vec4 params(sunFlat, horizonZenith_rad, 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof params, &params);
    vkCmdDispatch(cmd, 1, 1, 1);

    // The image, written, is read by the copy; the buffer, read by earlier frames' fragment
    // shaders, is written by it; then read by this frame's.
    vk::transition(cmd, coefficients_,
                   {VK_IMAGE_LAYOUT_GENERAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                    VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_UNIFORM_READ_BIT,
                      VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {9, 1, 1};
    vkCmdCopyImageToBuffer(cmd, coefficients_.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, uniform_.get(), 1, &region);
    coefficientsState = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                         VK_ACCESS_2_TRANSFER_READ_BIT};
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_UNIFORM_READ_BIT);
}

}  // namespace ct::render
