#include "render/atmosphere_luts.h"

#include "vk/check.h"
#include "vk/descriptor_pool.h"
#include "vk/pipeline.h"

#include <cstring>

namespace ct::render {

namespace {

// shaders/atmosphere_transmittance.comp's push constants.
struct TransmittancePush {
    glm::vec4 radii;
    glm::vec4 rayleigh;
    glm::vec4 mie;
    glm::vec4 ozone;
};

constexpr VkFormat kTableFormat = VK_FORMAT_R32G32B32A32_SFLOAT;

}  // namespace

AtmosphereLuts::AtmosphereLuts(vk::Context& context, const std::filesystem::path& shaderDir,
                               const AtmosphereParameters& atmosphere)
    : context_(context), atmosphere_(atmosphere) {
    transmittance_ =
        vk::Image(context, {{kTransmittanceWidth, kTransmittanceHeight},
                            kTableFormat,
                            VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                            1,
                            VK_IMAGE_ASPECT_COLOR_BIT,
                            "atmosphere transmittance"});
    const vk::Unique<VkDescriptorSetLayout> setLayout = vk::makeSetLayout(
        context, {{0, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, VK_SHADER_STAGE_COMPUTE_BIT}}, "atmosphere table layout");
    const vk::Unique<VkPipelineLayout> layout =
        vk::makePipelineLayout(context, {setLayout.get()}, sizeof(TransmittancePush), "atmosphere pipeline layout",
                               VK_SHADER_STAGE_COMPUTE_BIT);
    const vk::Unique<VkShaderModule> shader = vk::loadShader(context, shaderDir, "atmosphere_transmittance.comp");
    const vk::Unique<VkPipeline> pipeline =
        vk::buildComputePipeline(context, layout.get(), shader.get(), "atmosphere transmittance");
    const VkDescriptorPoolSize perSet[] = {{VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 1}};
    const vk::DescriptorSets sets = vk::allocateDescriptorSets(context, setLayout.get(), perSet, 1, "atmosphere table");
    vk::DescriptorWriter().storageImage(0, transmittance_.view()).update(context.device(), sets.sets[0]);

    const AtmosphereParameters& a = atmosphere_;
    const TransmittancePush push{{a.bottomRadius_km, a.topRadius_km, a.rayleighScaleHeight_km, a.mieScaleHeight_km},
                                 glm::vec4(a.rayleighScattering, static_cast<float>(kTransmittanceSteps)),
                                 {a.mieScattering, a.mieExtinction, a.ozoneCentre_km, a.ozoneHalfWidth_km},
                                 glm::vec4(a.ozoneAbsorption, 0.0f)};
    // Computed once: the table depends on the atmosphere, not on the sun or the camera.
    context.runOnce([&](VkCommandBuffer cmd) {
        vk::transition(cmd, transmittance_,
                       {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
                        VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.get());
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout.get(), 0, 1, &sets.sets[0], 0, nullptr);
        vkCmdPushConstants(cmd, layout.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof push, &push);
        vkCmdDispatch(cmd, (kTransmittanceWidth + 7) / 8, (kTransmittanceHeight + 7) / 8, 1);
        vk::transition(cmd, transmittance_,
                       {VK_IMAGE_LAYOUT_GENERAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                        VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                        VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
    });
}

std::vector<glm::vec4> AtmosphereLuts::readTransmittance() {
    const VkDeviceSize bytes = sizeof(glm::vec4) * kTransmittanceWidth * kTransmittanceHeight;
    vk::Buffer readback(context_, {bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback,
                                   "atmosphere transmittance readback"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        vk::transition(cmd, transmittance_,
                       {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                        VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_NONE, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {kTransmittanceWidth, kTransmittanceHeight, 1};
        vkCmdCopyImageToBuffer(cmd, transmittance_.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1,
                               &region);
        vk::transition(cmd, transmittance_,
                       {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                        VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_NONE,
                        VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                        VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context_.device());
    std::vector<glm::vec4> table(kTransmittanceWidth * kTransmittanceHeight);
    std::memcpy(table.data(), readback.mapped(), bytes);
    return table;
}

}  // namespace ct::render
