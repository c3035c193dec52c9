#include "mesh_levels.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace ct::assetgen {

namespace {

// At most this many coarser levels: the fifth has a thirty-second of the triangles or fewer.
constexpr std::size_t kMaxLevels = 5;
// Halvings of the error interval when looking for the smallest error that halves the triangles:
// the interval spans six decades, so the error found is within 1e-5 of its own size.
constexpr int kSearchSteps = 24;
constexpr double kSmallestRelativeError = 1e-6;
// meshopt_optimizeOverdraw may make the vertex cache this much worse to save overdraw (its
// documentation's suggestion).
constexpr float kOverdrawThreshold = 1.05f;

struct DrawVertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec2 uv;
};

float simplifyScale(const std::vector<glm::vec3>& positions) {
    return meshopt_simplifyScale(&positions[0].x, positions.size(), sizeof(glm::vec3));
}

// `mesh` simplified as far as `error_m` allows; `reached_m` is the error it reached. The vertices
// stay those of `mesh` (unused ones too) until optimizeForDrawing() compacts them.
Mesh simplified(const Mesh& mesh, double error_m, double& reached_m) {
    reached_m = 0.0;
    const float scale = simplifyScale(mesh.positions);
    if (!(scale > 0.0f)) return mesh;
    std::vector<std::uint32_t> indices(mesh.indices.size());
    float relative = 0.0f;
    // A target of no triangles at all: the error alone decides where it stops.
    const std::size_t count = meshopt_simplify(indices.data(), mesh.indices.data(), mesh.indices.size(),
                                               &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3), 0,
                                               static_cast<float>(error_m / scale), 0, &relative);
    indices.resize(count);
    reached_m = static_cast<double>(relative) * scale;
    return {mesh.positions, mesh.normals, std::move(indices), mesh.uvs};
}

DetailLevel simplifiedTo(const MaterialMeshes& full, double error_m) {
    DetailLevel level;
    for (const Primitive& part : full.primitives()) {
        if (part.mesh.empty()) continue;
        double reached_m = 0.0;
        Mesh mesh = simplified(part.mesh, error_m, reached_m);
        level.error_m = std::max(level.error_m, reached_m);
        level.triangles += mesh.indices.size() / 3;
        level.parts.add(part.material, mesh);
    }
    return level;
}

}  // namespace

std::size_t triangleCount(const MaterialMeshes& parts) {
    std::size_t triangles = 0;
    for (const Primitive& part : parts.primitives())
        triangles += part.mesh.indices.size() / 3;
    return triangles;
}

void optimizeForDrawing(Mesh& mesh) {
    if (mesh.empty()) return;
    const std::size_t indexCount = mesh.indices.size();
    const std::size_t vertexCount = mesh.positions.size();
    meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), indexCount, vertexCount);
    meshopt_optimizeOverdraw(mesh.indices.data(), mesh.indices.data(), indexCount, &mesh.positions[0].x, vertexCount,
                             sizeof(glm::vec3), kOverdrawThreshold);
    std::vector<DrawVertex> vertices(vertexCount);
    for (std::size_t i = 0; i < vertexCount; ++i)
        vertices[i] = {mesh.positions[i], mesh.normals[i], mesh.uvs.empty() ? glm::vec2(0.0f) : mesh.uvs[i]};
    std::vector<DrawVertex> ordered(vertexCount);
    const std::size_t used = meshopt_optimizeVertexFetch(ordered.data(), mesh.indices.data(), indexCount,
                                                         vertices.data(), vertexCount, sizeof(DrawVertex));
    mesh.positions.resize(used);
    mesh.normals.resize(used);
    if (!mesh.uvs.empty()) mesh.uvs.resize(used);
    for (std::size_t i = 0; i < used; ++i) {
        mesh.positions[i] = ordered[i].position;
        mesh.normals[i] = ordered[i].normal;
        if (!mesh.uvs.empty()) mesh.uvs[i] = ordered[i].uv;
    }
}

std::vector<DetailLevel> coarserLevels(const MaterialMeshes& full) {
    std::vector<glm::vec3> positions;
    for (const Primitive& part : full.primitives())
        positions.insert(positions.end(), part.mesh.positions.begin(), part.mesh.positions.end());
    if (positions.empty()) return {};
    double maxError_m = kMaxRelativeError * simplifyScale(positions);
    for (const Primitive& part : full.primitives()) {
        if (part.mesh.empty()) continue;
        glm::vec3 lo = part.mesh.positions[0];
        glm::vec3 hi = lo;
        for (const glm::vec3& p : part.mesh.positions) {
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
        std::array<float, 3> extent{hi.x - lo.x, hi.y - lo.y, hi.z - lo.z};
        std::sort(extent.begin(), extent.end());
        maxError_m = std::min(maxError_m, kMaxWidthShare * extent[1]);
    }
    double floor_m = kSmallestRelativeError * simplifyScale(positions);

    std::vector<DetailLevel> levels;
    std::size_t previous = triangleCount(full);
    while (levels.size() < kMaxLevels) {
        const std::size_t wanted = previous / 2;
        DetailLevel best = simplifiedTo(full, maxError_m);
        if (best.triangles == 0 || best.triangles > wanted) break;
        // The smallest error that still halves the triangles: the level is then drawn as near
        // as it can be.
        double lo = floor_m;
        double hi = maxError_m;
        for (int step = 0; step < kSearchSteps && lo < hi; ++step) {
            const double mid = std::sqrt(lo * hi);
            DetailLevel tried = simplifiedTo(full, mid);
            if (tried.triangles > 0 && tried.triangles <= wanted) {
                hi = mid;
                best = std::move(tried);
            } else {
                lo = mid;
            }
        }
        MaterialMeshes drawn;
        for (const Primitive& part : best.parts.primitives()) {
            Mesh mesh = part.mesh;
            optimizeForDrawing(mesh);
            drawn.add(part.material, mesh);
        }
        best.parts = std::move(drawn);
        floor_m = std::max(floor_m, best.error_m);
        previous = best.triangles;
        levels.push_back(std::move(best));
    }
    return levels;
}

}  // namespace ct::assetgen
