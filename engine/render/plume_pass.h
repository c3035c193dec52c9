// Plumes drawn as streams of camera-facing puffs (render/plumes.h). A puff leaves the stack every
// kPuffInterval_s and lives kPuffLife_s: it rises with the exhaust's buoyancy (fast at first,
// then slowly), drifts with the wind, swells and thins. Its age is taken from the clock, so a
// plume streams continuously and the same clock gives the same frame. Puffs are blended over the
// scene far to near, depth-tested, without writing depth or ids (picking sees through them).
//
//   PlumePass plumes(context, shaderDir, formats);
//   plumes.setPlumes(list);                     // every frame the twin moves; copied
//   plumes.record(cmd, view);                   // in the main pass, after the scene
#pragma once

#include "render/frame_ring.h"
#include "render/frame_upload_buffers.h"
#include "render/plumes.h"
#include "render/scene_targets.h"
#include "vk/resources.h"

#include <array>
#include <filesystem>
#include <span>
#include <vector>

#include <glm/glm.hpp>

namespace ct::render {

struct PlumeView {
    std::uint32_t frameSlot = 0;
    glm::mat4 viewProj{1.0f};
    glm::vec3 eye{0.0f};
    float clock_s = 0.0f;
    glm::vec3 light{0.0f};  // the radiance of a white puff lit by the sun and sky, before the albedo
    float exposure = 1.0f;
};

// A puff of a plume at one moment: where it is, how big and how dense.
struct PlumePuff {
    glm::vec3 position{0.0f};
    float radius_m = 0.0f;
    float opacity = 0.0f;
    float seed = 0.0f;  // which puff of the stream it is (its lumps): the same puff keeps it
};

inline constexpr int kPuffsPerPlume = 64;
inline constexpr float kPuffInterval_s = 0.5f;
inline constexpr float kPuffLife_s = kPuffsPerPlume * kPuffInterval_s;

// The puffs of one plume at `clock_s`, oldest first.
std::array<PlumePuff, kPuffsPerPlume> plumePuffs(const Plume& plume, float clock_s);

class PlumePass {
public:
    PlumePass(vk::Context& context, const std::filesystem::path& shaderDir, const SceneTargets& formats);

    void setPlumes(std::span<const Plume> plumes);
    std::span<const Plume> plumes() const { return plumes_; }

    // Returns the number of plumes drawn (every one set, unless the view has none).
    std::uint32_t record(VkCommandBuffer cmd, const PlumeView& view);

private:
    // One puff; mirrors shaders/plume.vert's instance attributes.
    struct GpuPuff {
        glm::vec4 positionRadius;  // world position, radius (m)
        glm::vec4 colorOpacity;    // exposed linear colour, opacity at the centre
        float seed;                // the puff's lumps
    };

    vk::Context& context_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    std::vector<Plume> plumes_;
    std::vector<GpuPuff> staged_;
    FrameUploadBuffers buffers_;
};

}  // namespace ct::render
