#include "window/camera_controller.h"

#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>

namespace ct::window {

namespace {

// Keeps the view direction this far (radians) from straight up or down, where lookAt's up
// vector degenerates and orbiting would flip the image.
constexpr float kPoleMargin = 0.02f;

float sceneRadius(const scene::Scene& scene) {
    return scene.bounds.empty() ? 1.0f : std::max(glm::length(scene.bounds.size()) * 0.5f, 1e-3f);
}

// Rotates `direction` by a yaw about `up` and a pitch about the axis right of it, clamping the
// pitch so the result never reaches either pole.
glm::vec3 turn(glm::vec3 direction, glm::vec3 up, float yaw, float pitch) {
    const float length = glm::length(direction);
    glm::vec3 d = direction / length;
    const float angleFromUp = std::acos(std::clamp(glm::dot(d, up), -1.0f, 1.0f));
    // Pitch up (positive) lowers the angle from up.
    const float clamped = std::clamp(angleFromUp - pitch, kPoleMargin, glm::pi<float>() - kPoleMargin);
    const glm::vec3 right = glm::cross(d, up);
    if (glm::length(right) > 1e-6f) d = glm::angleAxis(angleFromUp - clamped, glm::normalize(right)) * d;
    d = glm::angleAxis(yaw, up) * d;
    return d * length;
}

}  // namespace

CameraController::CameraController(const scene::Scene& scene, const render::Camera& initial)
    : scene_(scene), camera_(initial) {
    camera_.up = glm::normalize(camera_.up);
}

float CameraController::distance() const {
    return glm::length(camera_.target - camera_.eye);
}

float CameraController::flySpeed() const {
    // Crosses the scene's bounding sphere in about four seconds, whatever its scale.
    return sceneRadius(scene_) * 0.5f;
}

void CameraController::orbit(glm::vec2 pixels) {
    // Dragging right moves the eye left around the target, so the scene appears to turn with
    // the cursor; dragging down lifts the eye.
    const glm::vec3 offset = camera_.eye - camera_.target;
    camera_.eye = camera_.target + turn(offset, camera_.up, -pixels.x * kRadiansPerPixel, pixels.y * kRadiansPerPixel);
    afterChange();
}

void CameraController::look(glm::vec2 pixels) {
    // Dragging right turns the view right; dragging down looks down.
    const glm::vec3 forward = camera_.target - camera_.eye;
    camera_.target =
        camera_.eye + turn(forward, camera_.up, -pixels.x * kRadiansPerPixel, -pixels.y * kRadiansPerPixel);
    afterChange();
}

void CameraController::pan(glm::vec2 pixels, float viewportHeight) {
    const glm::vec3 forward = glm::normalize(camera_.target - camera_.eye);
    const glm::vec3 right = glm::normalize(glm::cross(forward, camera_.up));
    const glm::vec3 up = glm::cross(right, forward);
    // World units per pixel at the target's depth.
    const float viewHeight =
        camera_.orthographic ? 2.0f * camera_.orthoHalfHeight : 2.0f * distance() * std::tan(camera_.yfov * 0.5f);
    const float scale = viewHeight / std::max(viewportHeight, 1.0f);
    const glm::vec3 shift = (-pixels.x * right + pixels.y * up) * scale;
    camera_.eye += shift;
    camera_.target += shift;
    afterChange();
}

void CameraController::dolly(float steps) {
    const float factor = std::pow(kDollyPerStep, steps);
    const float minDistance = sceneRadius(scene_) * 1e-3f;
    const float newDistance = std::max(distance() * factor, minDistance);
    camera_.eye = camera_.target + glm::normalize(camera_.eye - camera_.target) * newDistance;
    // An orthographic view does not change size with distance; zoom its extent instead.
    if (camera_.orthographic) {
        camera_.orthoHalfHeight *= factor;
        camera_.orthoHalfWidth *= factor;
    }
    afterChange();
}

void CameraController::move(glm::vec3 direction, float seconds) {
    if (direction == glm::vec3(0.0f) || seconds <= 0.0f) return;
    const glm::vec3 forward = glm::normalize(camera_.target - camera_.eye);
    const glm::vec3 right = glm::normalize(glm::cross(forward, camera_.up));
    // Up and down follow the world's up, not the camera's, as in most fly cameras.
    const glm::vec3 step = (direction.x * right + direction.y * camera_.up + direction.z * forward);
    const glm::vec3 shift = glm::normalize(step) * flySpeed() * seconds;
    camera_.eye += shift;
    camera_.target += shift;
    afterChange();
}

void CameraController::frameScene(float aspect) {
    camera_ = render::frameBounds(scene_.bounds, aspect);
    sceneCamera_ = -1;
}

std::string CameraController::cycleSceneCamera() {
    if (scene_.placedCameras.empty()) return {};
    sceneCamera_ = (sceneCamera_ + 1) % static_cast<int>(scene_.placedCameras.size());
    camera_ = render::cameraFromScene(scene_, sceneCamera_);
    camera_.up = glm::normalize(camera_.up);
    const scene::PlacedCamera& placed = scene_.placedCameras[sceneCamera_];
    if (!scene_.nodes[placed.node].name.empty()) return scene_.nodes[placed.node].name;
    if (!scene_.cameras[placed.camera].name.empty()) return scene_.cameras[placed.camera].name;
    return "camera " + std::to_string(sceneCamera_);
}

void CameraController::afterChange() {
    // A camera that has been moved no longer matches the file's planes; fit them to what it sees.
    render::fitDepthRange(camera_, scene_.bounds);
}

}  // namespace ct::window
