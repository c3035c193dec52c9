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

const glm::vec3 kWorldUp{0.0f, 1.0f, 0.0f};

// Rotates `direction` by a yaw about `up` and a pitch about the axis right of it, clamping the
// pitch so the result stays at least `margin` radians from either pole.
glm::vec3 turn(glm::vec3 direction, glm::vec3 up, float yaw, float pitch, float margin = kPoleMargin) {
    const float length = glm::length(direction);
    glm::vec3 d = direction / length;
    const float angleFromUp = std::acos(std::clamp(glm::dot(d, up), -1.0f, 1.0f));
    // Pitch up (positive) lowers the angle from up.
    const float clamped = std::clamp(angleFromUp - pitch, margin, glm::pi<float>() - margin);
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

const GroundHeight& CameraController::ground() const {
    if (!ground_) ground_.emplace(scene_);
    return *ground_;
}

float CameraController::groundHeight(float x, float z) const {
    return ground().at(x, z);
}

void CameraController::setMode(CameraMode mode) {
    if (mode == CameraMode::Walk && mode_ != CameraMode::Walk) {
        // From orbit, where the user was looking: the orbit's centre (an overview's eye may be
        // a kilometre out). From fly, where the user was: below the eye.
        putDown(mode_ == CameraMode::Orbit ? camera_.target : camera_.eye);
        mode_ = mode;
        afterChange();
        return;
    }
    mode_ = mode;
}

void CameraController::putDown(glm::vec3 feet) {
    // A point outside the scene's footprint comes down at its edge, not far from everything.
    if (!scene_.bounds.empty()) {
        feet.x = std::clamp(feet.x, scene_.bounds.min.x, scene_.bounds.max.x);
        feet.z = std::clamp(feet.z, scene_.bounds.min.z, scene_.bounds.max.z);
    }
    glm::vec3 heading = camera_.target - camera_.eye;
    heading.y = 0.0f;
    if (glm::length(heading) < 1e-6f) heading = glm::vec3(camera_.up.x, 0.0f, camera_.up.z);  // looking straight down
    if (glm::length(heading) < 1e-6f) heading = glm::vec3(0.0f, 0.0f, -1.0f);
    camera_.eye = {feet.x, groundHeight(feet.x, feet.z) + kEyeHeight, feet.z};
    camera_.target = camera_.eye + glm::normalize(heading) * kWalkLookDistance;
    camera_.up = kWorldUp;
    camera_.orthographic = false;  // a person sees in perspective
}

float CameraController::flySpeed() const {
    // Crosses the scene's bounding sphere in about four seconds, whatever its scale.
    return sceneRadius(scene_) * 0.5f;
}

void CameraController::orbit(glm::vec2 pixels) {
    if (mode_ == CameraMode::Walk) {
        look(pixels);
        return;
    }
    // Dragging right moves the eye left around the target, so the scene appears to turn with
    // the cursor; dragging down lifts the eye.
    const glm::vec3 offset = camera_.eye - camera_.target;
    camera_.eye = camera_.target + turn(offset, camera_.up, -pixels.x * kRadiansPerPixel, pixels.y * kRadiansPerPixel);
    afterChange();
}

void CameraController::look(glm::vec2 pixels) {
    // Dragging right turns the view right; dragging down looks down.
    const glm::vec3 forward = camera_.target - camera_.eye;
    const float margin = mode_ == CameraMode::Walk ? glm::half_pi<float>() - kWalkPitchLimit : kPoleMargin;
    camera_.target =
        camera_.eye + turn(forward, camera_.up, -pixels.x * kRadiansPerPixel, -pixels.y * kRadiansPerPixel, margin);
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
    if (mode_ == CameraMode::Walk) {
        move({0.0f, 0.0f, steps > 0.0f ? 1.0f : -1.0f}, std::abs(steps) * kWalkStepPerNotch / walkSpeed());
        return;
    }
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

void CameraController::move(glm::vec3 direction, float seconds, bool fast) {
    if (seconds <= 0.0f) return;
    const float speed = (mode_ == CameraMode::Walk ? walkSpeed() : flySpeed()) * (fast ? kFastFactor : 1.0f);
    glm::vec3 forward = glm::normalize(camera_.target - camera_.eye);
    if (mode_ == CameraMode::Walk) {
        // Along the heading, not the pitch: looking up while walking does not lift the feet.
        direction.y = 0.0f;
        forward.y = 0.0f;
        if (glm::length(forward) < 1e-6f) return;
        forward = glm::normalize(forward);
    }
    if (direction == glm::vec3(0.0f)) return;
    const glm::vec3 right = glm::normalize(glm::cross(forward, camera_.up));
    // Up and down follow the world's up, not the camera's, as in most fly cameras.
    const glm::vec3 step = (direction.x * right + direction.y * camera_.up + direction.z * forward);
    if (glm::length(step) < 1e-6f) return;
    const glm::vec3 shift = glm::normalize(step) * speed * seconds;
    camera_.eye += shift;
    camera_.target += shift;
    afterChange();
}

void CameraController::frameScene(float aspect) {
    if (mode_ == CameraMode::Walk) mode_ = CameraMode::Orbit;  // a view from above: off your feet
    camera_ = render::frameBounds(scene_.bounds, aspect);
    sceneCamera_ = -1;
}

std::string CameraController::cycleSceneCamera() {
    if (scene_.placedCameras.empty()) return {};
    sceneCamera_ = (sceneCamera_ + 1) % static_cast<int>(scene_.placedCameras.size());
    if (mode_ == CameraMode::Walk) mode_ = CameraMode::Orbit;
    camera_ = render::cameraFromScene(scene_, sceneCamera_);
    camera_.up = glm::normalize(camera_.up);
    const scene::PlacedCamera& placed = scene_.placedCameras[sceneCamera_];
    if (!scene_.nodes[placed.node].name.empty()) return scene_.nodes[placed.node].name;
    if (!scene_.cameras[placed.camera].name.empty()) return scene_.cameras[placed.camera].name;
    return "camera " + std::to_string(sceneCamera_);
}

void CameraController::afterChange() {
    if (mode_ == CameraMode::Walk) {
        // Feet on the ground wherever a gesture took the eye; the view's pitch is kept.
        const float lift = groundHeight(camera_.eye.x, camera_.eye.z) + kEyeHeight - camera_.eye.y;
        camera_.eye.y += lift;
        camera_.target.y += lift;
    }
    // A camera that has been moved no longer matches the file's planes; fit them to what it sees.
    render::fitDepthRange(camera_, scene_.bounds);
}

}  // namespace ct::window
