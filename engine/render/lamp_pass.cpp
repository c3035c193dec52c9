#include "render/lamp_pass.h"

#include "vk/pipeline.h"

#include <algorithm>
#include <cstddef>
#include <string>

namespace ct::render {

namespace {

struct LampConstants {
    glm::mat4 viewProj;
    glm::vec4 viewport;  // width, height, minimum core radius (px), projection scale
    glm::vec4 state;     // on (0..1), clock (s), flash duty, unused
    glm::vec4 eye;       // xyz: the camera
};

// A lamp's sprite brightness from its intensity: a 2500 cd floodlight is a bright white point;
// the scale is a night photograph's, where lamps are what the exposure is set for.
constexpr float kBrightnessPerCandela = 1.0f / 600.0f;

}  // namespace

LampPass::LampPass(vk::Context& context, const std::filesystem::path& shaderDir, const SceneTargets& formats)
    : context_(context), buffers_(context, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, "lamps") {
    const VkShaderStageFlags stages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
    layout_ = vk::makePipelineLayout(context_, {}, sizeof(LampConstants), "lamp pipeline layout", stages);
    const vk::Unique<VkShaderModule> vert = vk::loadShader(context_, shaderDir, "lamp.vert");
    const vk::Unique<VkShaderModule> frag = vk::loadShader(context_, shaderDir, "lamp.frag");
    vk::GraphicsPipelineDesc desc = overScenePipeline(formats, "lamps", OverScene::Added);
    desc.layout = layout_.get();
    desc.vertexShader = vert.get();
    desc.fragmentShader = frag.get();
    desc.vertexBindings = {{0, sizeof(GpuLamp), VK_VERTEX_INPUT_RATE_INSTANCE}};
    desc.vertexAttributes = {{0, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(GpuLamp, positionSize)},
                             {1, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(GpuLamp, colorFlash)}};
    pipeline_ = vk::buildGraphicsPipeline(context_, desc);
}

void LampPass::setLamps(std::span<const Lamp> lamps) {
    lamps_.assign(lamps.begin(), lamps.end());
}

void LampPass::record(VkCommandBuffer cmd, const LampView& view, std::span<const char> shown,
                      std::span<const glm::mat4> moved) {
    if (lamps_.empty() || view.on <= 0.0f) return;
    staged_.clear();
    for (std::size_t i = 0; i < lamps_.size(); ++i) {
        if (i < shown.size() && !shown[i]) continue;
        const Lamp& lamp = lamps_[i];
        const glm::vec3 position =
            i < moved.size() ? glm::vec3(moved[i] * glm::vec4(lamp.position, 1.0f)) : lamp.position;
        staged_.push_back({glm::vec4(position, lamp.size_m),
                           glm::vec4(lamp.color * lamp.intensity_cd * kBrightnessPerCandela, lamp.flashesPerMinute)});
    }
    if (staged_.empty()) return;
    const VkDeviceSize bytes = staged_.size() * sizeof(GpuLamp);
    vk::Buffer& buffer = buffers_.reserve(view.frameSlot, bytes);
    buffer.write(staged_.data(), bytes);

    LampConstants constants{};
    constants.viewProj = view.viewProj;
    constants.viewport = glm::vec4(static_cast<float>(view.extent.width), static_cast<float>(view.extent.height),
                                   kMinCorePixels, view.projectionScale);
    constants.state = glm::vec4(std::min(view.on, 1.0f), view.clock_s, kFlashDuty, 0.0f);
    constants.eye = glm::vec4(view.eye, 1.0f);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.get());
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                       sizeof(constants), &constants);
    const VkBuffer handle = buffer.get();
    const VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &handle, &offset);
    vkCmdDraw(cmd, 6, static_cast<std::uint32_t>(staged_.size()), 0, 0);
}

}  // namespace ct::render
