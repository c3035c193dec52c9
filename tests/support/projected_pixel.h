// Where a point of the world lands in a rendered image: the pixel, or nothing when it is behind
// the camera or within 1 % of the image's edge.
#pragma once

#include "render/camera.h"

#include <glm/glm.hpp>

#include <cmath>
#include <cstdint>
#include <optional>

namespace ct::test {

inline std::optional<glm::uvec2> projectedPixel(const render::Camera& camera, std::uint32_t width, std::uint32_t height,
                                                glm::vec3 world) {
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    const glm::vec4 clip = camera.projection(aspect) * camera.view() * glm::vec4(world, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    if (std::abs(ndc.x) > 0.98f || std::abs(ndc.y) > 0.98f) return std::nullopt;
    return glm::uvec2((ndc.x * 0.5f + 0.5f) * static_cast<float>(width),
                      (ndc.y * 0.5f + 0.5f) * static_cast<float>(height));
}

}  // namespace ct::test
