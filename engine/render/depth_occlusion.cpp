#include "render/depth_occlusion.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

std::uint32_t depthPyramidLevels(glm::uvec2 size) {
    std::uint32_t levels = 1;
    while ((std::max(size.x, size.y) >> levels) > 0)
        ++levels;
    return levels;
}

DepthPyramid buildDepthPyramid(std::span<const float> depth, std::uint32_t width, std::uint32_t height) {
    DepthPyramid pyramid;
    const glm::uvec2 size(width, height);
    pyramid.sizes.push_back(size);
    pyramid.levels.emplace_back(depth.begin(), depth.end());
    const std::uint32_t count = depthPyramidLevels(size);
    for (std::uint32_t level = 1; level < count; ++level) {
        const glm::uvec2 below = pyramid.sizes.back();
        const glm::uvec2 here(std::max(1u, size.x >> level), std::max(1u, size.y >> level));
        std::vector<float> texels(static_cast<std::size_t>(here.x) * here.y);
        for (std::uint32_t y = 0; y < here.y; ++y)
            for (std::uint32_t x = 0; x < here.x; ++x) {
                // The last column (row) over an odd one below takes its third texel too.
                const std::uint32_t x1 = std::min(2 * x + (x + 1 == here.x && (below.x & 1u) ? 2u : 1u), below.x - 1);
                const std::uint32_t y1 = std::min(2 * y + (y + 1 == here.y && (below.y & 1u) ? 2u : 1u), below.y - 1);
                float farthest = 0.0f;
                for (std::uint32_t by = std::min(2 * y, below.y - 1); by <= y1; ++by)
                    for (std::uint32_t bx = std::min(2 * x, below.x - 1); bx <= x1; ++bx)
                        farthest = std::max(farthest, pyramid.at(level - 1, bx, by));
                texels[static_cast<std::size_t>(y) * here.x + x] = farthest;
            }
        pyramid.sizes.push_back(here);
        pyramid.levels.push_back(std::move(texels));
    }
    return pyramid;
}

bool boxOccluded(const DepthPyramid& pyramid, const glm::mat4& viewProj, const scene::Bounds& box) {
    const std::optional<float> margin = occlusionMargin(pyramid, viewProj, box);
    return margin && *margin > 0.0f;
}

std::optional<float> occlusionMargin(const DepthPyramid& pyramid, const glm::mat4& viewProj, const scene::Bounds& box) {
    if (pyramid.levels.empty() || box.empty()) return std::nullopt;
    glm::vec2 lo(1e30f), hi(-1e30f);
    float nearest = 1e30f;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                          (corner & 4) ? box.max.z : box.min.z);
        const glm::vec4 clip = viewProj * glm::vec4(p, 1.0f);
        if (clip.w <= 1e-6f) return std::nullopt;  // behind the eye: the box reaches the camera
        const glm::vec3 ndc = glm::vec3(clip) / clip.w;
        lo = glm::min(lo, glm::vec2(ndc));
        hi = glm::max(hi, glm::vec2(ndc));
        nearest = std::min(nearest, ndc.z);
    }
    if (nearest < 0.0f) return std::nullopt;  // in front of the near plane
    if (hi.x < -1.0f || hi.y < -1.0f || lo.x > 1.0f || lo.y > 1.0f) return std::nullopt;
    const glm::uvec2 size = pyramid.sizes.front();
    const auto texel = [](float ndc, std::uint32_t extent) {
        const float pixel = std::floor((std::clamp(ndc, -1.0f, 1.0f) * 0.5f + 0.5f) * static_cast<float>(extent));
        return std::min(static_cast<std::uint32_t>(pixel), extent - 1);
    };
    const glm::uvec2 first(texel(lo.x, size.x), texel(lo.y, size.y));
    const glm::uvec2 last(texel(hi.x, size.x), texel(hi.y, size.y));
    std::uint32_t level = 0;
    while (level + 1 < pyramid.levels.size() &&
           ((last.x >> level) - (first.x >> level) > 1 || (last.y >> level) - (first.y >> level) > 1))
        ++level;
    const glm::uvec2 top = pyramid.sizes[level] - 1u;
    const glm::uvec2 a = glm::min(first >> level, top), b = glm::min(last >> level, top);
    float farthest = 0.0f;
    for (std::uint32_t y = a.y; y <= b.y; ++y)
        for (std::uint32_t x = a.x; x <= b.x; ++x)
            farthest = std::max(farthest, pyramid.at(level, x, y));
    return nearest - farthest;
}

}  // namespace ct::render
