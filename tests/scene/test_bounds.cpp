// The one box helper the loader, the composer, the renderer and the camera share.
#include "scene/bounds.h"

#include <catch2/catch.hpp>

#include <glm/gtc/matrix_transform.hpp>

using ct::scene::Bounds;

TEST_CASE("a box carried through a rotation encloses its turned corners", "[scene][bounds]") {
    Bounds box;
    box.extend(glm::vec3(-1.0f, 0.0f, -2.0f));
    box.extend(glm::vec3(1.0f, 3.0f, 2.0f));
    const glm::mat4 turn = glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(0, 1, 0));
    const glm::mat4 moved = glm::translate(glm::mat4(1.0f), glm::vec3(10, 0, 0)) * turn;
    const Bounds out = ct::scene::transformed(box, moved);
    // A quarter turn about y swaps the x and z extents; the translation moves the centre.
    CHECK(out.min.x == Approx(8.0f));
    CHECK(out.max.x == Approx(12.0f));
    CHECK(out.min.z == Approx(-1.0f).margin(1e-5));
    CHECK(out.max.z == Approx(1.0f).margin(1e-5));
    CHECK(out.min.y == Approx(0.0f).margin(1e-5));
    CHECK(out.max.y == Approx(3.0f));
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p = glm::vec3(moved * glm::vec4(box.corner(corner), 1.0f));
        CHECK(glm::all(glm::greaterThanEqual(p, out.min - 1e-5f)));
        CHECK(glm::all(glm::lessThanEqual(p, out.max + 1e-5f)));
    }
}

TEST_CASE("the corners of a box are its eight distinct vertices", "[scene][bounds]") {
    Bounds box;
    box.extend(glm::vec3(0.0f));
    box.extend(glm::vec3(1.0f, 2.0f, 4.0f));
    float sum = 0.0f;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 c = box.corner(corner);
        sum += c.x + c.y + c.z;
    }
    CHECK(sum == Approx(4.0f * (1.0f + 2.0f + 4.0f)));
    CHECK(box.corner(7) == box.max);
    CHECK(box.corner(0) == box.min);
}

TEST_CASE("an empty box stays empty through any matrix", "[scene][bounds]") {
    CHECK(ct::scene::transformed(Bounds{}, glm::mat4(2.0f)).empty());
}
