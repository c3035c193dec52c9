#include "vk/pipeline.h"

#include "vk/check.h"

#include <fstream>
#include <stdexcept>

namespace ct::vk {

Unique<VkShaderModule> loadShader(Context& context, const std::filesystem::path& dir, const std::string& name) {
    const std::filesystem::path path = dir / (name + ".spv");
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file) throw std::runtime_error(path.string() + ": shader not found (is the data directory complete?)");
    const std::streamsize bytes = file.tellg();
    if (bytes <= 0 || bytes % 4 != 0)
        throw std::runtime_error(path.string() + ": not a SPIR-V module (size " + std::to_string(bytes) + ")");
    std::vector<std::uint32_t> code(static_cast<std::size_t>(bytes) / 4);
    file.seekg(0);
    file.read(reinterpret_cast<char*>(code.data()), bytes);
    if (code[0] != 0x07230203u) throw std::runtime_error(path.string() + ": bad SPIR-V magic number");

    VkShaderModuleCreateInfo info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    info.codeSize = static_cast<std::size_t>(bytes);
    info.pCode = code.data();
    VkShaderModule module = VK_NULL_HANDLE;
    VK_CHECK(vkCreateShaderModule(context.device(), &info, nullptr, &module));
    return context.own(module, vkDestroyShaderModule, name);
}

