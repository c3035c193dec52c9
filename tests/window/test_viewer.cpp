// The windowed viewer: the camera controller's gestures as pure logic (run anywhere), and a real
// window under Xvfb (tag [.xvfb]; ctest runs it under Xvfb, or reports it skipped).
#include "scene/load_gltf.h"
#include "window/camera_controller.h"
#include "window/ground_height.h"
#include "window/viewer.h"

#include <catch2/catch.hpp>

#include <glm/glm.hpp>
#include <glm/gtc/constants.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

using ct::window::CameraController;
using ct::window::CameraMode;

namespace {

ct::scene::Scene boxScene(glm::vec3 min, glm::vec3 max) {
    ct::scene::Scene scene;
    scene.bounds.extend(min);
    scene.bounds.extend(max);
    return scene;
}

ct::render::Camera lookingAtOrigin() {
    ct::render::Camera camera;
    camera.eye = {0.0f, 0.0f, 10.0f};
    camera.target = {0.0f, 0.0f, 0.0f};
    return camera;
}

float distance(const ct::render::Camera& camera) {
    return glm::length(camera.eye - camera.target);
}

// True when every corner of `bounds` projects inside the view at `aspect`.
bool boundsInView(const ct::render::Camera& camera, const ct::scene::Bounds& bounds, float aspect) {
    const glm::mat4 viewProjection = camera.projection(aspect) * camera.view();
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec4 clip = viewProjection * glm::vec4(bounds.corner(corner), 1.0f);
        if (clip.w <= 0.0f) return false;
        const glm::vec3 ndc = glm::vec3(clip) / clip.w;
        if (std::abs(ndc.x) > 1.0f || std::abs(ndc.y) > 1.0f || ndc.z < 0.0f || ndc.z > 1.0f) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("orbiting keeps the distance to the target", "[window][camera]") {
    const auto scene = boxScene(glm::vec3(-1.0f), glm::vec3(1.0f));
    CameraController controller(scene, lookingAtOrigin());
    const glm::vec3 target = controller.camera().target;
    controller.orbit({120.0f, -40.0f});
    controller.orbit({-30.0f, 400.0f});  // far past the pole: clamped, never flipped
    CHECK(controller.camera().target == target);
    CHECK(distance(controller.camera()) == Approx(10.0f).epsilon(1e-4));
    CHECK(controller.camera().eye != glm::vec3(0.0f, 0.0f, 10.0f));
    // Still a usable view: not looking straight along the up axis.
    const glm::vec3 forward = glm::normalize(controller.camera().target - controller.camera().eye);
    CHECK(std::abs(glm::dot(forward, controller.camera().up)) < 0.9999f);
}

TEST_CASE("dollying changes the distance but never passes the target", "[window][camera]") {
    const auto scene = boxScene(glm::vec3(-1.0f), glm::vec3(1.0f));
    CameraController controller(scene, lookingAtOrigin());
    controller.dolly(1.0f);
    CHECK(distance(controller.camera()) == Approx(10.0f * CameraController::kDollyPerStep));
    controller.dolly(-2.0f);
    CHECK(distance(controller.camera()) > 10.0f);
    controller.dolly(500.0f);
    CHECK(distance(controller.camera()) > 0.0f);
    CHECK(controller.camera().eye.z > controller.camera().target.z);  // still on the same side
}

TEST_CASE("panning moves eye and target together", "[window][camera]") {
    const auto scene = boxScene(glm::vec3(-1.0f), glm::vec3(1.0f));
    CameraController controller(scene, lookingAtOrigin());
    controller.pan({50.0f, 0.0f}, 500.0f);
    const auto& camera = controller.camera();
    CHECK(camera.target.x < 0.0f);  // dragging right brings the scene along: the view moves left
    CHECK(camera.eye - camera.target == glm::vec3(0.0f, 0.0f, 10.0f));
}

TEST_CASE("framing the scene puts its bounds in view", "[window][camera]") {
    const auto scene = boxScene({10.0f, 0.0f, -40.0f}, {90.0f, 25.0f, 5.0f});
    CameraController controller(scene, lookingAtOrigin());
    controller.frameScene(16.0f / 9.0f);
    CHECK(boundsInView(controller.camera(), scene.bounds, 16.0f / 9.0f));
    CHECK_FALSE(boundsInView(lookingAtOrigin(), scene.bounds, 16.0f / 9.0f));
    controller.frameScene(0.5f);  // a tall window: the narrow width decides the distance
    CHECK(boundsInView(controller.camera(), scene.bounds, 0.5f));
}

TEST_CASE("flying moves eye and target together at a speed scaled to the scene", "[window][camera]") {
    const auto small = boxScene(glm::vec3(-1.0f), glm::vec3(1.0f));
    const auto large = boxScene(glm::vec3(-100.0f), glm::vec3(100.0f));
    CameraController controller(small, lookingAtOrigin());
    controller.toggleFly();
    REQUIRE(controller.mode() == CameraMode::Fly);
    controller.move({0.0f, 0.0f, 1.0f}, 0.5f);  // W for half a second
    const auto& camera = controller.camera();
    CHECK(camera.eye.z == Approx(10.0f - controller.flySpeed() * 0.5f));
    CHECK(camera.eye - camera.target == glm::vec3(0.0f, 0.0f, 10.0f));
    controller.move({1.0f, 0.0f, 0.0f}, 0.5f);  // D: to the right, +x when looking down -z
    CHECK(camera.eye.x > 0.0f);
    CHECK(camera.target.x == Approx(camera.eye.x));
    CHECK(CameraController(large, lookingAtOrigin()).flySpeed() == Approx(controller.flySpeed() * 100.0f));

    controller.look({100.0f, 0.0f});  // turns the view around the eye
    CHECK(camera.eye.z == Approx(10.0f - controller.flySpeed() * 0.5f));
    CHECK(distance(camera) == Approx(10.0f));
    CHECK(camera.target.x > camera.eye.x);  // dragging right looks right
}

TEST_CASE("cycling scene cameras visits each glTF camera", "[window][camera]") {
    auto loaded = ct::scene::loadGltf(CT_TEST_DATA_DIR "/lit_cube.gltf");
    REQUIRE(loaded.ok());
    const auto& scene = *loaded.scene;
    REQUIRE_FALSE(scene.placedCameras.empty());
    CameraController controller(scene, lookingAtOrigin());
    const std::string first = controller.cycleSceneCamera();
    CHECK_FALSE(first.empty());
    CHECK(controller.camera().eye == ct::render::cameraFromScene(scene, 0).eye);
    for (std::size_t i = 1; i < scene.placedCameras.size(); ++i)
        controller.cycleSceneCamera();
    CHECK(controller.cycleSceneCamera() == first);  // wraps around

    const auto empty = boxScene(glm::vec3(-1.0f), glm::vec3(1.0f));
    CameraController none(empty, lookingAtOrigin());
    CHECK(none.cycleSceneCamera().empty());
    CHECK(none.camera().eye == lookingAtOrigin().eye);
}

namespace {

// A flat-ish ground quad over [-size, size]^2 rising along x (y = slope * x), and a tall box on it
// that must not count as ground.
ct::scene::Scene slopedGroundScene(float size, float slope) {
    ct::scene::Scene scene;
    auto addMesh = [&scene](std::vector<glm::vec3> corners, std::vector<std::uint32_t> indices) {
        ct::scene::Primitive prim;
        for (const glm::vec3& p : corners) {
            ct::scene::Vertex v;
            v.position = p;
            prim.vertices.push_back(v);
            prim.bounds.extend(p);
            scene.bounds.extend(p);
        }
        prim.indices = std::move(indices);
        scene.meshes.push_back({"mesh", {prim}});
        ct::scene::Node node;
        node.mesh = static_cast<int>(scene.meshes.size()) - 1;
        scene.nodes.push_back(node);
    };
    addMesh({{-size, -slope * size, -size},
             {size, slope * size, -size},
             {size, slope * size, size},
             {-size, -slope * size, size}},
            {0, 1, 2, 0, 2, 3});
    // A box 10 m wide and 30 m tall standing at x 0..10, z 0..10 (only its bounds matter here).
    addMesh({{0.0f, 0.0f, 0.0f}, {10.0f, 30.0f, 10.0f}, {0.0f, 30.0f, 10.0f}}, {0, 1, 2});
    return scene;
}

ct::render::Camera camera(glm::vec3 eye, glm::vec3 target) {
    ct::render::Camera c;
    c.eye = eye;
    c.target = target;
    return c;
}

// The view's pitch above the horizon, radians.
float pitch(const ct::render::Camera& c) {
    const glm::vec3 forward = glm::normalize(c.target - c.eye);
    return std::asin(forward.y);
}

}  // namespace

TEST_CASE("walk mode stands at eye height and walks along the heading", "[window][camera]") {
    // No ground mesh: the ground is the bottom of the scene's bounds.
    const auto scene = boxScene({-100.0f, 0.0f, -100.0f}, {100.0f, 20.0f, 100.0f});
    // High above, looking down and ahead towards -z.
    CameraController controller(scene, camera({10.0f, 50.0f, 30.0f}, {10.0f, 0.0f, 0.0f}));
    controller.setMode(CameraMode::Walk);
    REQUIRE(controller.mode() == CameraMode::Walk);
    const auto& c = controller.camera();
    // From orbit: stood on the ground at the orbit's centre, level, facing the same heading.
    CHECK(c.eye.x == Approx(10.0f));
    CHECK(c.eye.z == Approx(0.0f).margin(1e-4));
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));
    CHECK(c.target.y == Approx(c.eye.y));
    CHECK(c.target.x == Approx(c.eye.x));
    CHECK(c.target.z < c.eye.z);

