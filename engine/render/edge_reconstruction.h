// Multisampled edges from one shading per pixel, in the manner of subpixel reconstruction
// anti-aliasing (Chajdas, McGuire and Luebke 2011): the scene is shaded once per pixel, and a
// cheap multisampled pass records which surface each of four samples of a pixel sees (a key of
// the node and the facet's orientation, shaders/surface_key.glsl; the shading pass writes
// its centre's into the colour's alpha). A sample that sees what its pixel's centre saw takes the
// pixel's colour; one that sees another surface takes the mean of the colours of the pixels among
// the 3x3 around whose centres saw that surface, each weighted by the inverse square of its
// distance to the sample (one nearest pixel alone would take its colour from another phase of a
// fine periodic pattern, solar rows a pixel or two apart, and paint moire), its own pixel's if
// none did; the pixel is the mean of its samples.
//
// Why: on a CPU device (lavapipe) a multisampled pass shades hidden surfaces in full (its early
// depth test only masks samples), so hardware MSAA doubled the main pass's shading; this costs
// the shading of a single-sampled frame, a multisampled pass with an almost empty fragment
// shader, and this resolve (docs/BENCHMARKS.md). What it does not see: a change of colour within
// one facet orientation of one instance (a texture's edge) keeps the single sample's staircase,
// and a surface no pixel centre nearby saw (a bar thinner than a pixel, between centres) keeps
// its pixel's colour.
//
// shaders/edge_classify.frag and edge_reconstruction.frag are the GPU form; this is their CPU
// reference, same scheme, same order of sums (a test compares them).
#pragma once

#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace ct::render {

constexpr std::uint32_t kReconstructionSamples = 4;

// Vulkan's standard locations of four samples in a pixel (from its top-left corner, y down).
constexpr std::array<glm::vec2, kReconstructionSamples> kStandardSampleLocations4{
    {{0.375f, 0.125f}, {0.875f, 0.375f}, {0.125f, 0.625f}, {0.625f, 0.875f}}};

struct EdgeReconstructionInput {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    // width x height, rows top to bottom: rgb the light, a the surface key the centre saw (0:
    // nothing, else 1 .. 2^24)
    std::span<const glm::vec4> shaded;
    std::span<const float> sampleKeys;  // kReconstructionSamples per pixel, pixel by pixel
};

// The colour sample `sample` of `pixel` takes.
glm::vec3 reconstructedSample(const EdgeReconstructionInput& input, glm::ivec2 pixel, std::uint32_t sample);

// Every pixel's colour, the mean of its samples' colours (alpha 1).
std::vector<glm::vec4> reconstructEdges(const EdgeReconstructionInput& input);

}  // namespace ct::render
