#include "render/edge_reconstruction.h"

namespace ct::render {

glm::vec3 reconstructedSample(const EdgeReconstructionInput& input, glm::ivec2 pixel, std::uint32_t sample) {
    const auto at = [&](glm::ivec2 p) { return static_cast<std::size_t>(p.y) * input.width + p.x; };
    const float seen = input.sampleKeys[at(pixel) * kReconstructionSamples + sample];
    const glm::vec4 centre = input.shaded[at(pixel)];
    const bool own = centre.a == seen;
    // The sample relative to its pixel's centre.
    const glm::vec2 offset = kStandardSampleLocations4[sample] - glm::vec2(0.5f);
    glm::vec3 weighted(0.0f);
    float weights = 0.0f;
    // Rows then columns: the shader's order.
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const glm::ivec2 q = pixel + glm::ivec2(dx, dy);
            if (q.x < 0 || q.y < 0 || q.x >= static_cast<int>(input.width) || q.y >= static_cast<int>(input.height))
                continue;
            const glm::vec4 candidate = input.shaded[at(q)];
            if (candidate.a != seen || (own && (dx != 0 || dy != 0))) continue;
            const glm::vec2 d = offset - glm::vec2(dx, dy);
            const float w = 1.0f / glm::dot(d, d);
            weighted += w * glm::vec3(candidate);
            weights += w;
        }
    return weights > 0.0f ? weighted / weights : glm::vec3(centre);
}

std::vector<glm::vec4> reconstructEdges(const EdgeReconstructionInput& input) {
    std::vector<glm::vec4> out(static_cast<std::size_t>(input.width) * input.height);
    for (std::uint32_t y = 0; y < input.height; ++y)
        for (std::uint32_t x = 0; x < input.width; ++x) {
            const glm::ivec2 pixel(static_cast<int>(x), static_cast<int>(y));
            glm::vec3 sum(0.0f);
            for (std::uint32_t s = 0; s < kReconstructionSamples; ++s)
                sum += reconstructedSample(input, pixel, s);
            out[static_cast<std::size_t>(y) * input.width + x] = glm::vec4(sum * (1.0f / kReconstructionSamples), 1.0f);
        }
    return out;
}

}  // namespace ct::render