    controller.move({0.0f, 0.0f, 1.0f}, 2.0f);  // W for two seconds: walking pace
    CHECK(c.eye.z == Approx(-2.0f * CameraController::kWalkSpeed));
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));
    CHECK(controller.walkSpeed() < 3.0f);                      // a person, not a drone: whatever the scene's size
    controller.move({0.0f, 0.0f, 1.0f}, 1.0f, /*fast=*/true);  // Shift: jogging
    CHECK(c.eye.z == Approx(-(2.0f + CameraController::kFastFactor) * CameraController::kWalkSpeed));
    const float jog = CameraController::kWalkSpeed * CameraController::kFastFactor;
    CHECK(jog > 4.0f);
    CHECK(jog < 8.0f);

    // Looking down does not walk into the ground: the step stays level, at full length.
    controller.look({0.0f, 150.0f});
    REQUIRE(pitch(c) < -0.5f);
    const glm::vec3 before = c.eye;
    controller.move({0.0f, 0.0f, 1.0f}, 1.0f);
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));
    CHECK(glm::length(c.eye - before) == Approx(CameraController::kWalkSpeed));
    CHECK(c.eye.z < before.z);

    // Q and E do nothing on foot; D steps right (+x when facing -z).
    const glm::vec3 here = c.eye;
    controller.move({0.0f, 1.0f, 0.0f}, 1.0f);
    CHECK(c.eye == here);
    controller.move({1.0f, 0.0f, 0.0f}, 1.0f);
    CHECK(c.eye.x > here.x);
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));

    // The pitch is clamped, up and down.
    controller.look({0.0f, 100000.0f});
    CHECK(pitch(c) == Approx(-CameraController::kWalkPitchLimit).margin(1e-3));
    controller.look({0.0f, -100000.0f});
    CHECK(pitch(c) == Approx(CameraController::kWalkPitchLimit).margin(1e-3));

    // Gestures of the other modes keep the feet on the ground.
    controller.orbit({200.0f, -300.0f});
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));
    controller.pan({0.0f, 300.0f}, 500.0f);
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));
    const glm::vec3 beforeStep = c.eye;
    controller.dolly(2.0f);  // two wheel notches: two steps forward
    CHECK(glm::length(c.eye - beforeStep) == Approx(2.0f * CameraController::kWalkStepPerNotch));
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));

    // G again: orbit from where the walker stands; Home lifts a walker into the overview.
    controller.toggleWalk();
    CHECK(controller.mode() == CameraMode::Orbit);
    CHECK(c.eye.y == Approx(CameraController::kEyeHeight));
    controller.setMode(CameraMode::Walk);
    controller.frameScene(1.5f);
    CHECK(controller.mode() == CameraMode::Orbit);
    CHECK(c.eye.y > 20.0f);
}

