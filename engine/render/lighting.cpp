#include "render/lighting.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace ct::render {

glm::vec3 sunDirectionFromAngles(float elevationDegrees, float azimuthDegrees) {
    const float elevation = glm::radians(elevationDegrees);
    const float azimuth = glm::radians(azimuthDegrees);
    return glm::normalize(glm::vec3(std::cos(elevation) * std::sin(azimuth), std::sin(elevation),
                                    -std::cos(elevation) * std::cos(azimuth)));
}

glm::mat4 fitSunShadow(const scene::Bounds& bounds, const glm::vec3& sunDirection) {
    if (bounds.empty()) return glm::mat4(1.0f);
    const glm::vec3 center = bounds.center();
    const float radius = std::max(glm::length(bounds.size()) * 0.5f, 1e-3f);
    const glm::vec3 dir = glm::normalize(sunDirection);
    const glm::vec3 up = std::abs(dir.y) > 0.99f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0);
    const glm::mat4 view = glm::lookAt(center + dir * radius * 2.0f, center, up);
    const scene::Bounds inView = scene::transformed(bounds, view);
    const glm::vec3 lo = inView.min;
    const glm::vec3 hi = inView.max;
    const float pad = radius * 0.01f;
    // View space looks down -Z: the near plane is at -hi.z.
    return glm::ortho(lo.x - pad, hi.x + pad, lo.y - pad, hi.y + pad, -hi.z - pad, -lo.z + pad) * view;
}

}  // namespace ct::render
