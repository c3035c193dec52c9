#include "render/ambient_occlusion_pass.h"

#include "vk/check.h"
#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

namespace {

struct ComputeConstants {
    glm::mat4 inverseProjection;
    glm::vec4 params;  // projection scale, radius (m), directions, steps
};

struct ApplyConstants {
    glm::vec4 params;  // strength, a, b (linear depth = b / (z - a)), unused
};

}  // namespace

AmbientOcclusionPass::AmbientOcclusionPass(vk::Context& context, const std::filesystem::path& shaderDir,
                                           VkFormat colorFormat)
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

    const VkShaderStageFlags fragment = VK_SHADER_STAGE_FRAGMENT_BIT;
    applySetLayout_ = vk::makeSetLayout(context_,
                                        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
                                         {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment}},
                                        "ambient occlusion apply set layout");
    applyLayout_ = vk::makePipelineLayout(context_, {applySetLayout_.get()}, sizeof(ApplyConstants),
                                          "ambient occlusion apply pipeline layout", fragment);
    const vk::Unique<VkShaderModule> vert = vk::loadShader(context_, shaderDir, "ambient_occlusion_apply.vert");
    const vk::Unique<VkShaderModule> frag = vk::loadShader(context_, shaderDir, "ambient_occlusion_apply.frag");
    vk::GraphicsPipelineDesc apply;
    apply.name = "ambient occlusion apply";
    apply.layout = applyLayout_.get();
    apply.vertexShader = vert.get();
    apply.fragmentShader = frag.get();
    vk::ColorAttachmentDesc multiply{colorFormat, true, true};
    multiply.multiply = true;
    apply.colorAttachments = {multiply};
    apply.depthTest = false;
    apply.depthWrite = false;
    applyPipeline_ = vk::buildGraphicsPipeline(context_, apply);
}

void AmbientOcclusionPass::setImages(const vk::Image& depth, const vk::Image& occlusion) {
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 3},
                                          {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    pool_ = vk::makeDescriptorPool(context_, sizes, 2, "ambient occlusion");
    const VkDescriptorSetLayout layouts[] = {computeSetLayout_.get(), applySetLayout_.get()};
    VkDescriptorSetAllocateInfo allocate{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    allocate.descriptorPool = pool_.get();
    allocate.descriptorSetCount = 2;
    allocate.pSetLayouts = layouts;
    VkDescriptorSet sets[2] = {};
    VK_CHECK(vkAllocateDescriptorSets(context_.device(), &allocate, sets));
    computeSet_ = sets[0];
    applySet_ = sets[1];
    context_.setName(computeSet_, "ambient occlusion");
    context_.setName(applySet_, "ambient occlusion apply");
    vk::DescriptorWriter()
        .image(0, depth.view(), sampler_.get())
        .storageImage(1, occlusion.view())
        .update(context_.device(), computeSet_);
    vk::DescriptorWriter()
        .image(0, depth.view(), sampler_.get())
        .image(1, occlusion.view(), sampler_.get())
        .update(context_.device(), applySet_);
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

void AmbientOcclusionPass::recordApply(VkCommandBuffer cmd, VkExtent2D extent, float strength,
                                       const glm::mat4& projection) const {
    // Vulkan depth z of a perspective projection: linear depth d = P[3][2] / (z + P[2][2]).
    const ApplyConstants constants{{strength, -projection[2][2], projection[3][2], 0.0f}};
    const VkViewport viewport{0.0f, 0.0f, static_cast<float>(extent.width), static_cast<float>(extent.height),
                              0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, applyPipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, applyLayout_.get(), 0, 1, &applySet_, 0, nullptr);
    vkCmdPushConstants(cmd, applyLayout_.get(), VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof constants, &constants);
    vkCmdDraw(cmd, 3, 1, 0, 0);
}

}  // namespace ct::render
