// The windowed viewer: the camera controller's gestures as pure logic (run anywhere), and a real
// window under Xvfb (tag [xvfb]; skipped with a warning where no display is named).
#include "scene/load_gltf.h"
#include "window/camera_controller.h"
#include "window/viewer.h"

#include <catch2/catch.hpp>

#include <glm/glm.hpp>

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
        const glm::vec3 p{corner & 1 ? bounds.max.x : bounds.min.x, corner & 2 ? bounds.max.y : bounds.min.y,
                          corner & 4 ? bounds.max.z : bounds.min.z};
        const glm::vec4 clip = viewProjection * glm::vec4(p, 1.0f);
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

TEST_CASE("the viewer presents, resizes and picks in a real window", "[window][xvfb]") {
    if (!ct::window::displayAvailable()) {
        WARN("no DISPLAY or WAYLAND_DISPLAY: the window test runs as window_under_xvfb");
        return;
    }
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