TEST_CASE("walk mode from fly comes down below the eye, inside the scene", "[window][camera]") {
    const auto scene = boxScene({-100.0f, -5.0f, -100.0f}, {100.0f, 20.0f, 100.0f});
    // Far outside the scene, looking straight down (the heading comes from the view's up).
    auto outside = camera({500.0f, 300.0f, -20.0f}, {500.0f, 0.0f, -20.0f});
    outside.up = {-1.0f, 0.0f, 0.0f};
    outside.orthographic = true;
    CameraController controller(scene, outside);
    controller.toggleFly();
    controller.toggleWalk();  // from fly straight to walk
    REQUIRE(controller.mode() == CameraMode::Walk);
    const auto& c = controller.camera();
    CHECK(c.eye.x == Approx(100.0f));  // at the scene's edge, not 400 m out
    CHECK(c.eye.z == Approx(-20.0f));
    CHECK(c.eye.y == Approx(-5.0f + CameraController::kEyeHeight));
    CHECK(c.target.x < c.eye.x);  // the top of the old view pointed to -x: now ahead
    CHECK(c.up == glm::vec3(0.0f, 1.0f, 0.0f));
    CHECK_FALSE(c.orthographic);
}

TEST_CASE("walk mode follows the ground mesh, not the buildings on it", "[window][camera]") {
    const auto scene = slopedGroundScene(100.0f, 0.05f);
    CameraController controller(scene, camera({50.0f, 80.0f, -50.0f}, {50.0f, 0.0f, -80.0f}));
    CHECK(controller.groundHeight(50.0f, -50.0f) == Approx(2.5f));
    CHECK(controller.groundHeight(-50.0f, 20.0f) == Approx(-2.5f));
    CHECK(controller.groundHeight(5.0f, 5.0f) == Approx(0.25f));  // under the box: the ground, not its top
    controller.setMode(CameraMode::Walk);
    const auto& c = controller.camera();
    CHECK(c.eye.y == Approx(2.5f + CameraController::kEyeHeight));
    // Turn to face -x (downhill) and walk 20 m: the eye follows the slope down by 1 m.
    controller.look({-glm::half_pi<float>() / CameraController::kRadiansPerPixel, 0.0f});
    REQUIRE(c.target.x < c.eye.x);
    const float x0 = c.eye.x;
    controller.move({0.0f, 0.0f, 1.0f}, 20.0f / CameraController::kWalkSpeed);
    CHECK(c.eye.x == Approx(x0 - 20.0f).margin(0.05f));
    CHECK(c.eye.y == Approx(0.05f * c.eye.x + CameraController::kEyeHeight).margin(1e-3));

    // Nothing under the point (off the ground quad): the bottom of the scene's bounds.
    ct::window::GroundHeight ground(scene);
    REQUIRE(ground.hasGround());
    CHECK(ground.at(500.0f, 0.0f) == Approx(scene.bounds.min.y));
    CHECK_FALSE(ct::window::GroundHeight(boxScene(glm::vec3(-1.0f), glm::vec3(1.0f))).hasGround());
}

