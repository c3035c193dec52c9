#include "render/edge_reconstruction_pass.h"

#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

namespace {

constexpr VkFormat kMaskFormat = VK_FORMAT_D32_SFLOAT;

}  // namespace

EdgeReconstructionPass::EdgeReconstructionPass(vk::Context& context, const std::filesystem::path& shaderDir)
    : context_(context) {
    sampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST}, "edge reconstruction sampler");
    const VkShaderStageFlags fragment = VK_SHADER_STAGE_FRAGMENT_BIT;
    setLayout_ = vk::makeSetLayout(context_,
                                   {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
                                    {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment}},
                                   "edge reconstruction set layout");
    layout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, 0, "edge reconstruction pipeline layout", 0);
    const vk::Unique<VkShaderModule> vertex = vk::loadShader(context_, shaderDir, "fullscreen_triangle.vert");
    const vk::Unique<VkShaderModule> classify = vk::loadShader(context_, shaderDir, "edge_classify.frag");
    const vk::Unique<VkShaderModule> reconstruct = vk::loadShader(context_, shaderDir, "edge_reconstruction.frag");

    vk::GraphicsPipelineDesc desc;
    desc.name = "edge classification";
    desc.layout = layout_.get();
    desc.vertexShader = vertex.get();
    desc.fragmentShader = classify.get();
    desc.colorAttachments = {{kColorFormat, false, true}};
    desc.depthFormat = kMaskFormat;
    desc.depthCompare = VK_COMPARE_OP_ALWAYS;  // every pixel marked
    classify_ = vk::buildGraphicsPipeline(context_, desc);
    // The full-screen triangle lies at depth 0: it passes only where the mark is 0, an edge.
    desc.name = "edge reconstruction";
    desc.fragmentShader = reconstruct.get();
    desc.depthCompare = VK_COMPARE_OP_GREATER_OR_EQUAL;
    desc.depthWrite = false;
    reconstruct_ = vk::buildGraphicsPipeline(context_, desc);
}

void EdgeReconstructionPass::setImages(const EdgeReconstructionImages& images) {
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 2}};
    vk::DescriptorSets sets = vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "edge reconstruction");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    vk::DescriptorWriter()
        .image(0, images.shaded->view(), sampler_.get())
        .image(1, images.sampleKeys->view(), sampler_.get())
        .update(context_.device(), set_);
    out_ = images.out;
    extent_ = images.out->extent();
    edgeMask_ = vk::Image(context_, {extent_, kMaskFormat,
                                     VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
                                         VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                                     1, VK_IMAGE_ASPECT_DEPTH_BIT, "edge mask"});
}

void EdgeReconstructionPass::record(VkCommandBuffer cmd) {
    // The mark lives within this rendering: nothing before it to keep or wait for but the last
    // frame's use (the depth tests of the same stages).
    vk::transition(cmd, edgeMask_,
                   {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                    VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                    VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT});
    VkRenderingAttachmentInfo color{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    color.imageView = out_->view();
    color.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;  // every pixel written by the first draw
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    VkRenderingAttachmentInfo mask{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    mask.imageView = edgeMask_.view();
    mask.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
    mask.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    mask.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
    rendering.renderArea = {{0, 0}, extent_};
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &color;
    rendering.pDepthAttachment = &mask;
    vkCmdBeginRendering(cmd, &rendering);
    const VkViewport viewport{0.0f, 0.0f, static_cast<float>(extent_.width), static_cast<float>(extent_.height),
                              0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, extent_};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, classify_.get());
    vkCmdDraw(cmd, 3, 1, 0, 0);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, reconstruct_.get());
    vkCmdDraw(cmd, 3, 1, 0, 0);
    vkCmdEndRendering(cmd);
}

}  // namespace ct::render
