// GPU-driven drawing (issue 16): instance culling and the draw commands made on the GPU.
//
// The culling pass (shaders/cull_instances.comp) does what render::collectVisibleInstances does
// on the CPU, chunk by chunk: a node drawn this frame, the pass's minimum instance size, the
// node's motion and the frustum decide; each group's visible instances are listed in its own part
// of the frame's visible list (at a fixed base, its capacity), with their count. The commands pass
// (shaders/indirect_draws.comp) then writes one VkDrawIndexedIndirectCommand per opaque batch
// with instances to draw, compacted within its run: consecutive batches drawn with the same state,
// which the renderer draws with one vkCmdDrawIndexedIndirectCount. The CPU path stays the
// reference: a test compares the two lists group by group, and the commands with the counts.
//
//   GpuCulling culling(context, shaderDir, scene, FrameRing::kFramesInFlight, blendedDraws);
//   culling.record(cmd, slot, {nodeDrawn, instanceLevels, frustum}, blendEntries);  // before the passes
//   for (std::size_t r = 0; r < culling.runs().size(); ++r) { /* bind r's state */ culling.drawRun(cmd, slot, r); }
//   const auto lists = culling.run({nodeDrawn, instanceLevels, frustum});  // tests: per group
//
// Occlusion against a depth pyramid and the level choice on the GPU are the steps after it.
#pragma once

#include "render/gpu_scene.h"
#include "render/node_animation.h"
#include "render/visibility.h"
#include "vk/resources.h"

#include <filesystem>
#include <span>
#include <vector>

namespace ct::render {

struct CullingInputs {
    std::span<const char> nodeDrawn;               // per node (selectLevelsOfDetail)
    std::span<const std::uint8_t> instanceLevels;  // per instance (LevelSelection::levels)
    Frustum frustum;
    float minInstanceSize = 0.0f;
    std::span<const NodeAnimation> animations;  // per node, or fewer (the rest unmoved)
};

// Consecutive opaque batches (GpuScene::opaqueBatches) that the main and coverage passes draw
// with the same state: pipeline, material, faces and flags. One indirect draw call each.
struct IndirectRun {
    std::uint32_t firstBatch = 0;
    std::uint32_t batchCount = 0;
};

// The runs of `batches`, in order, covering them all.
std::vector<IndirectRun> indirectRuns(std::span<const DrawBatch> batches);

class GpuCulling {
public:
    // `slots` sets of per-frame buffers (one per frame in flight); each slot's visible list holds
    // `extraEntries` entries after the groups' parts for the caller's own (the blended draws).
    GpuCulling(vk::Context& context, const std::filesystem::path& shaderDir, const GpuScene& scene,
               std::uint32_t slots = 1, std::uint32_t extraEntries = 0);

    // Records both passes for frame slot `slot` (not in flight: its inputs are host-visible) and
    // makes their results visible to the indirect draws and the vertex shaders. `extra` (at most
    // extraEntries) is copied after the groups' parts, at extraFirst().
    void record(VkCommandBuffer cmd, std::uint32_t slot, const CullingInputs& inputs,
                std::span<const std::uint32_t> extra = {});
    // Draws run `run`'s batches with instances, from the commands record() wrote for `slot`.
    void drawRun(VkCommandBuffer cmd, std::uint32_t slot, std::size_t run) const;

    const std::vector<IndirectRun>& runs() const { return runs_; }
    // The slot's visible list, for the vertex shaders: each group's part at its base, then the
    // extra entries.
    VkBuffer visibleList(std::uint32_t slot) const { return slots_[slot].visible.get(); }
    VkDeviceSize visibleListBytes() const { return slots_.front().visible.size(); }
    std::uint32_t extraFirst() const { return capacity_; }
    // Each group's visible instances in the last frame recorded for `slot`, once that frame has
    // finished (the renderer's statistics: a ring's length late); zeros before the first.
    std::span<const std::uint32_t> finishedCounts(std::uint32_t slot) const;

    // Runs the pass once on slot 0 and reads back each group's visible instances (tests, tools).
    std::vector<std::vector<std::uint32_t>> run(const CullingInputs& inputs);
    // The draw commands of the last run(), run by run, in the order the GPU wrote them (tests).
    std::vector<std::vector<VkDrawIndexedIndirectCommand>> lastCommands();

    std::size_t chunkCount() const { return chunkCount_; }
    std::span<const std::uint32_t> groupBases() const { return bases_; }

private:
    struct Slot {
        vk::Buffer nodeDrawn, levels, motions;  // inputs, written by the host
        vk::Buffer counts, runCounts, commands, visible;
        vk::Buffer countsRead;  // the counts, copied back for finishedCounts
        VkDescriptorSet cullSet = VK_NULL_HANDLE, drawSet = VK_NULL_HANDLE;
    };

    void upload(Slot& slot, const CullingInputs& inputs);

    vk::Context& context_;
    std::size_t chunkCount_ = 0;
    std::size_t nodeCount_ = 0;
    std::size_t instanceCount_ = 0;
    std::uint32_t capacity_ = 0;  // entries in the groups' parts together
    std::uint32_t extraEntries_ = 0;
    std::uint32_t batchCount_ = 0;
    std::vector<std::uint32_t> bases_;
    std::vector<IndirectRun> runs_;
    vk::Buffer chunks_, basesBuffer_, batches_;
    std::vector<Slot> slots_;
    std::vector<glm::vec4> motionStaging_;
    vk::Unique<VkDescriptorSetLayout> cullSetLayout_, drawSetLayout_;
    vk::Unique<VkPipelineLayout> cullLayout_, drawLayout_;
    vk::Unique<VkPipeline> cullPipeline_, drawPipeline_;
    vk::Unique<VkDescriptorPool> cullPool_, drawPool_;
};

}  // namespace ct::render