TEST_CASE("the viewer presents, resizes and picks in a real window", "[window][.xvfb]") {
    // Hidden ([.xvfb]): run by ctest as window_under_xvfb, which gives it a display or reports it skipped.
    REQUIRE(ct::window::displayAvailable());
    auto loaded = ct::scene::loadGltf(CT_TEST_DATA_DIR "/lit_cube.gltf");
    REQUIRE(loaded.ok());
    const auto& scene = *loaded.scene;

    ct::window::ViewerOptions options;
    options.title = "test_viewer";
    options.width = 800;
    options.height = 600;
    options.validate = true;
    options.maxFrames = 40;
    options.resizeAtFrame = 10;
    options.resizeWidth = 640;
    options.resizeHeight = 360;
    // After the resize the framed cube fills the middle of the 640x360 window; a corner is sky.
    options.pickAtFrame = 20;
    options.pickX = 320;
    options.pickY = 180;
    const auto camera = ct::render::frameBounds(scene.bounds, 800.0f / 600.0f);
    const auto result = ct::window::runViewer(scene, camera, ct::render::Lighting{}, options);

    REQUIRE(result.framesPresented == 40);
    REQUIRE(result.swapchainBuilds >= 2);
    REQUIRE(result.validation.total() == 0);
    REQUIRE(result.finalWidth == 640);
    REQUIRE(result.finalHeight == 360);
    REQUIRE(result.picks == 1);
    CHECK(result.lastPickedNode >= 0);
    CHECK(result.lastPickedNode < static_cast<int>(scene.nodes.size()));
    CHECK(result.lastPickedInstance == 0);
}

