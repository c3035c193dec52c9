#include "render/sky_specular_pass.h"

#include "render/sky_specular.h"
#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

namespace {

constexpr std::uint32_t kGroupSize = 64;  // the shaders' local_size_x

std::uint32_t groupsFor(std::uint32_t invocations) {
    return (invocations + kGroupSize - 1) / kGroupSize;
}

}  // namespace

SkySpecularPass::SkySpecularPass(vk::Context& context, const std::filesystem::path& shaderDir, const vk::Image& skyView)
    : context_(context) {
    map_ =
        vk::Image(context_, {{kSkySpecularWidth, kSkySpecularHeight * kSkySpecularLevels},
                             kFormat,
                             VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                             1,
                             VK_IMAGE_ASPECT_COLOR_BIT,
                             "sky specular map"});
    // Repeating: the azimuth wraps across u; the lookup keeps v inside a level's rows.
    sampler_ = vk::makeSampler(context_, {VK_FILTER_LINEAR, VK_SAMPLER_ADDRESS_MODE_REPEAT}, "sky specular sampler");
    tableSampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST}, "sky specular table sampler");
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    setLayout_ = vk::makeSetLayout(
        context_,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute}, {1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
        "sky specular set layout");
    layout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, sizeof(glm::vec4), "sky specular pipeline layout",
                                     compute);
    const vk::Unique<VkShaderModule> resample = vk::loadShader(context_, shaderDir, "sky_specular_resample.comp");
    resample_ = vk::buildComputePipeline(context_, layout_.get(), resample.get(), "sky specular resample");
    const vk::Unique<VkShaderModule> prefilter = vk::loadShader(context_, shaderDir, "sky_specular_prefilter.comp");
    prefilter_ = vk::buildComputePipeline(context_, layout_.get(), prefilter.get(), "sky specular prefilter");
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1},
                                          {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    vk::DescriptorSets sets = vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "sky specular");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    vk::DescriptorWriter()
        .image(0, skyView.view(), tableSampler_.get())
        .storageImage(1, map_.view())
        .update(context_.device(), set_);
}

void SkySpecularPass::record(VkCommandBuffer cmd, glm::vec2 sunFlat, float horizonZenith_rad) const {
    const glm::vec4 params(sunFlat, horizonZenith_rad, 0.0f);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof params, &params);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, resample_.get());
    vkCmdDispatch(cmd, groupsFor(kSkySpecularWidth * kSkySpecularHeight), 1, 1);
    // The rougher levels read level 0.
    vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                      VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_READ_BIT);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, prefilter_.get());
    vkCmdDispatch(cmd, groupsFor(kSkySpecularWidth * kSkySpecularHeight * (kSkySpecularLevels - 1)), 1, 1);
}

}  // namespace ct::render
