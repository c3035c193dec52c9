// Bloom: the glow a lens and an eye put around very bright light (the sun's disk, lamps at night,
// the sun's glint on glass), on the CPU. This is the reference the GPU's bloom (render/bloom_pass.h,
// shaders/bloom_*.comp) is tested against, step for step.
//
// Of the exposed frame only what is brighter than a threshold blooms (with a soft knee), so the
// scene's ordinary colours, and the heat map's, stay as drawn. It is taken down a chain of
// images each half the size of the last (a 4x4 tent per texel, [1 3 3 1] / 8 a side), and back
// up, each level adding the bilinear enlargement of the coarser one: the finest level then holds
// glows from a few pixels to a sixth of the frame wide. The tone map adds `strength` times it,
// divided by the number of levels, to the frame. The tent is taken as four bilinear taps (the
// GPU's filtering does the weighing), and the threshold applies to each tap.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace ct::render {

struct BloomSettings {
    int levels = 6;          // half the frame, a quarter, ...; fewer where the frame is small
    float threshold = 5.0f;  // exposed brightness (the brightest channel) where bloom begins
    float knee = 2.0f;       // over which it fades in
    float strength = 0.25f;  // of the bloom added to the frame
};

struct HdrImage {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<glm::vec4> pixels;  // row by row

    HdrImage() = default;
    HdrImage(std::uint32_t w, std::uint32_t h) : width(w), height(h), pixels(std::size_t{w} * h) {}
    // Clamped to the edge.
    const glm::vec4& at(int x, int y) const;
    glm::vec4& operator()(std::uint32_t x, std::uint32_t y) { return pixels[std::size_t{y} * width + x]; }
};

// How many levels a frame of `width` x `height` gets: at most `requested`, and none smaller than
// 2 px a side.
int bloomLevels(std::uint32_t width, std::uint32_t height, int requested);
// Level `level`'s size (0: half the frame, rounded up).
glm::uvec2 bloomLevelSize(std::uint32_t width, std::uint32_t height, int level);

// What of an exposed colour blooms.
glm::vec3 bloomPrefilter(glm::vec3 exposed, const BloomSettings& settings);
// One step down: a texel per 2x2 of `source`, the 4x4 tent around them as four bilinear taps;
// the first step keeps of each tap what blooms.
HdrImage bloomDownsample(const HdrImage& source, std::uint32_t width, std::uint32_t height, bool prefilter,
                         const BloomSettings& settings);
// The bilinear enlargement of `coarse` at `fine`'s texel (x, y), coarse texel i covering fine 2i, 2i+1.
glm::vec4 bloomEnlarge(const HdrImage& coarse, int x, int y);
// One step up: `fine` plus the enlargement of `coarse`.
HdrImage bloomUpsample(const HdrImage& fine, const HdrImage& coarse);
// The whole chain: the finest level after the way up (half the frame's size).
HdrImage bloomReference(const HdrImage& exposed, const BloomSettings& settings);
// The frame with its bloom added, before the tone curve: exposed + strength / levels * bloom.
glm::vec3 withBloom(glm::vec3 exposed, const HdrImage& bloom, int x, int y, int levels, const BloomSettings& settings);

}  // namespace ct::render
