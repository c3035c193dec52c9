// The campus models' levels of detail (tools/assetgen/mesh_levels.h) on meshes made here.
#include "mesh_levels.h"

#include <catch2/catch.hpp>

#include <glm/gtc/matrix_transform.hpp>

using namespace ct::assetgen;

namespace {

struct Box3 {
    glm::vec3 min{1e30f};
    glm::vec3 max{-1e30f};
};

Box3 boundsOf(const MaterialMeshes& parts) {
    Box3 b;
    for (const Primitive& part : parts.primitives())
        for (std::uint32_t i : part.mesh.indices) {  // what the triangles reach, not unused vertices
            b.min = glm::min(b.min, part.mesh.positions[i]);
            b.max = glm::max(b.max, part.mesh.positions[i]);
        }
    return b;
}

double area(const Mesh& m) {
    double sum = 0.0;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
        const glm::vec3 a = m.positions[m.indices[i]];
        sum += 0.5 * glm::length(glm::cross(m.positions[m.indices[i + 1]] - a, m.positions[m.indices[i + 2]] - a));
    }
    return sum;
}

const Material kWhite{"white"};
const Material kGrey{"grey", glm::dvec3(0.4)};

}  // namespace

TEST_CASE("optimising for drawing keeps the shape and drops unused vertices", "[assets][levels]") {
    Mesh mesh = sphere(5.0f, 24, 12);
    mesh.positions.push_back({100.0f, 0.0f, 0.0f});  // used by no triangle
    mesh.normals.push_back({0.0f, 1.0f, 0.0f});
    const Mesh before = mesh;
    optimizeForDrawing(mesh);
    CHECK(mesh.indices.size() == before.indices.size());
    CHECK(mesh.positions.size() == before.positions.size() - 1);
    CHECK(mesh.normals.size() == mesh.positions.size());
    CHECK(area(mesh) == Approx(area(before)).epsilon(1e-5));
}

TEST_CASE("texture coordinates follow their vertices through merging and optimising", "[assets][levels]") {
    // A face with coordinates (the position's x and z) merged after a part without any.
    Mesh face = box({0.0f, 0.0f, 0.0f}, {2.0f, 0.1f, 1.0f}, kFacePosY);
    for (const glm::vec3& p : face.positions)
        face.uvs.emplace_back(p.x, p.z);
    Mesh merged = sphere(1.0f, 8, 4);
    const std::size_t plain = merged.positions.size();
    merged.append(face, translation({5.0f, 0.0f, 0.0f}));
    REQUIRE(merged.uvs.size() == merged.positions.size());
    CHECK(merged.uvs[0] == glm::vec2(0.0f));  // the part without: zeros
    optimizeForDrawing(merged);
    REQUIRE(merged.uvs.size() == merged.positions.size());
    int onFace = 0;
    for (std::size_t i = 0; i < merged.positions.size(); ++i) {
        if (merged.positions[i].x < 4.0f) continue;  // the sphere's
        CHECK(merged.uvs[i] == glm::vec2(merged.positions[i].x - 5.0f, merged.positions[i].z));
        ++onFace;
    }
    CHECK(onFace == static_cast<int>(merged.positions.size() - plain));
}

TEST_CASE("coarser levels halve the triangles, keep the bounds within their error and grow in error",
          "[assets][levels]") {
    // A 60 m mast with a 10 m dish on a plinth: round parts (which can lose triangles) of two
    // materials, and a box (which cannot).
    MaterialMeshes full;
    full.add(kWhite, taperedCylinder(1.5f, 1.0f, 60.0f, 32));
    full.add(kWhite, sphere(5.0f, 32, 16), translation({0.0f, 60.0f, 0.0f}));
    full.add(kGrey, box({-3.0f, 0.0f, -3.0f}, {3.0f, 1.0f, 3.0f}));
    const Box3 fullBounds = boundsOf(full);
    const double size = 70.0;  // about the mesh's longest extent

    const std::vector<DetailLevel> levels = coarserLevels(full);
    REQUIRE(levels.size() >= 2);
    std::size_t previous = triangleCount(full);
    double previousError = 0.0;
    for (const DetailLevel& level : levels) {
        INFO("level of " << level.triangles << " triangles, error " << level.error_m << " m");
        CHECK(level.triangles == triangleCount(level.parts));
        CHECK(level.triangles * 2 <= previous);
        CHECK(level.error_m >= previousError);
        CHECK(level.error_m <= kMaxRelativeError * size * 1.01);
        // The narrowest part is the 6 m plinth (mast and dish share a material: one part 10 m wide).
        CHECK(level.error_m <= kMaxWidthShare * 6.0 * 1.01);
        CHECK(level.parts.primitives().size() == full.primitives().size());  // both materials stay
        // Simplification collapses edges onto existing vertices: never outside the full bounds,
        // and short of them by no more than the level's error.
        const Box3 b = boundsOf(level.parts);
        for (int axis = 0; axis < 3; ++axis) {
            CHECK(b.min[axis] >= fullBounds.min[axis] - 1e-6f);
            CHECK(b.max[axis] <= fullBounds.max[axis] + 1e-6f);
            CHECK(b.min[axis] <= fullBounds.min[axis] + level.error_m + 1e-4);
            CHECK(b.max[axis] >= fullBounds.max[axis] - level.error_m - 1e-4);
        }
        previous = level.triangles;
        previousError = level.error_m;
    }
}

TEST_CASE("a box gets no coarser level: none would save triangles", "[assets][levels]") {
    MaterialMeshes box;
    box.add(kGrey, boxOnGround({10.0f, 4.0f, 20.0f}));
    CHECK(coarserLevels(box).empty());
}
