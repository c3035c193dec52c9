#include "render/bloom.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

const glm::vec4& HdrImage::at(int x, int y) const {
    x = std::clamp(x, 0, static_cast<int>(width) - 1);
    y = std::clamp(y, 0, static_cast<int>(height) - 1);
    return pixels[static_cast<std::size_t>(y) * width + static_cast<std::size_t>(x)];
}

glm::uvec2 bloomLevelSize(std::uint32_t width, std::uint32_t height, int level) {
    glm::uvec2 size(width, height);
    for (int i = 0; i <= level; ++i)
        size = glm::max((size + 1u) / 2u, glm::uvec2(1));
    return size;
}

int bloomLevels(std::uint32_t width, std::uint32_t height, int requested) {
    int levels = 0;
    while (levels < requested) {
        const glm::uvec2 size = bloomLevelSize(width, height, levels);
        if (size.x < 2 || size.y < 2) break;
        ++levels;
    }
    return levels;
}

glm::vec3 bloomPrefilter(glm::vec3 exposed, const BloomSettings& settings) {
    const float brightness = std::max({exposed.r, exposed.g, exposed.b});
    // A quadratic start over the knee, then linear: no edge where the threshold is crossed.
    const float knee = std::max(settings.knee, 1e-4f);
    float soft = std::clamp(brightness - settings.threshold + knee, 0.0f, 2.0f * knee);
    soft = soft * soft / (4.0f * knee);
    const float kept = std::max(soft, brightness - settings.threshold);
    return exposed * (kept / std::max(brightness, 1e-4f));
}

namespace {

// A bilinear tap at (x, y) in texel units (texel i spans [i, i + 1)), clamped to the edge.
glm::vec4 bilinear(const HdrImage& image, float x, float y) {
    const float px = x - 0.5f;
    const float py = y - 0.5f;
    const int x0 = static_cast<int>(std::floor(px));
    const int y0 = static_cast<int>(std::floor(py));
    const float fx = px - static_cast<float>(x0);
    const float fy = py - static_cast<float>(y0);
    const glm::vec4 top = glm::mix(image.at(x0, y0), image.at(x0 + 1, y0), fx);
    const glm::vec4 bottom = glm::mix(image.at(x0, y0 + 1), image.at(x0 + 1, y0 + 1), fx);
    return glm::mix(top, bottom, fy);
}

}  // namespace

HdrImage bloomDownsample(const HdrImage& source, std::uint32_t width, std::uint32_t height, bool prefilter,
                         const BloomSettings& settings) {
    HdrImage out(width, height);
    for (std::uint32_t y = 0; y < height; ++y) {
        for (std::uint32_t x = 0; x < width; ++x) {
            // Four taps, each between two texel pairs of the 4x4 around (2x, 2y): a quarter of the
            // way from 2x-1 to 2x weighs them 1:3, from 2x+1 to 2x+2 3:1; together [1 3 3 1] / 8.
            const float low[2] = {2.0f * static_cast<float>(x) + 0.25f, 2.0f * static_cast<float>(y) + 0.25f};
            const float high[2] = {2.0f * static_cast<float>(x) + 1.75f, 2.0f * static_cast<float>(y) + 1.75f};
            glm::vec3 sum(0.0f);
            for (int j = 0; j < 2; ++j) {
                for (int i = 0; i < 2; ++i) {
                    glm::vec3 c(bilinear(source, i == 0 ? low[0] : high[0], j == 0 ? low[1] : high[1]));
                    if (prefilter) c = bloomPrefilter(c, settings);
                    sum += 0.25f * c;
                }
            }
            out(x, y) = glm::vec4(sum, 1.0f);
        }
    }
    return out;
}

glm::vec4 bloomEnlarge(const HdrImage& coarse, int x, int y) {
    return bilinear(coarse, (static_cast<float>(x) + 0.5f) * 0.5f, (static_cast<float>(y) + 0.5f) * 0.5f);
}

HdrImage bloomUpsample(const HdrImage& fine, const HdrImage& coarse) {
    HdrImage out(fine.width, fine.height);
    for (std::uint32_t y = 0; y < fine.height; ++y)
        for (std::uint32_t x = 0; x < fine.width; ++x)
            out(x, y) = glm::vec4(glm::vec3(fine.at(static_cast<int>(x), static_cast<int>(y)) +
                                            bloomEnlarge(coarse, static_cast<int>(x), static_cast<int>(y))),
                                  1.0f);
    return out;
}

HdrImage bloomReference(const HdrImage& exposed, const BloomSettings& settings) {
    const int levels = bloomLevels(exposed.width, exposed.height, settings.levels);
    if (levels == 0) return {};
    std::vector<HdrImage> down;
    for (int level = 0; level < levels; ++level) {
        const glm::uvec2 size = bloomLevelSize(exposed.width, exposed.height, level);
        down.push_back(bloomDownsample(level == 0 ? exposed : down.back(), size.x, size.y, level == 0, settings));
    }
    HdrImage up = down.back();
    for (int level = levels - 2; level >= 0; --level)
        up = bloomUpsample(down[static_cast<std::size_t>(level)], up);
    return up;
}

glm::vec3 withBloom(glm::vec3 exposed, const HdrImage& bloom, int x, int y, int levels, const BloomSettings& settings) {
    if (levels == 0) return exposed;
    return exposed + settings.strength / static_cast<float>(levels) * glm::vec3(bloomEnlarge(bloom, x, y));
}

}  // namespace ct::render
