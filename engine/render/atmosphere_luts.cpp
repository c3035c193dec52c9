#include "render/atmosphere_luts.h"

#include "vk/check.h"
#include "vk/pipeline.h"

#include <cstring>
#include <initializer_list>
#include <string>

namespace ct::render {

namespace {

// The push constants of shaders/atmosphere_*.comp: the atmosphere, then (sky view) the viewer.
struct AtmospherePush {
    glm::vec4 radii;
    glm::vec4 rayleigh;  // w: integration steps
    glm::vec4 mie;
    glm::vec4 ozone;
    glm::vec4 view;  // viewer radius (km), sun zenith (rad)
};

AtmospherePush pushFor(const AtmosphereParameters& a, int steps) {
    return {{a.bottomRadius_km, a.topRadius_km, a.rayleighScaleHeight_km, a.mieScaleHeight_km},
            glm::vec4(a.rayleighScattering, static_cast<float>(steps)),
            {a.mieScattering, a.mieExtinction, a.ozoneCentre_km, a.ozoneHalfWidth_km},
            glm::vec4(a.ozoneAbsorption, 0.0f),
            glm::vec4(0.0f)};
}

constexpr VkFormat kTableFormat = VK_FORMAT_R32G32B32A32_SFLOAT;
constexpr VkPipelineStageFlags2 kReaders =
    VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT;

// Runs `shader` once over the last of `images` (storage images bound 0, 1, ..., the earlier ones
// read, the last written in 8x8 groups) and waits. The written table is left in GENERAL, its
// writes visible to every later shader.
void computeTableOnce(vk::Context& context, const std::filesystem::path& shaderDir, const char* shader,
                      const std::string& name, std::initializer_list<const vk::Image*> images,
                      const AtmospherePush& push) {
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;
    std::vector<vk::LayoutBinding> bindings;
    for (std::uint32_t i = 0; i < images.size(); ++i)
        bindings.push_back({i, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute});
    const vk::Unique<VkDescriptorSetLayout> setLayout = vk::makeSetLayout(context, bindings, name + " layout");
    const vk::Unique<VkPipelineLayout> layout =
        vk::makePipelineLayout(context, {setLayout.get()}, sizeof(AtmospherePush), name + " pipeline layout", compute);
    const vk::Unique<VkShaderModule> module = vk::loadShader(context, shaderDir, shader);
    const vk::Unique<VkPipeline> pipeline = vk::buildComputePipeline(context, layout.get(), module.get(), name);
    const VkDescriptorPoolSize sizes[] = {
        {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, static_cast<std::uint32_t>(images.size())}};
    const vk::DescriptorSets sets = vk::allocateDescriptorSets(context, setLayout.get(), sizes, 1, name);
    vk::DescriptorWriter writer;
    std::uint32_t binding = 0;
    for (const vk::Image* image : images)
        writer.storageImage(binding++, image->view());
    writer.update(context.device(), sets.sets[0]);
    const vk::Image& table = **(images.end() - 1);
    context.runOnce([&](VkCommandBuffer cmd) {
        vk::transition(cmd, table,
                       {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
                        VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.get());
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout.get(), 0, 1, &sets.sets[0], 0, nullptr);
        vkCmdPushConstants(cmd, layout.get(), compute, 0, sizeof push, &push);
        vkCmdDispatch(cmd, (table.extent().width + 7) / 8, (table.extent().height + 7) / 8, 1);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, kReaders,
                          VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_SAMPLED_READ_BIT);
    });
}

}  // namespace

