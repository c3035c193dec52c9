// WindowInput: the GLFW callbacks of one window, translated into CameraController calls and a
// few requests the frame loop collects (a pick, a resize). Mouse and keys:
//   left drag: orbit (fly, walk: look)    right drag: look      middle drag: pan
//   wheel: dolly (walk: step)   WASD / QE: fly (in fly mode, or while the right button is held)
//   WASD: walk (in walk mode)   Shift: faster
//   F: toggle fly mode     G: toggle walk mode     Home: frame the scene     C: next glTF camera
//   left click without dragging: pick the pixel under the cursor
#pragma once

#include "window/camera_controller.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <functional>
#include <optional>

struct GLFWwindow;

namespace ct::window {

class WindowInput {
public:
    // Installs the callbacks; the window's user pointer is this object until it is destroyed.
    WindowInput(GLFWwindow* window, CameraController& controller);
    ~WindowInput();
    WindowInput(const WindowInput&) = delete;
    WindowInput& operator=(const WindowInput&) = delete;

    // Input another layer (a UI) has consumed: while `mouse()` is true the camera and picking
    // ignore the mouse, while `keyboard()` is true they ignore the keys. Either may be empty.
    void setCaptureQueries(std::function<bool()> mouse, std::function<bool()> keyboard);

    // Applies the held movement keys for a frame that took `seconds`.
    void update(float seconds);
    // True once after the framebuffer changed size.
    bool takeResized();
    // The framebuffer pixel of a click (a left press and release without a drag), once.
    std::optional<glm::uvec2> takeClick();

private:
    static void onFramebufferSize(GLFWwindow* window, int width, int height);
    static void onCursor(GLFWwindow* window, double x, double y);
    static void onButton(GLFWwindow* window, int button, int action, int mods);
    static void onScroll(GLFWwindow* window, double dx, double dy);
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);

    void cursorMoved(glm::dvec2 position);
    void buttonChanged(int button, bool pressed);
    void keyPressed(int key);
    float aspect() const;
    bool mouseCaptured() const { return mouseCaptured_ && mouseCaptured_(); }
    bool keyboardCaptured() const { return keyboardCaptured_ && keyboardCaptured_(); }

    GLFWwindow* window_;
    CameraController& controller_;
    glm::dvec2 cursor_{0.0};
    glm::dvec2 pressedAt_{0.0};
    bool left_ = false;
    bool right_ = false;
    bool middle_ = false;
    bool dragged_ = false;  // the left button moved far enough since its press to not be a click
    bool resized_ = false;
    std::optional<glm::uvec2> click_;
    std::function<bool()> mouseCaptured_;
    std::function<bool()> keyboardCaptured_;
};

}  // namespace ct::window