TEST_CASE("the viewer applies the camera mode a hook asks for, and reports the current one", "[window][.xvfb]") {
    // Hidden ([.xvfb]): run by ctest as window_under_xvfb, which gives it a display or reports it skipped.
    REQUIRE(ct::window::displayAvailable());
    auto loaded = ct::scene::loadGltf(CT_TEST_DATA_DIR "/lit_cube.gltf");
    REQUIRE(loaded.ok());
    const auto& scene = *loaded.scene;

    std::vector<CameraMode> seen;  // the mode each frame started with
    std::vector<float> eyeHeights;
    ct::window::ViewerOptions options;
    options.title = "test_viewer_modes";
    options.width = 320;
    options.height = 240;
    options.validate = true;
    options.maxFrames = 8;
    options.hooks.beforeFrame = [&](ct::window::FrameControl& frame, ct::render::Renderer&) {
        seen.push_back(frame.cameraMode);
        eyeHeights.push_back(frame.camera.eye.y);
        if (frame.framesPresented == 2) frame.cameraMode = CameraMode::Walk;  // what the cameras panel asks
        if (frame.framesPresented == 5) frame.cameraMode = CameraMode::Fly;
    };
    const auto camera = ct::render::frameBounds(scene.bounds, 320.0f / 240.0f);
    const auto result = ct::window::runViewer(scene, camera, ct::render::Lighting{}, options);

    REQUIRE(result.framesPresented == 8);
    CHECK(result.validation.total() == 0);
    REQUIRE(seen.size() == 8);
    CHECK(seen[2] == CameraMode::Orbit);
    CHECK(seen[3] == CameraMode::Walk);  // applied before the next frame
    CHECK(seen[5] == CameraMode::Walk);
    CHECK(seen[6] == CameraMode::Fly);
    // Walking: the eye stood at eye height above the scene's ground (the cube's bottom here).
    CHECK(eyeHeights[3] == Approx(scene.bounds.min.y + CameraController::kEyeHeight));
    CHECK(eyeHeights[2] > eyeHeights[3]);
}