AtmosphereLuts::AtmosphereLuts(vk::Context& context, const std::filesystem::path& shaderDir,
                               const AtmosphereParameters& atmosphere)
    : context_(context), atmosphere_(atmosphere) {
    const VkImageUsageFlags usage =
        VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    transmittance_ = vk::Image(context, {{kTransmittanceWidth, kTransmittanceHeight},
                                         kTableFormat,
                                         usage,
                                         1,
                                         VK_IMAGE_ASPECT_COLOR_BIT,
                                         "atmosphere transmittance"});
    skyView_ = vk::Image(
        context,
        {{kSkyViewWidth, kSkyViewHeight}, kTableFormat, usage, 1, VK_IMAGE_ASPECT_COLOR_BIT, "atmosphere sky view"});
    multipleScattering_ = vk::Image(context, {{kMultipleScatteringSize, kMultipleScatteringSize},
                                              kTableFormat,
                                              usage,
                                              1,
                                              VK_IMAGE_ASPECT_COLOR_BIT,
                                              "atmosphere multiple scattering"});
    const VkShaderStageFlags compute = VK_SHADER_STAGE_COMPUTE_BIT;

    // The tables that depend on the atmosphere only, once: transmittance, then multiple
    // scattering from it.
    computeTableOnce(context, shaderDir, "atmosphere_transmittance.comp", "atmosphere transmittance", {&transmittance_},
                     pushFor(atmosphere_, kTransmittanceSteps));
    AtmospherePush msPush = pushFor(atmosphere_, kMultipleScatteringSteps);
    msPush.ozone.w = static_cast<float>(kMultipleScatteringDirections);
    msPush.view.x = kGroundAlbedo;
    computeTableOnce(context, shaderDir, "atmosphere_multiple_scattering.comp", "atmosphere multiple scattering",
                     {&transmittance_, &multipleScattering_}, msPush);
    context.runOnce([&](VkCommandBuffer cmd) {
        vk::transition(cmd, skyView_,
                       {VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE,
                        VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
    });

    // The sky view: set up once, recorded per frame.
    skyViewSetLayout_ = vk::makeSetLayout(context,
                                          {{0, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute},
                                           {1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute},
                                           {2, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, compute}},
                                          "atmosphere sky view layout");
    skyViewLayout_ = vk::makePipelineLayout(context, {skyViewSetLayout_.get()}, sizeof(AtmospherePush),
                                            "atmosphere sky view pipeline layout", compute);
    const vk::Unique<VkShaderModule> skyShader = vk::loadShader(context, shaderDir, "atmosphere_sky_view.comp");
    skyViewPipeline_ = vk::buildComputePipeline(context, skyViewLayout_.get(), skyShader.get(), "atmosphere sky view");
    const VkDescriptorPoolSize three[] = {{VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 3}};
    skyViewSets_ = vk::allocateDescriptorSets(context, skyViewSetLayout_.get(), three, 1, "atmosphere sky view");
    vk::DescriptorWriter()
        .storageImage(0, transmittance_.view())
        .storageImage(1, skyView_.view())
        .storageImage(2, multipleScattering_.view())
        .update(context.device(), skyViewSets_.sets[0]);
}

void AtmosphereLuts::recordSkyView(VkCommandBuffer cmd, double r_km, double sunZenith_rad) const {
    AtmospherePush push = pushFor(atmosphere_, kSkyViewSteps);
    push.view = glm::vec4(static_cast<float>(r_km), static_cast<float>(sunZenith_rad), 0.0f, 0.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, skyViewPipeline_.get());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, skyViewLayout_.get(), 0, 1, &skyViewSets_.sets[0], 0,
                            nullptr);
    vkCmdPushConstants(cmd, skyViewLayout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof push, &push);
    vkCmdDispatch(cmd, (kSkyViewWidth + 7) / 8, (kSkyViewHeight + 7) / 8, 1);
}

void AtmosphereLuts::computeSkyView(double r_km, double sunZenith_rad) {
    context_.runOnce([&](VkCommandBuffer cmd) {
        recordSkyView(cmd, r_km, sunZenith_rad);
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                          kReaders | VK_PIPELINE_STAGE_2_COPY_BIT,
                          VK_ACCESS_2_SHADER_SAMPLED_READ_BIT | VK_ACCESS_2_TRANSFER_READ_BIT);
    });
}

std::vector<glm::vec4> AtmosphereLuts::readTransmittance() {
    return read(transmittance_, VK_IMAGE_LAYOUT_GENERAL);
}

std::vector<glm::vec4> AtmosphereLuts::readMultipleScattering() {
    return read(multipleScattering_, VK_IMAGE_LAYOUT_GENERAL);
}

std::vector<glm::vec4> AtmosphereLuts::readSkyView() {
    return read(skyView_, VK_IMAGE_LAYOUT_GENERAL);
}

std::vector<glm::vec4> AtmosphereLuts::read(const vk::Image& image, VkImageLayout layout) {
    const VkExtent2D extent = image.extent();
    const VkDeviceSize bytes = sizeof(glm::vec4) * extent.width * extent.height;
    vk::Buffer readback(context_,
                        {bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, vk::MemoryUsage::Readback, "atmosphere readback"});
    context_.runOnce([&](VkCommandBuffer cmd) {
        vk::transition(
            cmd, image,
            {layout, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, kReaders | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
             VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageExtent = {extent.width, extent.height, 1};
        vkCmdCopyImageToBuffer(cmd, image.get(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.get(), 1, &region);
        vk::transition(cmd, image,
                       {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, layout, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_NONE,
                        kReaders, VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
        vk::memoryBarrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                          VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT);
    });
    readback.invalidate(context_.device());
    std::vector<glm::vec4> table(static_cast<std::size_t>(extent.width) * extent.height);
    std::memcpy(table.data(), readback.mapped(), bytes);
    return table;
}

}  // namespace ct::render
