#include "render/plume_pass.h"

#include "vk/pipeline.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

namespace ct::render {

namespace {

struct PlumeConstants {
    glm::mat4 viewProj;
};

// A hot exhaust's rise: buoyancy lifts it fast for the first seconds, then it keeps climbing
// slowly as it cools and mixes; a unit at full output sends it higher.
constexpr float kRiseTime_s = 6.0f;
constexpr float kRiseAtFull_m = 45.0f;
constexpr float kRiseAtLeast_m = 20.0f;
constexpr float kLateClimb_ms = 0.8f;
// Puffs swell as they mix with the air, and more in a wind that tears at them.
constexpr float kSwell_ms = 0.45f;
constexpr float kSwellPerWind = 0.04f;
// A white-grey plume: the condensed water and the soot of a simple-cycle stack.
constexpr float kAlbedo = 0.78f;
constexpr float kDensestOpacity = 0.25f;

}  // namespace

std::array<PlumePuff, kPuffsPerPlume> plumePuffs(const Plume& plume, float clock_s) {
    std::array<PlumePuff, kPuffsPerPlume> puffs{};
    const float strength = std::clamp(plume.strength, 0.0f, 1.0f);
    // The stream moves on by one puff every interval: the youngest is this far into its life.
    const float puffsSoFar = std::floor(clock_s / kPuffInterval_s);
    const float since = clock_s / kPuffInterval_s - puffsSoFar;
    const float rise = kRiseAtLeast_m + (kRiseAtFull_m - kRiseAtLeast_m) * strength;
    const float windSpeed = glm::length(plume.wind);
    for (int k = 0; k < kPuffsPerPlume; ++k) {
        const float age = (static_cast<float>(kPuffsPerPlume - 1 - k) + since) * kPuffInterval_s;
        const float life = age / kPuffLife_s;
        PlumePuff& puff = puffs[static_cast<std::size_t>(k)];
        puff.position = plume.position + plume.wind * age +
                        glm::vec3(0.0f, rise * (1.0f - std::exp(-age / kRiseTime_s)) + kLateClimb_ms * age, 0.0f);
        puff.radius_m = plume.radius_m * 1.5f + kSwell_ms * age * (1.0f + kSwellPerWind * windSpeed);
        // Thicker at high output; fading in as it leaves the stack and out as it disperses.
        const float fadeIn = std::clamp(age / 0.4f, 0.0f, 1.0f);
        puff.opacity = kDensestOpacity * (0.35f + 0.65f * strength) * fadeIn * std::pow(1.0f - life, 1.5f);
        puff.seed = std::fmod(puffsSoFar - static_cast<float>(kPuffsPerPlume - 1 - k), 61.0f);
    }
    return puffs;
}

PlumePass::PlumePass(vk::Context& context, const std::filesystem::path& shaderDir, const SceneTargets& formats)
    : context_(context), buffers_(context, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, "plume puffs") {
    layout_ = vk::makePipelineLayout(context_, {}, sizeof(PlumeConstants), "plume pipeline layout",
                                     VK_SHADER_STAGE_VERTEX_BIT);
    const vk::Unique<VkShaderModule> vert = vk::loadShader(context_, shaderDir, "plume.vert");
    const vk::Unique<VkShaderModule> frag = vk::loadShader(context_, shaderDir, "plume.frag");
    vk::GraphicsPipelineDesc desc = overScenePipeline(formats, "plumes", OverScene::Over);
    desc.layout = layout_.get();
    desc.vertexShader = vert.get();
    desc.fragmentShader = frag.get();
    desc.vertexBindings = {{0, sizeof(GpuPuff), VK_VERTEX_INPUT_RATE_INSTANCE}};
    desc.vertexAttributes = {{0, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(GpuPuff, positionRadius)},
                             {1, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(GpuPuff, colorOpacity)},
                             {2, 0, VK_FORMAT_R32_SFLOAT, offsetof(GpuPuff, seed)}};
    pipeline_ = vk::buildGraphicsPipeline(context_, desc);
}

void PlumePass::setPlumes(std::span<const Plume> plumes) {
    plumes_.assign(plumes.begin(), plumes.end());
}

std::uint32_t PlumePass::record(VkCommandBuffer cmd, const PlumeView& view) {
    if (plumes_.empty()) return 0;
    staged_.clear();
    const glm::vec3 color = view.light * kAlbedo * view.exposure;
    for (const Plume& plume : plumes_)
        for (const PlumePuff& puff : plumePuffs(plume, view.clock_s))
            if (puff.opacity > 0.0f)
                staged_.push_back({glm::vec4(puff.position, puff.radius_m), glm::vec4(color, puff.opacity), puff.seed});
    // Blended "over": the farthest first.
    const auto distance = [&](const GpuPuff& p) { return glm::length(glm::vec3(p.positionRadius) - view.eye); };
    std::sort(staged_.begin(), staged_.end(),
              [&](const GpuPuff& a, const GpuPuff& b) { return distance(a) > distance(b); });
    const VkDeviceSize bytes = staged_.size() * sizeof(GpuPuff);
    vk::Buffer& buffer = buffers_.reserve(view.frameSlot, bytes);
    buffer.write(staged_.data(), bytes);

    const PlumeConstants constants{view.viewProj};
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.get());
    vkCmdSetCullMode(cmd, VK_CULL_MODE_NONE);
    vkCmdSetFrontFace(cmd, VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetDepthBias(cmd, 0.0f, 0.0f, 0.0f);
    vkCmdPushConstants(cmd, layout_.get(), VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(constants), &constants);
    const VkBuffer handle = buffer.get();
    const VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &handle, &offset);
    vkCmdDraw(cmd, 6, static_cast<std::uint32_t>(staged_.size()), 0, 0);
    return static_cast<std::uint32_t>(plumes_.size());
}

}  // namespace ct::render
