// Screen-space ambient occlusion in the ground-truth form of Jimenez et al. 2016 ("Practical
// Real-Time Strategies for Accurate Indirect Occlusion", GTAO): per pixel, a few slices through
// the view direction; in each, the highest horizon on either side within a radius in the world
// (found by marching the depth buffer) bounds the visible arc, whose cosine-weighted integral
// about the projected normal is taken in closed form. Computed at half resolution from the
// resolved depth (shaders/ambient_occlusion.comp, this file's CPU reference of the same scheme),
// then widened to full resolution with depth-aware weights and multiplied into the frame's light
// by the tone map pass (shaders/tone_map.frag).
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace ct::render {

struct AmbientOcclusionSettings {
    glm::mat4 inverseProjection{1.0f};  // clip to view space of the depth's camera
    float projectionScale = 1.0f;       // |projection[1][1]|
    float radius_m = 6.0f;              // how far an occluder counts, in the world
    // Two slices per pixel, turned by a per-pixel noise so neighbours sample other angles (the
    // upsampling averages them), and four samples a side: what a CPU device can afford.
    int directions = 2;
    int steps = 4;
};

// The occlusion (1: open, 0: closed) of each half-resolution pixel of a depth image (width x
// height, rows top to bottom, Vulkan depth 0..1, 1 for nothing drawn): what the GPU pass writes.
std::vector<float> ambientOcclusionReference(std::span<const float> depth, std::uint32_t width, std::uint32_t height,
                                             const AmbientOcclusionSettings& settings);

}  // namespace ct::render
