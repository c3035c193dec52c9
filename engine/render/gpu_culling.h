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
// With occlusion culling, in two phases (each with its own lists and commands): the first lists
// only the chunks seen when last culled, which the renderer draws; a depth pyramid is built from
// the depth they left (render/depth_pyramid_pass.h); the second (shaders/cull_occluded.comp)
// tests every chunk the frustum keeps against it (render::boxOccluded is the CPU reference),
// remembers which are seen, and lists those seen now that the first did not draw, which the
// renderer draws after. Nothing seen is missed, whatever the camera did since the last frame.
//
//   GpuCulling culling(context, shaderDir, scene, FrameRing::kFramesInFlight, blendedDraws, true);
//   culling.record(cmd, slot, {nodeDrawn, instanceLevels, frustum}, blendEntries);  // before the passes
//   for (std::size_t r = 0; r < culling.runs().size(); ++r) { /* bind r's state */ culling.drawRun(cmd, slot, r, 0); }
//   pyramid.record(cmd); culling.recordOcclusion(cmd, slot, viewProj, pyramid);      // then phase 1's draws
//   const auto lists = culling.run({nodeDrawn, instanceLevels, frustum});  // tests: per group
#pragma once

#include "render/depth_pyramid_pass.h"
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
    // `occlusion`: two phases (recordOcclusion after the first's draws).
    GpuCulling(vk::Context& context, const std::filesystem::path& shaderDir, const GpuScene& scene,
               std::uint32_t slots = 1, std::uint32_t extraEntries = 0, bool occlusion = false);

    // Records the culling (with occlusion: its first phase) for frame slot `slot` (not in flight:
    // its inputs are host-visible) and makes the lists and commands visible to the indirect draws
    // and the vertex shaders. `extra` (at most extraEntries) is copied after the groups' parts,
    // at extraFirst().
    void record(VkCommandBuffer cmd, std::uint32_t slot, const CullingInputs& inputs,
                std::span<const std::uint32_t> extra = {});
    // With occlusion, after the first phase's draws and `pyramid`'s record from their depth: the
    // second phase, for the view `viewProj` record() culled with.
    void recordOcclusion(VkCommandBuffer cmd, std::uint32_t slot, const glm::mat4& viewProj,
                         const DepthPyramidPass& pyramid);
    // Draws run `run`'s batches with instances, from the commands `phase` (0, or 1 with
    // occlusion) wrote for `slot`.
    void drawRun(VkCommandBuffer cmd, std::uint32_t slot, std::size_t run, std::uint32_t phase = 0) const;

    bool occlusion() const { return phases_ == 2; }
    const std::vector<IndirectRun>& runs() const { return runs_; }
    // The slot's visible list, for the vertex shaders: each phase's groups' parts at their bases,
    // then the extra entries.
    VkBuffer visibleList(std::uint32_t slot) const { return slots_[slot].visible.get(); }
    VkDeviceSize visibleListBytes() const { return slots_.front().visible.size(); }
    std::uint32_t extraFirst() const { return capacity_ * phases_; }
    // Each group's visible instances (both phases together) in the last frame recorded for
    // `slot`, once that frame has finished (Renderer::completeStats); zeros before the first.
    std::span<const std::uint32_t> finishedCounts(std::uint32_t slot);

    // Runs the pass once on slot 0 (without occlusion's phases: every chunk the frustum keeps)
    // and reads back each group's visible instances (tests, tools).
    std::vector<std::vector<std::uint32_t>> run(const CullingInputs& inputs);
    // The draw commands of phase `phase` of slot 0's last culling, run by run, in the order the
    // GPU wrote them (tests).
    std::vector<std::vector<VkDrawIndexedIndirectCommand>> lastCommands(std::uint32_t phase = 0);
    // Per chunk (in the order of the scene's groups and their chunks), whether the last culling
    // with occlusion saw it (tests).
    std::vector<std::uint32_t> chunksSeen();

    std::size_t chunkCount() const { return chunkCount_; }
    std::span<const std::uint32_t> groupBases() const { return bases_; }

private:
    struct Phase {
        vk::Buffer counts, runCounts, commands;
        VkDescriptorSet drawSet = VK_NULL_HANDLE;
    };
    struct Slot {
        vk::Buffer nodeDrawn, levels, motions;  // inputs, written by the host
        vk::Buffer occlusionView;               // the second phase's view and pyramid size
        vk::Buffer visible;
        std::vector<Phase> phases;
        vk::Buffer countsRead;  // each phase's counts, copied back for finishedCounts
        VkDescriptorSet cullSet = VK_NULL_HANDLE, occludedSet = VK_NULL_HANDLE;
        VkBuffer pyramidBound = VK_NULL_HANDLE;  // what occludedSet's pyramid binding shows
        glm::vec4 planes[6];                     // the frustum record() culled with
        float minInstanceSize = 0.0f;
    };

    void upload(Slot& slot, const CullingInputs& inputs);
    // record(), or run()'s single phase: `onlySeen` lists only the chunks seen when last culled.
    void recordFirstPhase(VkCommandBuffer cmd, Slot& slot, const CullingInputs& inputs,
                          std::span<const std::uint32_t> extra, bool onlySeen);
    // The commands for phase `phase` from its counts, made visible to the draws, and the counts
    // copied back.
    void recordCommands(VkCommandBuffer cmd, Slot& slot, std::uint32_t phase);

    vk::Context& context_;
    std::size_t chunkCount_ = 0;
    std::size_t nodeCount_ = 0;
    std::size_t instanceCount_ = 0;
    std::uint32_t capacity_ = 0;  // entries in the groups' parts together
    std::uint32_t phases_ = 1;
    std::uint32_t extraEntries_ = 0;
    std::uint32_t batchCount_ = 0;
    std::vector<std::uint32_t> bases_;
    std::vector<IndirectRun> runs_;
    vk::Buffer chunks_, basesBuffer_, batches_;
    vk::Buffer chunkSeen_;  // per chunk, 1 where seen when last culled with occlusion
    bool chunkSeenCleared_ = false;
    std::vector<Slot> slots_;
    std::vector<glm::vec4> motionStaging_;
    std::vector<std::uint32_t> countSums_;
    std::vector<char> neverOccluded_;      // per node: widened on screen, or flat on the ground
    std::vector<std::uint8_t> nodeFlags_;  // staged for upload
    vk::Unique<VkDescriptorSetLayout> cullSetLayout_, occludedSetLayout_, drawSetLayout_;
    vk::Unique<VkPipelineLayout> cullLayout_, occludedLayout_, drawLayout_;
    vk::Unique<VkPipeline> cullPipeline_, occludedPipeline_, drawPipeline_;
    vk::Unique<VkDescriptorPool> cullPool_, occludedPool_, drawPool_;
};

}  // namespace ct::render
