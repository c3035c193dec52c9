// CameraController: turns input deltas into camera motion, with no window in sight, so every
// gesture is unit-testable. The viewer's GLFW callbacks only translate events into these calls.
//
//   CameraController controller(scene, initialCamera);
//   controller.orbit({dx, dy});          // left drag (orbit mode)
//   controller.look({dx, dy});           // right drag, or left drag in fly and walk modes
//   controller.move({0, 0, 1}, dt);      // W held for dt seconds (x right, y up, z forward)
//   renderer.record(frame, controller.camera(), lighting);
//
// Orbit mode turns the eye around the target; fly mode turns the view around the eye. Both keep
// the target in front of the eye at the orbit distance, so switching modes never jumps. Walk
// mode keeps the eye kEyeHeight above the ground (GroundHeight: the scene's terrain or ground
// plane under the eye, else the bottom of its bounds; +y is up, as in glTF) and moves it
// horizontally along the view's heading at walking pace (Shift: jogging). Entering it stands the
// eye on the ground, facing the same heading, level: from orbit mode at the orbit's centre (the
// target: where the user was looking), from fly mode below the eye (where the user was); inside
// the scene's footprint either way. Near and far planes are refitted to the scene after every
// change.
#pragma once

#include "render/camera.h"
#include "scene/scene.h"
#include "window/camera_mode.h"
#include "window/ground_height.h"

#include <glm/glm.hpp>

#include <optional>
#include <string>

namespace ct::window {

class CameraController {
public:
    static constexpr float kRadiansPerPixel = 0.005f;
    static constexpr float kDollyPerStep = 0.85f;  // distance factor per wheel notch
    // Walk mode (scene units taken as metres, as glTF's are).
    static constexpr float kEyeHeight = 1.7f;          // above the ground
    static constexpr float kWalkSpeed = 1.5f;          // metres per second: walking
    static constexpr float kFastFactor = 4.0f;         // Shift: 6 m/s jogging (fly: 4x too)
    static constexpr float kWalkStepPerNotch = 1.0f;   // metres per wheel notch
    static constexpr float kWalkLookDistance = 10.0f;  // the target this far ahead on entering
    static constexpr float kWalkPitchLimit = 1.4f;     // radians (80 degrees) up or down

    CameraController(const scene::Scene& scene, const render::Camera& initial);

    const render::Camera& camera() const { return camera_; }
    CameraMode mode() const { return mode_; }
    // Entering walk mode puts the eye down (see above); the other changes keep the camera.
    void setMode(CameraMode mode);
    void toggleFly() { setMode(mode_ == CameraMode::Fly ? CameraMode::Orbit : CameraMode::Fly); }
    void toggleWalk() { setMode(mode_ == CameraMode::Walk ? CameraMode::Orbit : CameraMode::Walk); }
    // Takes a camera set from outside (a bookmark flight, a tour) as it is, in any mode;
    // gestures continue from it (in walk mode the next one puts the eye back at eye height).
    void setCamera(const render::Camera& camera) { camera_ = camera; }

    // Turns the eye around the target by a drag of `pixels` (x: around up, y: over the top).
    // In walk mode the eye stays on its feet: this turns the view as look() does.
    void orbit(glm::vec2 pixels);
    // Moves eye and target in the view plane so the point at the target's depth follows the
    // cursor; `viewportHeight` in pixels.
    void pan(glm::vec2 pixels, float viewportHeight);
    // Moves the eye toward the target (positive steps) or away; never through it. In walk mode:
    // a step of kWalkStepPerNotch forward or back per notch.
    void dolly(float steps);
    // Turns the view around the eye (in walk mode the pitch stays within kWalkPitchLimit).
    void look(glm::vec2 pixels);
    // Flies eye and target together along the camera's axes (x right, y up, z forward) at a
    // speed scaled to the scene's size; `fast` (Shift) goes kFastFactor faster. In walk mode:
    // x right, z forward along the heading, level, at walkSpeed(); y is ignored.
    void move(glm::vec3 direction, float seconds, bool fast = false);
    float flySpeed() const;  // metres per second
    float walkSpeed() const { return kWalkSpeed; }
    // The ground under (x, z) that walk mode stands on.
    float groundHeight(float x, float z) const;

    // Home: the three-quarter view that shows the whole scene (walk mode becomes orbit).
    void frameScene(float aspect);
    // C: the next glTF camera in the scene, wrapping around; returns a name to show for it (its
    // node's or camera's), or an empty string when the scene has none (the camera is unchanged).
    // Walk mode becomes orbit.
    std::string cycleSceneCamera();

private:
    void afterChange();
    float distance() const;
    void putDown(glm::vec3 feet);  // entering walk mode: stand at (feet.x, feet.z)
    const GroundHeight& ground() const;

    const scene::Scene& scene_;
    render::Camera camera_;
    CameraMode mode_ = CameraMode::Orbit;
    int sceneCamera_ = -1;                        // index into scene.placedCameras of the last one cycled to
    mutable std::optional<GroundHeight> ground_;  // built the first time walk mode needs it
};

}  // namespace ct::window
