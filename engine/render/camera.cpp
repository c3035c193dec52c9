#include "render/camera.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace ct::render {

glm::mat4 Camera::view() const {
    glm::vec3 forward = target - eye;
    glm::vec3 safeUp = up;
    if (glm::length(glm::cross(glm::normalize(forward), up)) < 1e-4f) safeUp = glm::vec3(0, 0, -1);
    return glm::lookAt(eye, target, safeUp);
}

glm::mat4 Camera::projection(float aspect) const {
    if (fullAspect > 0.0f) aspect = fullAspect;
    glm::mat4 p;
    if (orthographic) {
        const float halfWidth = orthoHalfWidth > 0.0f ? orthoHalfWidth : orthoHalfHeight * aspect;
        p = glm::ortho(-halfWidth, halfWidth, -orthoHalfHeight, orthoHalfHeight, znear, zfar);
    } else {
        p = glm::perspective(yfov, aspect, znear, zfar);
    }
    p[1][1] *= -1.0f;
    if (tile == glm::vec4(-1.0f, -1.0f, 1.0f, 1.0f)) return p;
    // Clip-space crop: x' = sx * (x - cx * w), likewise y, so [x0, x1] maps to [-1, 1].
    const glm::vec2 scale(2.0f / (tile.z - tile.x), 2.0f / (tile.w - tile.y));
    const glm::vec2 center(0.5f * (tile.x + tile.z), 0.5f * (tile.y + tile.w));
    glm::mat4 crop(1.0f);
    crop[0][0] = scale.x;
    crop[1][1] = scale.y;
    crop[3][0] = -scale.x * center.x;
    crop[3][1] = -scale.y * center.y;
    return crop * p;
}

void fitDepthRange(Camera& camera, const scene::Bounds& bounds) {
    if (bounds.empty()) return;
    const float radius = std::max(glm::length(bounds.size()) * 0.5f, 1e-3f);
    const glm::vec3 forward = glm::normalize(camera.target - camera.eye);
    const float centerDepth = glm::dot(bounds.center() - camera.eye, forward);
    camera.zfar = std::max(centerDepth + radius * 1.05f, 1e-2f);
    // A near plane too close wastes depth precision; too far clips the scene.
    camera.znear = std::max(centerDepth - radius * 1.05f, camera.zfar * 1e-4f);
}

Camera frameBounds(const scene::Bounds& bounds, float aspect, std::optional<glm::vec3> direction, float yfov) {
    Camera camera;
    camera.yfov = yfov;
    if (bounds.empty()) return camera;
    const glm::vec3 dir = glm::normalize(direction.value_or(glm::vec3(0.55f, 0.45f, 0.7f)));
    // Fit the box's corners, not its bounding sphere: flat, wide scenes (a campus) then fill
    // the view instead of a small patch of it.
    const glm::vec3 center = bounds.center();
    const glm::vec3 worldUp(0.0f, 1.0f, 0.0f);
    const glm::vec3 right = glm::normalize(glm::cross(-dir, std::abs(dir.y) > 0.999f ? glm::vec3(0, 0, -1) : worldUp));
    const glm::vec3 up = glm::cross(right, -dir);
    const float tanHalfV = std::tan(yfov * 0.5f);
    const float tanHalfH = tanHalfV * aspect;
    float distance = 1e-3f;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 rel = bounds.corner(corner) - center;
        const float needed = glm::dot(rel, dir) + std::max(std::abs(glm::dot(rel, right)) / tanHalfH,
                                                           std::abs(glm::dot(rel, up)) / tanHalfV);
        distance = std::max(distance, needed);
    }
    distance *= 1.05f;
    camera.target = bounds.center();
    camera.eye = camera.target + dir * distance;
    fitDepthRange(camera, bounds);
    return camera;
}

Camera cameraFromScene(const scene::Scene& scene, int placedCameraIndex) {
    const scene::PlacedCamera& placed = scene.placedCameras.at(placedCameraIndex);
    const scene::Camera& source = scene.cameras.at(placed.camera);
    const glm::mat4& world = scene.nodes.at(placed.node).world;
    Camera camera;
    camera.eye = glm::vec3(world[3]);
    const glm::vec3 forward = glm::normalize(glm::vec3(world * glm::vec4(0, 0, -1, 0)));
    camera.up = glm::normalize(glm::vec3(world * glm::vec4(0, 1, 0, 0)));
    // Keep the target at the scene's depth so orbiting from this view feels natural.
    const float depth =
        scene.bounds.empty() ? 1.0f : std::max(glm::dot(scene.bounds.center() - camera.eye, forward), 1e-2f);
    camera.target = camera.eye + forward * depth;
    camera.orthographic = !source.perspective;
    camera.yfov = source.yfov;
    camera.orthoHalfHeight = source.ymag;
    camera.orthoHalfWidth = source.perspective ? 0.0f : source.xmag;
    camera.znear = source.znear;
    camera.zfar = source.zfar;
    if (camera.zfar <= camera.znear) {
        const float reach = scene.bounds.empty()
                                ? 1000.0f
                                : glm::length(scene.bounds.center() - camera.eye) + glm::length(scene.bounds.size());
        camera.zfar = std::max(reach * 1.1f, camera.znear * 10.0f);
    }
    return camera;
}

int findSceneCamera(const scene::Scene& scene, const std::string& name) {
    for (std::size_t i = 0; i < scene.placedCameras.size(); ++i) {
        const auto& placed = scene.placedCameras[i];
        if (scene.nodes[placed.node].name == name || scene.cameras[placed.camera].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

}  // namespace ct::render
