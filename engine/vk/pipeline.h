// Pipeline and descriptor building with defaulted members, so each pipeline is a few lines.
// Every graphics pipeline uses dynamic rendering (no render pass objects) and takes viewport,
// scissor, cull mode, front face and depth bias as dynamic state: one pipeline serves
// single- and double-sided materials and mirrored (negative-scale) instances alike.
#pragma once

#include "vk/context.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ct::vk {

// Loads `<dir>/<name>.spv`; throws naming the file if it is missing or not SPIR-V.
Unique<VkShaderModule> loadShader(Context& context, const std::filesystem::path& dir, const std::string& name);

struct ColorAttachmentDesc {
    VkFormat format = VK_FORMAT_UNDEFINED;
    bool blend = false;  // premultiplied-free "over": src*a + dst*(1-a)
    bool writeEnabled = true;
    bool additive = false;  // with blend: src*a + dst instead (light adds to what is behind it)
    bool multiply = false;  // with blend: dst * src instead (a shadowing term darkens what is there)
    bool writeAlpha = true;  // off: the draw leaves the attachment's alpha as it was
};

struct GraphicsPipelineDesc {
    std::string name;
    VkPipelineLayout layout = VK_NULL_HANDLE;
    VkShaderModule vertexShader = VK_NULL_HANDLE;
    VkShaderModule fragmentShader = VK_NULL_HANDLE;  // null: depth-only
    std::vector<VkVertexInputBindingDescription> vertexBindings;
    std::vector<VkVertexInputAttributeDescription> vertexAttributes;
    std::vector<ColorAttachmentDesc> colorAttachments;
    VkFormat depthFormat = VK_FORMAT_UNDEFINED;
    bool depthTest = true;
    bool depthWrite = true;
    VkCompareOp depthCompare = VK_COMPARE_OP_LESS_OR_EQUAL;
    bool depthClamp = false;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;  // the attachments' sample count
    // The fragment shader's specialization constants, 32 bits each: entry i is constant_id i.
    std::vector<std::uint32_t> fragmentConstants;
};

Unique<VkPipeline> buildGraphicsPipeline(Context& context, const GraphicsPipelineDesc& desc);

// A compute pipeline: one shader (entry point "main") and its layout.
Unique<VkPipeline> buildComputePipeline(Context& context, VkPipelineLayout layout, VkShaderModule shader,
                                        const std::string& name);

// A sampler without mipmaps: `filter` both ways, `address` on all axes; with `compare`, a
// depth-comparison sampler (shadow maps) returning 1 outside the image.
struct SamplerDesc {
    VkFilter filter = VK_FILTER_LINEAR;
    VkSamplerAddressMode address = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    bool compare = false;
};
Unique<VkSampler> makeSampler(Context& context, const SamplerDesc& desc, const std::string& name);

struct LayoutBinding {
    std::uint32_t binding;
    VkDescriptorType type;
    VkShaderStageFlags stages;
    std::uint32_t count = 1;
};

Unique<VkDescriptorSetLayout> makeSetLayout(Context& context, const std::vector<LayoutBinding>& bindings,
                                            const std::string& name);
Unique<VkPipelineLayout> makePipelineLayout(Context& context, const std::vector<VkDescriptorSetLayout>& sets,
                                            std::uint32_t pushConstantBytes, const std::string& name,
                                            VkShaderStageFlags pushConstantStages = VK_SHADER_STAGE_VERTEX_BIT |
                                                                                    VK_SHADER_STAGE_FRAGMENT_BIT);

// Accumulates descriptor writes for one set and applies them in one vkUpdateDescriptorSets.
class DescriptorWriter {
public:
    DescriptorWriter& buffer(std::uint32_t binding, VkDescriptorType type, VkBuffer buffer, VkDeviceSize offset = 0,
                             VkDeviceSize range = VK_WHOLE_SIZE);
    DescriptorWriter& image(std::uint32_t binding, VkImageView view, VkSampler sampler,
                            VkImageLayout layout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
    // A storage image, read or written by shaders in the GENERAL layout.
    DescriptorWriter& storageImage(std::uint32_t binding, VkImageView view);
    void update(VkDevice device, VkDescriptorSet set);

private:
    struct Entry {
        std::uint32_t binding;
        VkDescriptorType type;
        VkDescriptorBufferInfo bufferInfo;
        VkDescriptorImageInfo imageInfo;
    };
    std::vector<Entry> entries_;
};

}  // namespace ct::vk
