// Instance culling on the GPU: the compute pass (shaders/cull_instances.comp) that does what
// render::collectVisibleInstances does on the CPU, chunk by chunk: a node drawn this frame, the
// pass's minimum instance size, the node's motion and the frustum decide; each group's visible
// instances are listed in its own part of a buffer (at a fixed base, its capacity), with their
// count. The CPU path stays the reference: a test compares the two lists group by group.
//
// The first step of GPU-driven drawing (issue 16): the renderer does not draw from these lists
// yet; indirect draws with counts, occlusion against a depth pyramid and the level choice on the
// GPU are the steps after it.
//
//   GpuCulling culling(context, shaderDir, *renderer.gpuScene());
//   const auto lists = culling.run({nodeDrawn, instanceLevels, frustum});  // per group (tests)
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

class GpuCulling {
public:
    GpuCulling(vk::Context& context, const std::filesystem::path& shaderDir, const GpuScene& scene);

    // Runs the pass once and reads back each group's visible instances (tests, tools). Its
    // inputs live in one set of buffers: one run at a time.
    std::vector<std::vector<std::uint32_t>> run(const CullingInputs& inputs);

    std::size_t chunkCount() const { return chunkCount_; }

private:
    // Uploads `inputs` and records the pass: the counts cleared, the chunks culled, the lists
    // written and made visible to the transfer that reads them back.
    void record(VkCommandBuffer cmd, const CullingInputs& inputs);

    vk::Context& context_;
    std::size_t chunkCount_ = 0;
    std::size_t nodeCount_ = 0;
    std::size_t instanceCount_ = 0;
    std::vector<std::uint32_t> bases_;
    vk::Buffer chunks_, bases_buffer_, nodeDrawn_, levels_, motions_, counts_, visible_;
    std::vector<std::uint32_t> drawnStaging_, levelStaging_;
    std::vector<glm::vec4> motionStaging_;
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> layout_;
    vk::Unique<VkPipeline> pipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
};

}  // namespace ct::render
