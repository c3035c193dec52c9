// A small library of triangle meshes for the generated campus models.
//
//   Mesh shell = box({-35, 0, -150}, {35, 12, 150});
//   Mesh stack = taperedCylinder(2.6f, 2.2f, 25.0f, 24);
//   shell.append(stack, translation({0, 12, 0}));
//
// Units are metres, Y is up and -Z is north (the glTF convention the twin uses). Every shape is
// built with counter-clockwise front faces and its own normals: boxes and other flat faces get
// split vertices (hard edges), round sides share vertices (smooth shading).
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace ct::assetgen {

struct Mesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<std::uint32_t> indices;  // triangle list
    // Texture coordinates, one per position, or none (most parts have no texture or pattern).
    std::vector<glm::vec2> uvs;

    bool empty() const { return indices.empty(); }
    // Appends `other` moved by `transform` (normals by its inverse transpose).
    void append(const Mesh& other, const glm::mat4& transform = glm::mat4(1.0f));
};

// Which faces of a box to build; a panel's top is a different material from its sides, and
// faces hidden against the ground need not be drawn.
enum BoxFace : unsigned {
    kFacePosX = 1u << 0,
    kFaceNegX = 1u << 1,
    kFacePosY = 1u << 2,
    kFaceNegY = 1u << 3,
    kFacePosZ = 1u << 4,
    kFaceNegZ = 1u << 5,
    kAllFaces = 0x3fu,
    kSidesAndTop = kAllFaces & ~kFaceNegY,
};

// An axis-aligned box between two corners.
Mesh box(glm::vec3 min, glm::vec3 max, unsigned faces = kSidesAndTop);
// A box of `size` standing on y = 0, centred on x and z: the common case for anything on the ground.
Mesh boxOnGround(glm::vec3 size, unsigned faces = kSidesAndTop);

// A cylinder (or frustum) along +Y from y = 0 to `height`, with flat end caps.
Mesh taperedCylinder(float bottomRadius, float topRadius, float height, int segments, bool capBottom = false);

// A disc in the XZ plane facing +Y: fan and vent circles on roofs.
Mesh disc(float radius, int segments);

// A closed, simple polygon in the XZ plane (x, z pairs, either winding) raised from y = `bottom`
// to y = `top`: its walls, its flat roof (triangulated, facing +Y), or both. Walls and roof are
// separate so that each can take its own material.
Mesh polygonWalls(const std::vector<glm::vec2>& outline, float bottom, float top);
Mesh polygonRoof(const std::vector<glm::vec2>& outline, float y);
Mesh extrudePolygon(const std::vector<glm::vec2>& outline, float bottom, float top);

// A lofted beam along +Y through rectangular sections: blades, lattice legs, anything that tapers.
struct LoftSection {
    float y;               // height of the section
    float width;           // extent along x
    float depth;           // extent along z
    float offsetX = 0.0f;  // section centre, so a blade's chord can sit off its pitch axis
};
Mesh loft(const std::vector<LoftSection>& sections);

// A UV sphere; its low segment counts keep wind-turbine hubs cheap.
Mesh sphere(float radius, int segments, int rings);

// Transforms for append(): the few the models need, spelled out.
glm::mat4 translation(glm::vec3 offset);
glm::mat4 rotationY(float radians);
glm::mat4 rotationZ(float radians);
glm::mat4 rotationX(float radians);

}  // namespace ct::assetgen
