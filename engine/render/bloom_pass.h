// Bloom on the GPU (render/bloom.h has the scheme and its CPU reference): compute passes down a
// chain of half-float images, each half the last, and back up, added to the frame graph as one
// pass per step so each gets its barriers, label and timestamp from its declarations.
//
//   BloomPass bloom(context, shaderDir, settings);
//   bloom.setSource(exposed);                  // when the frame's targets are (re)created
//   bloom.addPasses(graph, exposed, exposedState);
//   // then sample bloom.result() (SampledInFragment) with strength / levels
#pragma once

#include "render/bloom.h"
#include "render/frame_graph.h"
#include "vk/resources.h"

#include <filesystem>
#include <vector>

namespace ct::render {

class BloomPass {
public:
    static constexpr VkFormat kFormat = VK_FORMAT_R16G16B16A16_SFLOAT;

    BloomPass(vk::Context& context, const std::filesystem::path& shaderDir, const BloomSettings& settings);

    // Level images for a source of this size and sets pointing at them; sets still used by
    // frames in flight are retired with their pools.
    void setSource(const vk::Image& exposed);
    // The steps, in order, reading `exposed` (sampled in compute).
    void addPasses(FrameGraph& graph, const vk::Image& exposed, ImageState& exposedState);

    int levels() const { return levels_; }
    const BloomSettings& settings() const { return settings_; }
    // The finest level after the way up, half the source's size; empty without levels.
    const vk::Image& result() const { return levels_ > 1 ? up_.front() : down_.front(); }
    ImageState& resultState() { return levels_ > 1 ? upStates_.front() : downStates_.front(); }

private:
    vk::Context& context_;
    BloomSettings settings_;
    vk::Unique<VkSampler> sampler_;
    vk::Unique<VkDescriptorSetLayout> downSetLayout_;
    vk::Unique<VkPipelineLayout> downLayout_;
    vk::Unique<VkPipeline> downPipeline_;
    vk::Unique<VkDescriptorSetLayout> upSetLayout_;
    vk::Unique<VkPipelineLayout> upLayout_;
    vk::Unique<VkPipeline> upPipeline_;
    int levels_ = 0;
    // down_[i]: level i on the way down; up_[i]: level i on the way up (the coarsest level is
    // its own way up, so there is one fewer).
    std::vector<vk::Image> down_;
    std::vector<vk::Image> up_;
    std::vector<ImageState> downStates_;
    std::vector<ImageState> upStates_;
    vk::Unique<VkDescriptorPool> downPool_;
    vk::Unique<VkDescriptorPool> upPool_;
    std::vector<VkDescriptorSet> downSets_;
    std::vector<VkDescriptorSet> upSets_;
};

}  // namespace ct::render
