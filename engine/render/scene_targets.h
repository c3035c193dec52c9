// The main pass's attachments, as the passes that draw into it (flow lines, lamps, plumes) need
// them to build their pipelines: formats, samples, and what the colour target holds.
#pragma once

#include "vk/pipeline.h"

#include <string>
#include <utility>

#include <vulkan/vulkan.h>

namespace ct::render {

struct SceneTargets {
    VkFormat color = VK_FORMAT_UNDEFINED;  // drawn into
    VkFormat id = VK_FORMAT_UNDEFINED;     // a second colour attachment left unwritten; UNDEFINED: none
    VkFormat depth = VK_FORMAT_UNDEFINED;  // tested, not written
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;  // the attachments'
    // The colour target is the display image, and the scene's shaders apply the tone curve
    // themselves (draft), instead of the exposed light a tone map pass reads: the fragment
    // shaders' specialization constant 0 (shaders/scene_output.glsl).
    bool display = false;
    // The colour target's alpha holds the surface key of what the opaque draws left at each
    // pixel (render/edge_reconstruction.h): draws over them write colour only.
    bool keyInAlpha = false;
};

// How a pass over the scene blends its colour: laid over what is there, or added to it (light).
enum class OverScene { Over, Added };

// The pipeline of a pass drawn over the scene's surfaces into `targets`: its colour blended, the
// id attachment left alone (picking sees through it), depth tested and not written, the targets'
// samples and display constant. The caller adds its layout, shaders and vertex input.
inline vk::GraphicsPipelineDesc overScenePipeline(const SceneTargets& targets, std::string name, OverScene blend) {
    vk::GraphicsPipelineDesc desc;
    desc.name = std::move(name);
    desc.colorAttachments = {{targets.color, true, true, blend == OverScene::Added, false, !targets.keyInAlpha}};
    if (targets.id != VK_FORMAT_UNDEFINED) desc.colorAttachments.push_back({targets.id, false, false});
    desc.depthFormat = targets.depth;
    desc.depthTest = targets.depth != VK_FORMAT_UNDEFINED;
    desc.depthWrite = false;
    desc.samples = targets.samples;
    desc.fragmentConstants = {targets.display ? 1u : 0u};
    return desc;
}

}  // namespace ct::render
