// Flow lines: polylines drawn as camera-facing ribbons with moving dashes, so a flow's path, size
// (the ribbon's width) and direction (where the dashes go) read at a glance. Generic: the app
// decides what flows (power, coolant, people); this draws them.
//
//   FlowLinePass flows(context, shaderDir, {kColorFormat, kIdFormat, kDepthFormat});
//   flows.setLines(lines);                        // whenever they change; copied
//   // inside a dynamic-rendering pass with those attachments, viewport and scissor set:
//   flows.record(cmd, {frame.slot, viewProj, camera.eye, time_s, extent});
//
// The ribbons blend over what is drawn before them, test depth without writing it, and leave the
// id attachment (picking) untouched. All lines are one indexed draw.
#pragma once

#include "render/scene_targets.h"

#include "render/frame_ring.h"
#include "render/frame_upload_buffers.h"
#include "vk/resources.h"

#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

namespace ct::render {

struct FlowLine {
    std::vector<glm::vec3> points;  // world metres; the flow runs from the first to the last
    float width_m = 4.0f;           // the ribbon's width in the world (see FlowLinePass minimum)
    glm::vec3 color{1.0f};          // linear RGB of the dashes; the line between them is dimmer
    float speed_mps = 20.0f;        // dash speed along the points' order; negative: against it
    float dashLength_m = 40.0f;     // one dash and its gap
};

// One ribbon vertex: two per polyline point, one on each edge. Mirrors shaders/flow_line.vert.
struct FlowLineVertex {
    glm::vec3 position;  // the point on the line's centre
    float side;          // -1 or +1: which edge of the ribbon
    glm::vec3 tangent;   // unit, along the points' order (averaged at interior points)
    float distance_m;    // along the line from its first point
    glm::vec3 color;
    float halfWidth_m;
    float speed_mps;
    float dashLength_m;
};
static_assert(sizeof(FlowLineVertex) == 56);

struct FlowLineMesh {
    std::vector<FlowLineVertex> vertices;
    std::vector<std::uint32_t> indices;  // triangle list, two triangles per segment
    std::uint32_t lines = 0;             // lines drawn (those with a length and a width)
};

// The ribbons' vertices and indices for all lines. Lines with fewer than two distinct points, or
// no width, are left out; repeated points are skipped.
FlowLineMesh buildFlowLineMesh(std::span<const FlowLine> lines);

struct FlowLineView {
    std::uint32_t frameSlot = 0;  // FrameRing slot: which of the per-frame buffers to use
    glm::mat4 viewProj{1.0f};
    glm::vec3 eye{0.0f};
    float time_s = 0.0f;  // drives the dashes; seconds since the lines appeared, not since an epoch (float)
    VkExtent2D extent{};  // of the viewport, for the minimum on-screen width
};

class FlowLinePass {
public:
    // Far away a ribbon keeps at least this width on screen, so thin flows do not vanish.
    static constexpr float kMinWidthPixels = 1.5f;

    FlowLinePass(vk::Context& context, const std::filesystem::path& shaderDir, const SceneTargets& formats);

    void setLines(std::span<const FlowLine> lines);
    const FlowLineMesh& mesh() const { return mesh_; }
    std::uint32_t lineCount() const { return mesh_.lines; }

    // Draws every line (one draw call) inside the current rendering pass; sets its own cull mode,
    // front face and depth bias. Nothing is recorded while there are no lines.
    void record(VkCommandBuffer cmd, const FlowLineView& view);

private:
    // What each frame's buffer holds: vertices, then the indices at indexOffset.
    struct FrameLines {
        VkDeviceSize indexOffset = 0;
        std::uint64_t version = 0;  // of the lines it holds
    };

    vk::Context& context_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    FlowLineMesh mesh_;
    std::uint64_t version_ = 1;
    std::array<FrameLines, FrameRing::kFramesInFlight> frames_;
    FrameUploadBuffers buffers_;
};

}  // namespace ct::render
