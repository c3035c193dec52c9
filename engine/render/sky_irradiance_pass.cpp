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

void SkyIrradiancePass::record(VkCommandBuffer cmd, glm::vec2 sunFlat, float horizonZenith_rad) const {
    const glm::vec4 params(sunFlat, horizonZenith_rad, 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof params, &params);
    vkCmdDispatch(cmd, 1, 1, 1);
}

}  // namespace ct::render
