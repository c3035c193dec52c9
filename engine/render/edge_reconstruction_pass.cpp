#include "render/edge_reconstruction_pass.h"

#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

EdgeReconstructionPass::EdgeReconstructionPass(vk::Context& context, const std::filesystem::path& shaderDir)
    : context_(context) {
    sampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST}, "edge reconstruction sampler");
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    setLayout_ = vk::makeSetLayout(context_,
                                   {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute},
                                    {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute},
                                    {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute},
                                    {3, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
                                   "edge reconstruction set layout");
    layout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, 0, "edge reconstruction pipeline layout", 0);
    const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, "edge_reconstruction.comp");
    pipeline_ = vk::buildComputePipeline(context_, layout_.get(), shader.get(), "edge reconstruction");
}

void EdgeReconstructionPass::setImages(const EdgeReconstructionImages& images) {
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 3},
                                          {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    vk::DescriptorSets sets =
        vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "edge reconstruction");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    vk::DescriptorWriter()
        .image(0, images.shaded->view(), sampler_.get())
        .image(1, images.centreIds->view(), sampler_.get())
        .image(2, images.sampleIds->view(), sampler_.get())
        .storageImage(3, images.out->view())
        .update(context_.device(), set_);
    extent_ = images.out->extent();
}

void EdgeReconstructionPass::record(VkCommandBuffer cmd) const {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdDispatch(cmd, (extent_.width + 7) / 8, (extent_.height + 7) / 8, 1);
}

}  // namespace ct::render
