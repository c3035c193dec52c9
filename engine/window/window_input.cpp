#include "window/window_input.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>
#include <string>
#include <utility>

namespace ct::window {

namespace {

// A press that moves less than this (screen pixels) before its release is a click, not a drag.
constexpr double kClickSlop = 3.0;

WindowInput& self(GLFWwindow* window) {
    return *static_cast<WindowInput*>(glfwGetWindowUserPointer(window));
}

}  // namespace

WindowInput::WindowInput(GLFWwindow* window, CameraController& controller) : window_(window), controller_(controller) {
    glfwGetCursorPos(window, &cursor_.x, &cursor_.y);
    glfwSetWindowUserPointer(window, this);
    glfwSetFramebufferSizeCallback(window, onFramebufferSize);
    glfwSetCursorPosCallback(window, onCursor);
    glfwSetMouseButtonCallback(window, onButton);
    glfwSetScrollCallback(window, onScroll);
    glfwSetKeyCallback(window, onKey);
}

WindowInput::~WindowInput() {
    // The window outlives this object (it must outlive the Vulkan surface); events arriving
    // after now must not reach a dead object.
    glfwSetFramebufferSizeCallback(window_, nullptr);
    glfwSetCursorPosCallback(window_, nullptr);
    glfwSetMouseButtonCallback(window_, nullptr);
    glfwSetScrollCallback(window_, nullptr);
    glfwSetKeyCallback(window_, nullptr);
    glfwSetWindowUserPointer(window_, nullptr);
}

void WindowInput::setCaptureQueries(std::function<bool()> mouse, std::function<bool()> keyboard) {
    mouseCaptured_ = std::move(mouse);
    keyboardCaptured_ = std::move(keyboard);
}

void WindowInput::update(float seconds) {
    if (controller_.mode() == CameraMode::Orbit && !right_) return;
    if (keyboardCaptured()) return;  // typing into a text field must not fly the camera
    auto held = [this](int key) { return glfwGetKey(window_, key) == GLFW_PRESS ? 1.0f : 0.0f; };
    const glm::vec3 direction{held(GLFW_KEY_D) - held(GLFW_KEY_A), held(GLFW_KEY_E) - held(GLFW_KEY_Q),
                              held(GLFW_KEY_W) - held(GLFW_KEY_S)};
    const bool fast = held(GLFW_KEY_LEFT_SHIFT) + held(GLFW_KEY_RIGHT_SHIFT) > 0.0f;
    controller_.move(direction, seconds, fast);
}

bool WindowInput::takeResized() {
    return std::exchange(resized_, false);
}

std::optional<glm::uvec2> WindowInput::takeClick() {
    return std::exchange(click_, std::nullopt);
}

float WindowInput::aspect() const {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return height > 0 ? static_cast<float>(width) / static_cast<float>(height) : 1.0f;
}

void WindowInput::cursorMoved(glm::dvec2 position) {
    const glm::vec2 delta(position - cursor_);
    cursor_ = position;
    if (left_ && glm::length(position - pressedAt_) > kClickSlop) dragged_ = true;
    if (left_ && dragged_) {
        if (controller_.mode() == CameraMode::Orbit)
            controller_.orbit(delta);
        else
            controller_.look(delta);
    }
    if (right_) controller_.look(delta);
    if (middle_) {
        int windowWidth = 0;
        int windowHeight = 0;
        glfwGetWindowSize(window_, &windowWidth, &windowHeight);
        controller_.pan(delta, static_cast<float>(windowHeight));
    }
}

void WindowInput::buttonChanged(int button, bool pressed) {
    // A press on a panel belongs to the panel; releases always count, so no button sticks.
    if (pressed && mouseCaptured()) return;
    if (button == GLFW_MOUSE_BUTTON_LEFT) {
        if (pressed) {
            pressedAt_ = cursor_;
            dragged_ = false;
        } else if (left_ && !dragged_) {
            // Cursor positions are in screen coordinates; the id image is in framebuffer pixels
            // (they differ on high-DPI displays).
            int windowWidth = 0;
            int windowHeight = 0;
            int fbWidth = 0;
            int fbHeight = 0;
            glfwGetWindowSize(window_, &windowWidth, &windowHeight);
            glfwGetFramebufferSize(window_, &fbWidth, &fbHeight);
            if (windowWidth > 0 && windowHeight > 0 && cursor_.x >= 0.0 && cursor_.y >= 0.0) {
                const glm::dvec2 scale(static_cast<double>(fbWidth) / windowWidth,
                                       static_cast<double>(fbHeight) / windowHeight);
                click_ = glm::uvec2(cursor_ * scale);
            }
        }
        left_ = pressed;
    } else if (button == GLFW_MOUSE_BUTTON_RIGHT) {
        right_ = pressed;
    } else if (button == GLFW_MOUSE_BUTTON_MIDDLE) {
        middle_ = pressed;
    }
}

void WindowInput::keyPressed(int key) {
    switch (key) {
        case GLFW_KEY_F:
            controller_.toggleFly();
            std::fprintf(stderr, "camera: %s mode\n", cameraModeName(controller_.mode()));
            break;
        case GLFW_KEY_G:
            controller_.toggleWalk();
            std::fprintf(stderr, "camera: %s mode\n", cameraModeName(controller_.mode()));
            break;
        case GLFW_KEY_HOME:
            controller_.frameScene(aspect());
            break;
        case GLFW_KEY_C: {
            const std::string name = controller_.cycleSceneCamera();
            if (name.empty())
                std::fprintf(stderr, "camera: the scene has no cameras\n");
            else
                std::fprintf(stderr, "camera: \"%s\"\n", name.c_str());
            break;
        }
        default:
            break;
    }
}

void WindowInput::onFramebufferSize(GLFWwindow* window, int, int) {
    self(window).resized_ = true;
}

void WindowInput::onCursor(GLFWwindow* window, double x, double y) {
    self(window).cursorMoved({x, y});
}

void WindowInput::onButton(GLFWwindow* window, int button, int action, int) {
    self(window).buttonChanged(button, action == GLFW_PRESS);
}

void WindowInput::onScroll(GLFWwindow* window, double, double dy) {
    if (self(window).mouseCaptured()) return;
    self(window).controller_.dolly(static_cast<float>(dy));
}

void WindowInput::onKey(GLFWwindow* window, int key, int, int action, int) {
    if (action == GLFW_PRESS && !self(window).keyboardCaptured()) self(window).keyPressed(key);
}

}  // namespace ct::window
