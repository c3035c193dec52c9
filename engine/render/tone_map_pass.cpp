#include "render/tone_map_pass.h"

#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

namespace {

struct ToneMapConstants {
    glm::vec4 occlusionParams;  // strength, a, b (linear depth = b / (z - a)), unused
    glm::vec4 bloomParams;      // weight, unused
};

}  // namespace

ToneMapPass::ToneMapPass(vk::Context& context, const std::filesystem::path& shaderDir, VkFormat displayFormat)
    : context_(context) {
    sampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST}, "tone map sampler");
    bloomSampler_ = vk::makeSampler(context_, {VK_FILTER_LINEAR}, "tone map bloom sampler");
    const VkShaderStageFlags fragment = VK_SHADER_STAGE_FRAGMENT_BIT;
    setLayout_ = vk::makeSetLayout(context_,
                                   {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
                                    {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
                                    {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
                                    {3, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment}},
                                   "tone map set layout");
    layout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, sizeof(ToneMapConstants), "tone map pipeline layout",
                                     fragment);
    const vk::Unique<VkShaderModule> vert = vk::loadShader(context_, shaderDir, "fullscreen_triangle.vert");
    const vk::Unique<VkShaderModule> frag = vk::loadShader(context_, shaderDir, "tone_map.frag");
    vk::GraphicsPipelineDesc desc;
    desc.name = "tone map";
    desc.layout = layout_.get();
    desc.vertexShader = vert.get();
    desc.fragmentShader = frag.get();
    desc.colorAttachments = {{displayFormat, false, true}};
    desc.depthTest = false;
    desc.depthWrite = false;
    pipeline_ = vk::buildGraphicsPipeline(context_, desc);
}

void ToneMapPass::setImages(const ToneMapInputs& inputs) {
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 4}};
    vk::DescriptorSets sets = vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "tone map");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    hasBloom_ = inputs.bloom != nullptr;
    hasOcclusion_ = inputs.occlusion != nullptr && inputs.depth != nullptr;
    const vk::Image& exposed = *inputs.exposed;
    vk::DescriptorWriter()
        .image(0, exposed.view(), sampler_.get())
        .image(1, (hasBloom_ ? *inputs.bloom : exposed).view(), bloomSampler_.get())
        .image(2, (hasOcclusion_ ? *inputs.depth : exposed).view(), sampler_.get())
        .image(3, (hasOcclusion_ ? *inputs.occlusion : exposed).view(), sampler_.get())
        .update(context_.device(), set_);
}

void ToneMapPass::record(VkCommandBuffer cmd, VkExtent2D extent, const ToneMapSettings& settings) const {
    // Vulkan depth z of a perspective projection: linear depth d = P[3][2] / (z + P[2][2]).
    const ToneMapConstants constants{{hasOcclusion_ ? settings.occlusionStrength : 0.0f, -settings.projection[2][2],
                                      settings.projection[3][2], 0.0f},
                                     {hasBloom_ ? settings.bloomWeight : 0.0f, 0.0f, 0.0f, 0.0f}};
    const VkViewport viewport{0.0f, 0.0f, static_cast<float>(extent.width), static_cast<float>(extent.height),
                              0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, extent};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof constants, &constants);
    vkCmdDraw(cmd, 3, 1, 0, 0);
}

}  // namespace ct::render
