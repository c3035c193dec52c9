// Occlusion against a depth pyramid, on the CPU: the reference the GPU's occlusion culling
// (shaders/cull_occluded.comp, render/depth_pyramid_pass.h) is held to by a test.
//
// The pyramid's level 0 is the depth image itself (0 near, 1 far); each level above holds, per
// texel, the farthest depth of the texels below it: 2x2, or 3 wide (tall) at the last column
// (row) where the level below is odd, so every pixel is under exactly one texel of each level.
// Pixel p lies under texel min(p >> L, size_L - 1) of level L, whose size is max(1, size_0 >> L).
//
// A box is occluded where its nearest point, as the view projects it, is farther than the
// farthest depth anywhere over its projected rectangle: then nothing of it can show. The rectangle
// is read at the finest level where it spans at most 2x2 texels, so the test costs four reads.
//
//   const DepthPyramid pyramid = buildDepthPyramid(depth, width, height);
//   if (boxOccluded(pyramid, viewProj, chunk.bounds)) { /* not drawn */ }
#pragma once

#include "scene/scene.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace ct::render {

struct DepthPyramid {
    std::vector<glm::uvec2> sizes;           // per level, level 0 the depth image's
    std::vector<std::vector<float>> levels;  // per level, rows top to bottom

    float at(std::size_t level, std::uint32_t x, std::uint32_t y) const {
        return levels[level][static_cast<std::size_t>(y) * sizes[level].x + x];
    }
};

// The number of levels down to 1x1 for an image of `size`.
std::uint32_t depthPyramidLevels(glm::uvec2 size);

DepthPyramid buildDepthPyramid(std::span<const float> depth, std::uint32_t width, std::uint32_t height);

// How far behind the depth the pyramid holds `box`'s nearest point lies (its depth less the
// farthest depth over its rectangle, read as described above); nothing where the box reaches the
// near plane or lies outside the view (the frustum decides those).
std::optional<float> occlusionMargin(const DepthPyramid& pyramid, const glm::mat4& viewProj, const scene::Bounds& box);

// Whether every point of `box` is hidden behind the depth: a margin above 0.
bool boxOccluded(const DepthPyramid& pyramid, const glm::mat4& viewProj, const scene::Bounds& box);

}  // namespace ct::render
