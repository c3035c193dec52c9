// CameraController: turns input deltas into camera motion, with no window in sight, so every
// gesture is unit-testable. The viewer's GLFW callbacks only translate events into these calls.
//
//   CameraController controller(scene, initialCamera);
//   controller.orbit({dx, dy});          // left drag (orbit mode)
//   controller.look({dx, dy});           // right drag, or left drag in fly mode
//   controller.move({0, 0, 1}, dt);      // W held for dt seconds (x right, y up, z forward)
//   renderer.record(frame, controller.camera(), lighting);
//
// Orbit mode turns the eye around the target; fly mode turns the view around the eye. Both keep
// the target in front of the eye at the orbit distance, so switching modes never jumps. Near and
// far planes are refitted to the scene after every change.
#pragma once

#include "render/camera.h"
#include "scene/scene.h"

#include <glm/glm.hpp>

#include <string>

namespace ct::window {

enum class CameraMode { Orbit, Fly };

class CameraController {
public:
    static constexpr float kRadiansPerPixel = 0.005f;
    static constexpr float kDollyPerStep = 0.85f;  // distance factor per wheel notch

    CameraController(const scene::Scene& scene, const render::Camera& initial);

    const render::Camera& camera() const { return camera_; }
    CameraMode mode() const { return mode_; }
    void setMode(CameraMode mode) { mode_ = mode; }
    void toggleFly() { mode_ = mode_ == CameraMode::Fly ? CameraMode::Orbit : CameraMode::Fly; }
    // Takes a camera set from outside (a bookmark flight, a tour); gestures continue from it.
    void setCamera(const render::Camera& camera) { camera_ = camera; }

    // Turns the eye around the target by a drag of `pixels` (x: around up, y: over the top).
    void orbit(glm::vec2 pixels);
    // Moves eye and target in the view plane so the point at the target's depth follows the
    // cursor; `viewportHeight` in pixels.
    void pan(glm::vec2 pixels, float viewportHeight);
    // Moves the eye toward the target (positive steps) or away; never through it.
    void dolly(float steps);
    // Turns the view around the eye.
    void look(glm::vec2 pixels);
    // Flies eye and target together along the camera's axes (x right, y up, z forward) at a
    // speed scaled to the scene's size.
    void move(glm::vec3 direction, float seconds);
    float flySpeed() const;  // metres per second

    // Home: the three-quarter view that shows the whole scene.
    void frameScene(float aspect);
    // C: the next glTF camera in the scene, wrapping around; returns a name to show for it (its
    // node's or camera's), or an empty string when the scene has none (the camera is unchanged).
    std::string cycleSceneCamera();

private:
    void afterChange();
    float distance() const;

    const scene::Scene& scene_;
    render::Camera camera_;
    CameraMode mode_ = CameraMode::Orbit;
    int sceneCamera_ = -1;  // index into scene.placedCameras of the last one cycled to
};

}  // namespace ct::window
