// CameraMode: how the window's camera answers the mouse and keys (window::CameraController).
// Header-only and free of GLFW, so the UI and the application can name a mode without the window.
#pragma once

namespace ct::window {

// Orbit: turn around a target. Fly: turn and move freely. Walk: at eye height above the ground,
// moving horizontally.
enum class CameraMode { Orbit, Fly, Walk };

inline const char* cameraModeName(CameraMode mode) {
    switch (mode) {
        case CameraMode::Fly:
            return "fly";
        case CameraMode::Walk:
            return "walk";
        case CameraMode::Orbit:
            break;
    }
    return "orbit";
}

}  // namespace ct::window
