// GpuScene: a scene::Scene uploaded to the GPU and arranged for drawing.
//
// All vertices share one vertex buffer and all indices one index buffer. Every drawn instance
// (a node, or one EXT_mesh_gpu_instancing instance of a node) is one entry of the instance
// storage buffer. Instances of the same mesh (and the same winding: mirroring flips it) form an
// InstanceGroup, cut into chunks of consecutive instances with their own world bounds. Each
// frame the renderer culls the chunks, picks each node's level of detail, and writes the
// surviving instance indices into a per-frame list; every primitive of a group is then one
// instanced draw over its part of that list. Draw calls therefore follow the number of mesh
// primitives, never the number of instances. Blended primitives are drawn one instance at a
// time, sorted back to front.
#pragma once

#include "render/gpu_types.h"
#include "scene/scene.h"
#include "vk/resources.h"
#include "vk/uploader.h"

#include <cstdint>
#include <vector>

namespace ct::render {

struct DrawBatch {
    std::uint32_t indexCount = 0;
    std::uint32_t firstIndex = 0;
    std::int32_t vertexOffset = 0;
    std::uint32_t group = 0;          // the InstanceGroup drawn
    std::uint32_t blendInstance = 0;  // blended draws: the one instance (index into the buffer)
    std::uint32_t blendNode = 0;      //   and its node
    std::uint32_t material = 0;       // index into GpuScene's material sets (the default is last)
    std::uint32_t flags = 0;          // kFlag* of gpu_types.h
    std::uint32_t surface = 0;        // the material's scene::ProceduralSurface: which pipeline draws it
    // The material names a texture: drawn by the pipeline that samples them (the others take the
    // factors alone, which is what the default white and flat textures give).
    bool textured = false;
    bool mirrored = false;
    bool doubleSided = false;
    glm::vec3 sortCenter{0.0f};  // world-space centre, for blended draws
};

// Consecutive instances of one node, culled as a unit.
struct InstanceChunk {
    std::uint32_t first = 0;  // index into the instance buffer
    std::uint32_t count = 0;
    std::uint32_t node = 0;
    scene::Bounds bounds;  // world space
    // The longest side of the largest instance's world box (m): what a shadow map texel is
    // compared with, to leave out casters finer than the map can show.
    float instanceSize = 0.0f;
};

struct InstanceGroup {
    std::vector<InstanceChunk> chunks;
    std::uint32_t instanceCount = 0;
    // The level of its mesh this group draws (0: full detail, scene::Mesh::levels) and how many
    // the mesh has. The groups of one mesh's levels share their instances and chunks: each frame
    // an instance is listed in the group of the level chosen for it (render/level_selection.h).
    std::uint32_t level = 0;
    std::uint32_t levelCount = 1;
};

// The instances of one mesh (one winding) that has coarser levels: what the level selection
// walks each frame, instance by instance.
struct LevelledInstances {
    std::uint32_t first = 0;  // into the instance buffer
    std::uint32_t count = 0;
    std::vector<float> error_m;  // per level, in mesh space; the full mesh's 0 first
    // Per instance: its world bounds, and how much its transform enlarges an error (the longest
    // axis of its scale).
    std::vector<scene::Bounds> bounds;
    std::vector<float> scale;
};

// A node with a far stand-in (scene::Node::lodFar).
struct LodSwitch {
    std::uint32_t node = 0;
    std::uint32_t far = 0;
    float distance = 0.0f;
    scene::Bounds bounds;  // world bounds of the near node's instances
    glm::vec3 rowStep{0.0f};  // scene::Node::lodRowStep and lodRowDirection in world space
    glm::vec3 rowDirection{0.0f};
};

struct GpuSceneStats {
    std::uint64_t vertices = 0;
    std::uint64_t triangles = 0;  // per instance, summed over instances
    std::uint64_t instances = 0;
    std::uint32_t textures = 0;
};

class GpuScene {
public:
    // `materialLayout` is the renderer's set-1 layout (material uniforms + five textures).
    GpuScene(vk::Context& context, const scene::Scene& scene, VkDescriptorSetLayout materialLayout);

