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
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                          (corner & 4) ? bounds.max.z : bounds.min.z);
        const glm::vec3 q = glm::vec3(view * glm::vec4(p, 1.0f));
        lo = glm::min(lo, q);
        hi = glm::max(hi, q);
    }
    const float pad = radius * 0.01f;
    // View space looks down -Z: the near plane is at -hi.z.
    return glm::ortho(lo.x - pad, hi.x + pad, lo.y - pad, hi.y + pad, -hi.z - pad, -lo.z + pad) * view;
}

}  // namespace ct::render
