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
    return fitSunShadow(bounds, bounds, sunDirection);
}

glm::mat4 fitSunShadow(const scene::Bounds& casters, const scene::Bounds& receivers, const glm::vec3& sunDirection) {
    if (casters.empty()) return glm::mat4(1.0f);
    scene::Bounds both = casters;
    both.extend(receivers);
    const glm::vec3 center = casters.center();
    const float radius = std::max(glm::length(both.size()) * 0.5f, 1e-3f);
    const glm::vec3 dir = glm::normalize(sunDirection);
    const glm::vec3 up = std::abs(dir.y) > 0.99f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0);
    const glm::mat4 view = glm::lookAt(center + dir * radius * 2.0f, center, up);
    const scene::Bounds across = scene::transformed(casters, view);
    const scene::Bounds deep = scene::transformed(both, view);
    const float pad = glm::length(casters.size()) * 0.005f;
    const float depthPad = radius * 0.01f;
    // View space looks down -Z: the near plane is at -max.z.
    return glm::ortho(across.min.x - pad, across.max.x + pad, across.min.y - pad, across.max.y + pad,
                      -deep.max.z - depthPad, -deep.min.z + depthPad) *
           view;
}

}  // namespace ct::render
