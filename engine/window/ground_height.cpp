#include "window/ground_height.h"

#include <algorithm>
#include <array>
#include <limits>

namespace ct::window {

namespace {

bool groundLike(const scene::Bounds& b, glm::vec2 sceneFootprint) {
    const glm::vec3 size = b.size();
    const float narrower = std::min(size.x, size.z);
    return size.x >= 0.5f * sceneFootprint.x && size.z >= 0.5f * sceneFootprint.y && size.y <= 0.1f * narrower;
}

// The height of triangle abc at (x, z) if its xz projection contains the point.
bool heightIn(const std::array<glm::vec3, 3>& t, glm::vec2 p, float& y) {
    const glm::vec2 a(t[0].x, t[0].z), b(t[1].x, t[1].z), c(t[2].x, t[2].z);
    const float area = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
    if (std::abs(area) < 1e-12f) return false;  // seen edge-on from above: no surface here
    const float wb = ((p.x - a.x) * (c.y - a.y) - (c.x - a.x) * (p.y - a.y)) / area;
    const float wc = ((b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y)) / area;
    const float wa = 1.0f - wb - wc;
    constexpr float kEdge = -1e-5f;  // points on a shared edge belong to both triangles
    if (wa < kEdge || wb < kEdge || wc < kEdge) return false;
    y = wa * t[0].y + wb * t[1].y + wc * t[2].y;
    return true;
}

}  // namespace

GroundHeight::GroundHeight(const scene::Scene& scene) {
    fallback_ = scene.bounds.empty() ? 0.0f : scene.bounds.min.y;
    if (scene.bounds.empty()) return;
    const glm::vec2 footprint(scene.bounds.size().x, scene.bounds.size().z);
    for (const scene::Node& node : scene.nodes) {
        if (node.mesh < 0 || node.mesh >= static_cast<int>(scene.meshes.size())) continue;
        const scene::Mesh& mesh = scene.meshes[static_cast<std::size_t>(node.mesh)];
        const std::vector<glm::mat4> single{glm::mat4(1.0f)};
        for (const glm::mat4& instance : node.instances.empty() ? single : node.instances) {
            const glm::mat4 transform = node.world * instance;
            for (const scene::Primitive& prim : mesh.primitives) {
                if (prim.bounds.empty() || !groundLike(scene::transformed(prim.bounds, transform), footprint)) continue;
                for (std::size_t i = 0; i + 2 < prim.indices.size(); i += 3) {
                    Triangle t;
                    t.a = glm::vec3(transform * glm::vec4(prim.vertices[prim.indices[i]].position, 1.0f));
                    t.b = glm::vec3(transform * glm::vec4(prim.vertices[prim.indices[i + 1]].position, 1.0f));
                    t.c = glm::vec3(transform * glm::vec4(prim.vertices[prim.indices[i + 2]].position, 1.0f));
                    triangles_.push_back(t);
                }
            }
        }
    }
    bucket();
}

int GroundHeight::cellOf(float v, float min, float size) const {
    return std::clamp(static_cast<int>((v - min) / size), 0, kGrid - 1);
}

void GroundHeight::bucket() {
    if (triangles_.empty()) return;
    glm::vec2 lo(std::numeric_limits<float>::max());
    glm::vec2 hi(std::numeric_limits<float>::lowest());
    for (const Triangle& t : triangles_)
        for (const glm::vec3& p : {t.a, t.b, t.c}) {
            lo = glm::min(lo, glm::vec2(p.x, p.z));
            hi = glm::max(hi, glm::vec2(p.x, p.z));
        }
    min_ = lo;
    cellSize_ = glm::max((hi - lo) / static_cast<float>(kGrid), glm::vec2(1e-6f));
    // Two passes (count, then fill) into one flat array.
    auto forEachCell = [this](const Triangle& t, auto&& visit) {
        const float x0 = std::min({t.a.x, t.b.x, t.c.x}), x1 = std::max({t.a.x, t.b.x, t.c.x});
        const float z0 = std::min({t.a.z, t.b.z, t.c.z}), z1 = std::max({t.a.z, t.b.z, t.c.z});
        for (int cz = cellOf(z0, min_.y, cellSize_.y); cz <= cellOf(z1, min_.y, cellSize_.y); ++cz)
            for (int cx = cellOf(x0, min_.x, cellSize_.x); cx <= cellOf(x1, min_.x, cellSize_.x); ++cx)
                visit(cz * kGrid + cx);
    };
    std::vector<std::uint32_t> counts(kGrid * kGrid, 0);
    for (const Triangle& t : triangles_)
        forEachCell(t, [&](int cell) { ++counts[static_cast<std::size_t>(cell)]; });
    cellStart_.assign(kGrid * kGrid + 1, 0);
    for (int cell = 0; cell < kGrid * kGrid; ++cell)
        cellStart_[static_cast<std::size_t>(cell) + 1] =
            cellStart_[static_cast<std::size_t>(cell)] + counts[static_cast<std::size_t>(cell)];
    cellTriangles_.resize(cellStart_.back());
    std::vector<std::uint32_t> fill(cellStart_.begin(), cellStart_.end() - 1);
    for (std::size_t i = 0; i < triangles_.size(); ++i)
        forEachCell(triangles_[i], [&](int cell) {
            cellTriangles_[fill[static_cast<std::size_t>(cell)]++] = static_cast<std::uint32_t>(i);
        });
}

float GroundHeight::at(float x, float z) const {
    if (triangles_.empty()) return fallback_;
    const glm::vec2 p(x, z);
    if (p.x < min_.x || p.y < min_.y || p.x > min_.x + cellSize_.x * kGrid || p.y > min_.y + cellSize_.y * kGrid)
        return fallback_;
    const std::size_t cell =
        static_cast<std::size_t>(cellOf(z, min_.y, cellSize_.y) * kGrid + cellOf(x, min_.x, cellSize_.x));
    bool found = false;
    float best = std::numeric_limits<float>::lowest();
    for (std::uint32_t i = cellStart_[cell]; i < cellStart_[cell + 1]; ++i) {
        const Triangle& t = triangles_[cellTriangles_[i]];
        float y = 0.0f;
        if (heightIn({t.a, t.b, t.c}, p, y)) {
            best = std::max(best, y);
            found = true;
        }
    }
    return found ? best : fallback_;
}

}  // namespace ct::window
