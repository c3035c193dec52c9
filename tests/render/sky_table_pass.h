// Runs a compute pass over the sky-view table for a test and reads its output back: the passes
// made from the table (the sky's harmonics, the prefiltered sky) are tested against their CPU
// references this way.
#pragma once

#include "vk/context.h"
#include "vk/resources.h"

#include <glm/glm.hpp>

#include <functional>
#include <vector>

namespace ct::test {

// In one submission: the table (left in GENERAL by its computation) made readable by compute
// shaders, `target` (RGBA32F, `extent`) put in GENERAL, `record` run, and `target`'s texels
// returned row by row.
std::vector<glm::vec4> runSkyTablePass(vk::Context& context, const vk::Image& skyView, const vk::Image& target,
                                       VkExtent2D extent, const std::function<void(VkCommandBuffer)>& record);

}  // namespace ct::test
