// Per-frame visibility: which instances to draw this frame. Each node's far stand-in is chosen
// by its distance from the eye (each instance's mesh level by LevelSelection), then whole
// instance chunks are culled against a frustum, and the surviving instance indices are listed
// group by group. The renderer hands
// the list to the vertex shader, which reads instances[list[gl_InstanceIndex]].
#pragma once

#include "render/camera.h"
#include "render/gpu_scene.h"
#include "render/level_selection.h"
#include "render/node_animation.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ct::render {

struct Frustum {
    std::array<glm::vec4, 6> planes{};  // inside: dot(plane.xyz, p) + plane.w >= 0

    // From a Vulkan view-projection (depth 0..1).
    static Frustum fromViewProjection(const glm::mat4& viewProj);
    bool intersects(const scene::Bounds& bounds) const;
};

// What `camera` with `projection` (the full image's) sees of detail in an image `height` pixels
// high: one metre of error a metre away covers the projection's focal length in pixels.
DetailView detailViewOf(const Camera& camera, const glm::mat4& projection, std::uint32_t height);

// A node with rows (scene::Node::lodRowStep) hands over to its stand-in once they are fewer than
// this many pixels apart: a solar row's pitch at 6 pixels is a module band of 2.4, which the
// stand-in's filtered bands draw as well as the modules would, and finer rows of geometry alias
// into moire. With hysteresis as the mesh levels have (kLevelHysteresis): handed over under
// kLodRowPixels * (1 - h), taken back over kLodRowPixels * (1 + h).
inline constexpr float kLodRowPixels = 6.0f;

// 1 for every node drawn at its own level of detail this frame; LOD stand-ins get 1 only
// where their near node is beyond its switch distance from the eye or its rows are under
// kLodRowPixels apart. `nodeDrawn` is last frame's choice on entry (for the hysteresis; empty or
// of another size: none).
void selectLevelsOfDetail(const GpuScene& scene, const DetailView& view, std::vector<char>& nodeDrawn);

// How many pixels apart on screen, seen from `view`, are parallel lines at `point` running along
// `direction` with `step` (world vectors) from one to the next: the step's part across the line
// of sight and across the lines' own image, over the distance.
float rowSpacingPixels(const DetailView& view, const glm::vec3& point, const glm::vec3& step,
                       const glm::vec3& direction);

struct InstanceRange {
    std::uint32_t first = 0;  // into the visible list
    std::uint32_t count = 0;
};

// Where an orthographic projection's image is held by something else, so what lies wholly inside
// it as that projection sees it can be left out: a shadow cascade's casters whose shadows fall
// only where the finer cascade before it is read (render/shadow_cascades.h).
struct HeldRegion {
    glm::mat4 viewProj{1.0f};  // world to clip space (orthographic: w stays 1)
    float extent = 0.0f;       // held: |x| and |y| within this in clip space; 0: nothing held
    bool holds(const scene::Bounds& bounds) const;
};

// The nodes a motion moves this frame (render::NodeAnimation::motion): their chunks are culled
// where the motion puts them. Empty: none moved.
struct MovedNodes {
    const std::vector<NodeAnimation>* animations = nullptr;  // per node (fewer: the rest still)
    scene::Bounds bounds(const InstanceChunk& chunk) const;
};

// Appends the visible instances of every group to `list`; ranges[g] says where group g's are.
// An instance of a mesh with levels of detail is listed only in the group of its level,
// `instanceLevels[instance]` (LevelSelection::levels()). Chunks whose instances are all smaller
// than `minInstanceSize` (m, InstanceChunk::instanceSize) are left out: a shadow cascade passes
// its texel, as a caster finer than one texel casts nothing its filter would show. Chunks `held`
// holds are left out too; `moved` nodes' chunks are tested where their motion puts them.
void collectVisibleInstances(const GpuScene& scene, const std::vector<char>& nodeDrawn,
                             const std::vector<std::uint8_t>& instanceLevels, const Frustum& frustum,
                             std::vector<std::uint32_t>& list, std::vector<InstanceRange>& ranges,
                             float minInstanceSize = 0.0f, const HeldRegion& held = {}, const MovedNodes& moved = {});

}  // namespace ct::render