    static constexpr std::uint32_t kChunkSize = 1024;

    const std::vector<DrawBatch>& opaqueBatches() const { return opaque_; }  // OPAQUE and MASK
    const std::vector<DrawBatch>& blendBatches() const { return blend_; }
    const std::vector<InstanceGroup>& groups() const { return groups_; }
    const std::vector<LodSwitch>& lodSwitches() const { return lodSwitches_; }
    const std::vector<LevelledInstances>& levelledInstances() const { return levelled_; }
    // Nodes drawn only as some node's far stand-in, or on demand (scene::Node::onDemand).
    const std::vector<char>& isLodProxy() const { return isLodProxy_; }
    std::size_t nodeCount() const { return isLodProxy_.size(); }
    bool nodeCastsShadow(std::size_t node) const { return castsShadow_[node] != 0; }
    // Drawn wider than it is where it would be thinner than scene::Node::minPixelWidth on screen:
    // its drawn surface reaches out of its bounds (occlusion culling never hides it).
    bool nodeWidenedOnScreen(std::size_t node) const { return widened_[node] != 0; }
    // The middle of what a node draws (world; the origin for a node that draws nothing).
    glm::vec3 nodeCentre(std::size_t node) const { return nodeCentres_[node]; }
    VkBuffer vertexBuffer() const { return vertices_.get(); }
    VkBuffer indexBuffer() const { return indices_.get(); }
    VkBuffer instanceBuffer() const { return instances_.get(); }
    VkDeviceSize instanceBufferSize() const { return instances_.size(); }
    VkDescriptorSet materialSet(std::uint32_t material) const { return materialSets_.at(material); }
    const scene::Bounds& bounds() const { return bounds_; }
    // What the nodes that cast shadows draw (scene::Node::castsShadow): every shadow falls within
    // it as the sun sees it.
    const scene::Bounds& casterBounds() const { return casterBounds_; }
    const GpuSceneStats& stats() const { return stats_; }

private:
    void buildBatches(const scene::Scene& scene, std::vector<GpuInstance>& instances);
    void uploadGeometry(const scene::Scene& scene, vk::Uploader& uploader);
    void uploadMaterials(const scene::Scene& scene, vk::Uploader& uploader, VkDescriptorSetLayout layout);

    vk::Context& context_;
    vk::Buffer vertices_;
    vk::Buffer indices_;
    vk::Buffer instances_;
    vk::Buffer materialUniforms_;
    std::vector<vk::Image> images_;
    std::vector<vk::Unique<VkSampler>> samplers_;
    vk::Unique<VkDescriptorPool> descriptorPool_;
    std::vector<VkDescriptorSet> materialSets_;
    std::vector<DrawBatch> opaque_;
    std::vector<DrawBatch> blend_;
    std::vector<InstanceGroup> groups_;
    std::vector<LodSwitch> lodSwitches_;
    std::vector<LevelledInstances> levelled_;
    std::vector<char> isLodProxy_;
    std::vector<char> castsShadow_;  // per node (scene::Node::castsShadow)
    std::vector<char> widened_;      // per node: scene::Node::minPixelWidth > 0
    std::vector<glm::vec3> nodeCentres_;
    // Per geometry (each mesh's full detail, then each of its levels: geometryOf()) and
    // primitive, its place in the shared buffers.
    struct PrimitiveRange {
        std::uint32_t firstIndex, indexCount;
        std::int32_t vertexOffset;
    };
    std::vector<std::vector<PrimitiveRange>> ranges_;
    std::vector<std::uint32_t> firstGeometry_;  // per mesh: its full detail's geometry index
    scene::Bounds bounds_;
    scene::Bounds casterBounds_;
    GpuSceneStats stats_;
};

}  // namespace ct::render
