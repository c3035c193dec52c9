// The main pass's attachments, as the passes that draw into it (flow lines, lamps) need them to
// build their pipelines: formats, samples, and what the colour target holds.
#pragma once

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

}  // namespace ct::render
