// The depth pyramid on the GPU (occlusion culling, render/gpu_culling.h): level 0 the frame's
// depth, each level above the farthest depth of the texels under it (shaders/depth_pyramid_first.comp,
// depth_pyramid_reduce.comp), as render::buildDepthPyramid does on the CPU (render/depth_occlusion.h,
// the reference a test holds it to). The levels lie one after another in a storage buffer, rows
// top to bottom, as the CPU's do: read with plain loads at any level, no sampler between (a mipped
// image read with texelFetch at a level gave lavapipe's sizes and texels of another level).
//
//   DepthPyramidPass pyramid(context, shaderDir, depth);  // sampled; multisampled: the farthest sample
//   graph.addPass("occlusion culling", {{&depth, &depthState, SampledInCompute}}, [&](VkCommandBuffer c) {
//       pyramid.record(c);  // then read by compute shaders: pyramid.buffer(), pyramid.levelLayout()
//   });
#pragma once

#include "render/depth_occlusion.h"
#include "vk/pipeline.h"
#include "vk/resources.h"

#include <filesystem>
#include <vector>

namespace ct::render {

class DepthPyramidPass {
public:
    // At most this many levels: a side of 2^15 texels.
    static constexpr std::uint32_t kMaxLevels = 16;

    DepthPyramidPass(vk::Context& context, const std::filesystem::path& shaderDir, const vk::Image& depth);

    // Builds every level from the depth (in a sampler's layout) and makes them readable by
    // compute shaders; orders itself after the previous frame's reads.
    void record(VkCommandBuffer cmd);

    VkBuffer buffer() const { return buffer_.get(); }
    glm::uvec2 size() const { return size_; }
    std::uint32_t levels() const { return static_cast<std::uint32_t>(layout_.size()); }
    // Per level: x the first texel's index in the buffer, y its width, z its height.
    const std::vector<glm::uvec4>& levelLayout() const { return layout_; }

    // Every level read back (tests): the pyramid as the last completed record left it.
    DepthPyramid read() const;

private:
    vk::Context& context_;
    glm::uvec2 size_;
    VkSampleCountFlagBits depthSamples_;
    std::vector<glm::uvec4> layout_;
    vk::Buffer buffer_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> setLayout_;
    vk::Unique<VkPipelineLayout> pipelineLayout_;
    vk::Unique<VkPipeline> firstPipeline_, reducePipeline_;
    vk::Unique<VkDescriptorPool> pool_;
    VkDescriptorSet set_ = VK_NULL_HANDLE;
};

}  // namespace ct::render
