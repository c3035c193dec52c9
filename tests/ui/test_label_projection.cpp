// Building labels: projection of a roof point to the screen and when it is hidden.
#include "ui/label_projection.h"

#include <glm/gtc/matrix_transform.hpp>

#include <catch2/catch.hpp>

using ct::ui::projectToScreen;

namespace {
glm::mat4 viewProj() {
    // As render::Camera builds it: at (0, 0, 5) looking at the origin, Vulkan clip space (y down).
    glm::mat4 projection = glm::perspective(0.8f, 2.0f, 0.1f, 1000.0f);
    projection[1][1] *= -1.0f;
    return projection * glm::lookAt(glm::vec3(0.0f, 0.0f, 5.0f), glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
}
}  // namespace

TEST_CASE("a point ahead of the camera lands where the projection puts it", "[ui][labels]") {
    const glm::vec2 viewport(800.0f, 400.0f);
    const auto centre = projectToScreen(viewProj(), {0.0f, 0.0f, 0.0f}, viewport);
    REQUIRE(centre);
    CHECK(centre->x == Approx(400.0f));
    CHECK(centre->y == Approx(200.0f));
    // Up in the world is up on screen (smaller y); right is right.
    const auto above = projectToScreen(viewProj(), {0.0f, 1.0f, 0.0f}, viewport);
    const auto right = projectToScreen(viewProj(), {1.0f, 0.0f, 0.0f}, viewport);
    REQUIRE(above);
    REQUIRE(right);
    CHECK(above->y < centre->y);
    CHECK(right->x > centre->x);
}

TEST_CASE("labels behind the camera or off screen are hidden", "[ui][labels]") {
    const glm::vec2 viewport(800.0f, 400.0f);
    CHECK_FALSE(projectToScreen(viewProj(), {0.0f, 0.0f, 10.0f}, viewport));   // behind the eye
    CHECK_FALSE(projectToScreen(viewProj(), {100.0f, 0.0f, 0.0f}, viewport));  // far to the right
    CHECK_FALSE(projectToScreen(viewProj(), {0.0f, -100.0f, 0.0f}, viewport));
    // A margin keeps labels whose anchor is just past the edge.
    const glm::vec4 clip = viewProj() * glm::vec4(4.4f, 0.0f, 0.0f, 1.0f);
    const float pastEdge = (clip.x / clip.w * 0.5f + 0.5f) * viewport.x - viewport.x;
    REQUIRE(pastEdge > 0.0f);
    CHECK_FALSE(projectToScreen(viewProj(), {4.4f, 0.0f, 0.0f}, viewport));
    CHECK(projectToScreen(viewProj(), {4.4f, 0.0f, 0.0f}, viewport, pastEdge + 1.0f));
}

TEST_CASE("a building label shows its id, IT load and PUE", "[ui][labels]") {
    ct::twin::BuildingSnapshot building;
    building.id = "bldg-03";
    building.it_mw = 42.04;
    building.pue = 1.213;
    CHECK(ct::ui::buildingLabelText(building) == "bldg-03\n42.0 MW IT  PUE 1.21");
    building.it_mw = 0.0;
    building.pue = 0.0;
    CHECK(ct::ui::buildingLabelText(building) == "bldg-03\n0.0 MW IT  PUE -");
}