Unique<VkPipeline> buildGraphicsPipeline(Context& context, const GraphicsPipelineDesc& desc) {
    std::vector<VkPipelineShaderStageCreateInfo> stages;
    VkPipelineShaderStageCreateInfo stage{VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
    stage.pName = "main";
    stage.stage = VK_SHADER_STAGE_VERTEX_BIT;
    stage.module = desc.vertexShader;
    stages.push_back(stage);
    std::vector<VkSpecializationMapEntry> constantEntries;
    VkSpecializationInfo constants{};
    if (desc.fragmentShader) {
        stage.stage = VK_SHADER_STAGE_FRAGMENT_BIT;
        stage.module = desc.fragmentShader;
        if (!desc.fragmentConstants.empty()) {
            for (std::uint32_t i = 0; i < desc.fragmentConstants.size(); ++i)
                constantEntries.push_back({i, i * 4u, 4u});
            constants.mapEntryCount = static_cast<std::uint32_t>(constantEntries.size());
            constants.pMapEntries = constantEntries.data();
            constants.dataSize = desc.fragmentConstants.size() * sizeof(std::uint32_t);
            constants.pData = desc.fragmentConstants.data();
            stage.pSpecializationInfo = &constants;
        }
        stages.push_back(stage);
    }

    VkPipelineVertexInputStateCreateInfo vertexInput{VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
    vertexInput.vertexBindingDescriptionCount = static_cast<std::uint32_t>(desc.vertexBindings.size());
    vertexInput.pVertexBindingDescriptions = desc.vertexBindings.data();
    vertexInput.vertexAttributeDescriptionCount = static_cast<std::uint32_t>(desc.vertexAttributes.size());
    vertexInput.pVertexAttributeDescriptions = desc.vertexAttributes.data();

    VkPipelineInputAssemblyStateCreateInfo inputAssembly{VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
    inputAssembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;

    VkPipelineViewportStateCreateInfo viewport{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
    viewport.viewportCount = 1;
    viewport.scissorCount = 1;

    VkPipelineRasterizationStateCreateInfo raster{VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
    raster.polygonMode = VK_POLYGON_MODE_FILL;
    raster.lineWidth = 1.0f;
    raster.depthClampEnable = desc.depthClamp;
    raster.depthBiasEnable = VK_TRUE;  // set to zero by dynamic state where unwanted

    VkPipelineMultisampleStateCreateInfo multisample{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
    multisample.rasterizationSamples = desc.samples;

    VkPipelineDepthStencilStateCreateInfo depth{VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
    depth.depthTestEnable = desc.depthTest;
    depth.depthWriteEnable = desc.depthWrite;
    depth.depthCompareOp = desc.depthCompare;

    std::vector<VkPipelineColorBlendAttachmentState> blends;
    std::vector<VkFormat> colorFormats;
    for (const auto& attachment : desc.colorAttachments) {
        VkPipelineColorBlendAttachmentState blend{};
        const VkColorComponentFlags rgb = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT;
        blend.colorWriteMask =
            attachment.writeEnabled ? rgb | (attachment.writeAlpha ? VkColorComponentFlags{VK_COLOR_COMPONENT_A_BIT} : 0u) : 0u;
        if (attachment.blend) {
            blend.blendEnable = VK_TRUE;
            blend.srcColorBlendFactor = attachment.multiply ? VK_BLEND_FACTOR_ZERO : VK_BLEND_FACTOR_SRC_ALPHA;
            blend.dstColorBlendFactor = attachment.multiply   ? VK_BLEND_FACTOR_SRC_COLOR
                                        : attachment.additive ? VK_BLEND_FACTOR_ONE
                                                              : VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
            blend.colorBlendOp = VK_BLEND_OP_ADD;
            blend.srcAlphaBlendFactor = attachment.multiply ? VK_BLEND_FACTOR_ZERO : VK_BLEND_FACTOR_ONE;
            blend.dstAlphaBlendFactor = attachment.multiply ? VK_BLEND_FACTOR_ONE : VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
            blend.alphaBlendOp = VK_BLEND_OP_ADD;
        }
        blends.push_back(blend);
        colorFormats.push_back(attachment.format);
    }
    VkPipelineColorBlendStateCreateInfo colorBlend{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
    colorBlend.attachmentCount = static_cast<std::uint32_t>(blends.size());
    colorBlend.pAttachments = blends.data();

    const VkDynamicState dynamicStates[] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR,
                                            VK_DYNAMIC_STATE_CULL_MODE, VK_DYNAMIC_STATE_FRONT_FACE,
                                            VK_DYNAMIC_STATE_DEPTH_BIAS};
    VkPipelineDynamicStateCreateInfo dynamic{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
    dynamic.dynamicStateCount = static_cast<std::uint32_t>(std::size(dynamicStates));
    dynamic.pDynamicStates = dynamicStates;

    VkPipelineRenderingCreateInfo rendering{VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO};
    rendering.colorAttachmentCount = static_cast<std::uint32_t>(colorFormats.size());
    rendering.pColorAttachmentFormats = colorFormats.data();
    rendering.depthAttachmentFormat = desc.depthFormat;

    VkGraphicsPipelineCreateInfo info{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
    info.pNext = &rendering;
    info.stageCount = static_cast<std::uint32_t>(stages.size());
    info.pStages = stages.data();
    info.pVertexInputState = &vertexInput;
    info.pInputAssemblyState = &inputAssembly;
    info.pViewportState = &viewport;
    info.pRasterizationState = &raster;
    info.pMultisampleState = &multisample;
    info.pDepthStencilState = &depth;
    info.pColorBlendState = &colorBlend;
    info.pDynamicState = &dynamic;
    info.layout = desc.layout;
    VkPipeline pipeline = VK_NULL_HANDLE;
    VK_CHECK(vkCreateGraphicsPipelines(context.device(), VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
    return context.own(pipeline, vkDestroyPipeline, desc.name);
}

Unique<VkPipeline> buildComputePipeline(Context& context, VkPipelineLayout layout, VkShaderModule shader,
                                        const std::string& name) {
    VkComputePipelineCreateInfo info{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
    info.stage = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
    info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    info.stage.module = shader;
    info.stage.pName = "main";
    info.layout = layout;
    VkPipeline pipeline = VK_NULL_HANDLE;
    VK_CHECK(vkCreateComputePipelines(context.device(), VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
    return context.own(pipeline, vkDestroyPipeline, name);
}

Unique<VkSampler> makeSampler(Context& context, const SamplerDesc& desc, const std::string& name) {
    VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    info.magFilter = desc.filter;
    info.minFilter = desc.filter;
    info.addressModeU = desc.address;
    info.addressModeV = desc.address;
    info.addressModeW = desc.address;
    info.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE;
    info.compareEnable = desc.compare ? VK_TRUE : VK_FALSE;
    info.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL;
    VkSampler sampler = VK_NULL_HANDLE;
    VK_CHECK(vkCreateSampler(context.device(), &info, nullptr, &sampler));
    return context.own(sampler, vkDestroySampler, name);
}

Unique<VkDescriptorSetLayout> makeSetLayout(Context& context, const std::vector<LayoutBinding>& bindings,
                                            const std::string& name) {
    std::vector<VkDescriptorSetLayoutBinding> vkBindings;
    for (const auto& b : bindings)
        vkBindings.push_back({b.binding, b.type, b.count, b.stages, nullptr});
    VkDescriptorSetLayoutCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    info.bindingCount = static_cast<std::uint32_t>(vkBindings.size());
    info.pBindings = vkBindings.data();
    VkDescriptorSetLayout layout = VK_NULL_HANDLE;
    VK_CHECK(vkCreateDescriptorSetLayout(context.device(), &info, nullptr, &layout));
    return context.own(layout, vkDestroyDescriptorSetLayout, name);
}

Unique<VkPipelineLayout> makePipelineLayout(Context& context, const std::vector<VkDescriptorSetLayout>& sets,
                                            std::uint32_t pushConstantBytes, const std::string& name,
                                            VkShaderStageFlags pushConstantStages) {
    VkPushConstantRange range{pushConstantStages, 0, pushConstantBytes};
    VkPipelineLayoutCreateInfo info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    info.setLayoutCount = static_cast<std::uint32_t>(sets.size());
    info.pSetLayouts = sets.data();
    info.pushConstantRangeCount = pushConstantBytes ? 1 : 0;
    info.pPushConstantRanges = &range;
    VkPipelineLayout layout = VK_NULL_HANDLE;
    VK_CHECK(vkCreatePipelineLayout(context.device(), &info, nullptr, &layout));
    return context.own(layout, vkDestroyPipelineLayout, name);
}

DescriptorWriter& DescriptorWriter::buffer(std::uint32_t binding, VkDescriptorType type, VkBuffer buffer,
                                           VkDeviceSize offset, VkDeviceSize range) {
    entries_.push_back({binding, type, {buffer, offset, range}, {}});
    return *this;
}

DescriptorWriter& DescriptorWriter::image(std::uint32_t binding, VkImageView view, VkSampler sampler,
                                          VkImageLayout layout) {
    entries_.push_back({binding, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, {}, {sampler, view, layout}});
    return *this;
}

DescriptorWriter& DescriptorWriter::storageImage(std::uint32_t binding, VkImageView view) {
    entries_.push_back(
        {binding, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, {}, {VK_NULL_HANDLE, view, VK_IMAGE_LAYOUT_GENERAL}});
    return *this;
}

void DescriptorWriter::update(VkDevice device, VkDescriptorSet set) {
    std::vector<VkWriteDescriptorSet> writes;
    for (const auto& entry : entries_) {
        VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        write.dstSet = set;
        write.dstBinding = entry.binding;
        write.descriptorCount = 1;
        write.descriptorType = entry.type;
        if (entry.type == VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER || entry.type == VK_DESCRIPTOR_TYPE_STORAGE_IMAGE)
            write.pImageInfo = &entry.imageInfo;
        else
            write.pBufferInfo = &entry.bufferInfo;
        writes.push_back(write);
    }
    vkUpdateDescriptorSets(device, static_cast<std::uint32_t>(writes.size()), writes.data(), 0, nullptr);
    entries_.clear();
}

}  // namespace ct::vk
