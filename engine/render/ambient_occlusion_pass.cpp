#include "render/ambient_occlusion_pass.h"

#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

namespace {

struct ComputeConstants {
    glm::mat4 inverseProjection;
    glm::vec4 params;  // projection scale, radius (m), directions, steps
};

}  // namespace

AmbientOcclusionPass::AmbientOcclusionPass(vk::Context& context, const std::filesystem::path& shaderDir)
    : context_(context) {
    sampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST}, "ambient occlusion sampler");

    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    computeSetLayout_ = vk::makeSetLayout(
        context_,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute}, {1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
        "ambient occlusion set layout");
    computeLayout_ = vk::makePipelineLayout(context_, {computeSetLayout_.get()}, sizeof(ComputeConstants),
                                            "ambient occlusion pipeline layout", compute);
    const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, "ambient_occlusion.comp");
    computePipeline_ = vk::buildComputePipeline(context_, computeLayout_.get(), shader.get(), "ambient occlusion");
}

void AmbientOcclusionPass::setImages(const vk::Image& depth, const vk::Image& occlusion) {
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1},
                                          {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    vk::DescriptorSets sets =
        vk::allocateDescriptorSets(context_, computeSetLayout_.get(), sizes, 1, "ambient occlusion");
    pool_ = std::move(sets.pool);
    computeSet_ = sets.sets[0];
    vk::DescriptorWriter()
        .image(0, depth.view(), sampler_.get())
        .storageImage(1, occlusion.view())
        .update(context_.device(), computeSet_);
    occlusionExtent_ = occlusion.extent();
}

void AmbientOcclusionPass::recordCompute(VkCommandBuffer cmd, const AmbientOcclusionSettings& settings) const {
    const ComputeConstants constants{settings.inverseProjection,
                                     {settings.projectionScale, settings.radius_m,
                                      static_cast<float>(settings.directions), static_cast<float>(settings.steps)}};
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, computePipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, computeLayout_.get(), 0, 1, &computeSet_, 0, nullptr);
    vkCmdPushConstants(cmd, computeLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof constants, &constants);
    vkCmdDispatch(cmd, (occlusionExtent_.width + 7) / 8, (occlusionExtent_.height + 7) / 8, 1);
}

}  // namespace ct::render
