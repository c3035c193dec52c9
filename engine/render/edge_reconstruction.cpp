#include "render/edge_reconstruction.h"

namespace ct::render {

namespace {

// Larger than any squared distance from a sample to a centre in the 3x3 (at most 2 x 1.5^2), so
// a centre that saw the sample's surface always wins over one that did not.
constexpr float kOtherSurfacePenalty = 16.0f;

}  // namespace

glm::ivec2 reconstructionSource(const EdgeReconstructionInput& input, glm::ivec2 pixel, std::uint32_t sample) {
    const auto at = [&](glm::ivec2 p) { return static_cast<std::size_t>(p.y) * input.width + p.x; };
    const float seen = input.sampleKeys[at(pixel) * kReconstructionSamples + sample];
    // The sample relative to its pixel's centre.
    const glm::vec2 offset = kStandardSampleLocations4[sample] - glm::vec2(0.5f);
    glm::ivec2 best = pixel;
    float bestScore = 1e30f;
    // Rows then columns, the first of equal scores kept: the shader's order.
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const glm::ivec2 q = pixel + glm::ivec2(dx, dy);
            if (q.x < 0 || q.y < 0 || q.x >= static_cast<int>(input.width) || q.y >= static_cast<int>(input.height))
                continue;
            const glm::vec2 d = offset - glm::vec2(dx, dy);
            const float score = glm::dot(d, d) + (input.shaded[at(q)].a == seen ? 0.0f : kOtherSurfacePenalty);
            if (score < bestScore) {
                bestScore = score;
                best = q;
            }
        }
    return best;
}

std::vector<glm::vec4> reconstructEdges(const EdgeReconstructionInput& input) {
    std::vector<glm::vec4> out(static_cast<std::size_t>(input.width) * input.height);
    for (std::uint32_t y = 0; y < input.height; ++y)
        for (std::uint32_t x = 0; x < input.width; ++x) {
            const glm::ivec2 pixel(static_cast<int>(x), static_cast<int>(y));
            glm::vec3 sum(0.0f);
            for (std::uint32_t s = 0; s < kReconstructionSamples; ++s) {
                const glm::ivec2 source = reconstructionSource(input, pixel, s);
                sum += glm::vec3(input.shaded[static_cast<std::size_t>(source.y) * input.width + source.x]);
            }
            out[static_cast<std::size_t>(y) * input.width + x] = glm::vec4(sum * (1.0f / kReconstructionSamples), 1.0f);
        }
    return out;
}

}  // namespace ct::render
