// Lamps drawn as glowing points (render/lamps.h): a camera-facing sprite per lamp, a white-hot
// core in the lamp's colour and a soft halo, added to what is behind it. Far away a sprite keeps
// a minimum size on screen, so a floodlight or an aviation light 5 km out is still a point of
// light, as it is to the eye at night, not a sub-pixel speck that MSAA averages away.
//
//   LampPass lamps(context, shaderDir, {kColorFormat, kIdFormat, kDepthFormat, samples});
//   lamps.setLamps(list);                           // whenever they change; copied
//   // inside the main pass, after the scene:
//   lamps.record(cmd, {slot, viewProj, projectionScale, extent, on, clock_s}, shown);
//
// Depth is tested (a building hides the lamps behind it) and not written; the id attachment is
// left alone. Nothing is recorded while the lamps are off.
#pragma once

#include "render/frame_ring.h"
#include "render/frame_upload_buffers.h"
#include "render/lamps.h"
#include "render/scene_targets.h"
#include "vk/resources.h"

#include <array>
#include <filesystem>
#include <span>
#include <vector>

#include <glm/glm.hpp>

namespace ct::render {

struct LampView {
    std::uint32_t frameSlot = 0;
    glm::mat4 viewProj{1.0f};
    float projectionScale = 1.0f;  // the projection's [1][1]: pixels per metre at depth w
    VkExtent2D extent{};
    float on = 1.0f;       // 0..1: the photocell (Lighting::siteLights)
    float clock_s = 0.0f;  // seconds, for flashing lamps (all in unison)
    glm::vec3 eye{0.0f};
};

class LampPass {
public:
    // The smallest radius of a lamp's core on screen, in pixels.
    static constexpr float kMinCorePixels = 1.0f;

    LampPass(vk::Context& context, const std::filesystem::path& shaderDir, const SceneTargets& formats);

    void setLamps(std::span<const Lamp> lamps);
    std::span<const Lamp> lamps() const { return lamps_; }

    // `shown`: one entry per lamp, non-zero to draw it (its node is drawn); `moved`: one entry per
    // lamp, the motion of the node it hangs on (render::NodeAnimation::motion; empty: none).
    void record(VkCommandBuffer cmd, const LampView& view, std::span<const char> shown,
                std::span<const glm::mat4> moved = {});

private:
    // One sprite; mirrors shaders/lamp.vert's instance attributes.
    struct GpuLamp {
        glm::vec4 positionSize;  // world position, radius of the glowing head (m)
        glm::vec4 colorFlash;    // linear colour times brightness, flashes per minute
    };

    vk::Context& context_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    std::vector<Lamp> lamps_;
    std::vector<GpuLamp> staged_;
    FrameUploadBuffers buffers_;
};

}  // namespace ct::render
