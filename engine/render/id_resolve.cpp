#include "render/id_resolve.h"

#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

namespace ct::render {

IdResolve::IdResolve(vk::Context& context, const std::filesystem::path& shaderDir) : context_(context) {
    sampler_ = vk::makeSampler(context_, {VK_FILTER_NEAREST}, "id resolve sampler");
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    setLayout_ = vk::makeSetLayout(
        context_,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, compute}, {1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
        "id resolve set layout");
    layout_ = vk::makePipelineLayout(context_, {setLayout_.get()}, 0, "id resolve pipeline layout", 0);
    const vk::Unique<VkShaderModule> shader = vk::loadShader(context_, shaderDir, "id_resolve.comp");
    pipeline_ = vk::buildComputePipeline(context_, layout_.get(), shader.get(), "id resolve");
}

void IdResolve::setImages(const vk::Image& multisampled, const vk::Image& resolved) {
    const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1},
                                          {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    vk::DescriptorSets sets = vk::allocateDescriptorSets(context_, setLayout_.get(), sizes, 1, "id resolve");
    pool_ = std::move(sets.pool);
    set_ = sets.sets[0];
    vk::DescriptorWriter()
        .image(0, multisampled.view(), sampler_.get())
        .storageImage(1, resolved.view())
        .update(context_.device(), set_);
    extent_ = resolved.extent();
}

void IdResolve::record(VkCommandBuffer cmd) const {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_.get(), 0, 1, &set_, 0, nullptr);
    vkCmdDispatch(cmd, (extent_.width + 7) / 8, (extent_.height + 7) / 8, 1);
}

}  // namespace ct::render
