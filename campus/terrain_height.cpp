#include "campus/terrain_height.h"

#include <algorithm>
#include <cmath>

namespace ct::campus {

TerrainHeight::TerrainHeight(const scene::Scene& terrain) {
    glm::vec2 lo(1e30f);
    glm::vec2 hi(-1e30f);
    for (const scene::Node& node : terrain.nodes) {
        if (node.mesh < 0) continue;
        for (const scene::Primitive& p : terrain.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
            const auto world = [&](std::uint32_t i) {
                return glm::vec3(node.world * glm::vec4(p.vertices[i].position, 1.0f));
            };
            for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3) {
                const Triangle tri{world(p.indices[t]), world(p.indices[t + 1]), world(p.indices[t + 2])};
                for (const glm::vec3& v : {tri.a, tri.b, tri.c}) {
                    lo = glm::min(lo, glm::vec2(v.x, v.z));
                    hi = glm::max(hi, glm::vec2(v.x, v.z));
                }
                triangles_.push_back(tri);
            }
        }
    }
    if (triangles_.empty()) return;
    origin_ = lo;
    columns_ = static_cast<int>(std::ceil((hi.x - lo.x) / kBucket_m)) + 1;
    rows_ = static_cast<int>(std::ceil((hi.y - lo.y) / kBucket_m)) + 1;
    buckets_.resize(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_));
    for (std::size_t t = 0; t < triangles_.size(); ++t) {
        const Triangle& tri = triangles_[t];
        const glm::vec2 tlo =
            glm::min(glm::min(glm::vec2(tri.a.x, tri.a.z), glm::vec2(tri.b.x, tri.b.z)), glm::vec2(tri.c.x, tri.c.z));
        const glm::vec2 thi =
            glm::max(glm::max(glm::vec2(tri.a.x, tri.a.z), glm::vec2(tri.b.x, tri.b.z)), glm::vec2(tri.c.x, tri.c.z));
        const int x0 = static_cast<int>((tlo.x - origin_.x) / kBucket_m);
        const int x1 = static_cast<int>((thi.x - origin_.x) / kBucket_m);
        const int z0 = static_cast<int>((tlo.y - origin_.y) / kBucket_m);
        const int z1 = static_cast<int>((thi.y - origin_.y) / kBucket_m);
        for (int z = z0; z <= z1; ++z)
            for (int x = x0; x <= x1; ++x)
                buckets_[static_cast<std::size_t>(z) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(x)]
                    .push_back(static_cast<int>(t));
    }
}

float TerrainHeight::at(float x, float z) const {
    if (triangles_.empty()) return 0.0f;
    const int bx = static_cast<int>(std::floor((x - origin_.x) / kBucket_m));
    const int bz = static_cast<int>(std::floor((z - origin_.y) / kBucket_m));
    if (bx < 0 || bz < 0 || bx >= columns_ || bz >= rows_) return 0.0f;
    for (const int t :
         buckets_[static_cast<std::size_t>(bz) * static_cast<std::size_t>(columns_) + static_cast<std::size_t>(bx)]) {
        const Triangle& tri = triangles_[static_cast<std::size_t>(t)];
        // Barycentric coordinates in the ground plane.
        const glm::vec2 a(tri.a.x, tri.a.z);
        const glm::vec2 b(tri.b.x, tri.b.z);
        const glm::vec2 c(tri.c.x, tri.c.z);
        const float d = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y);
        if (std::abs(d) < 1e-9f) continue;
        const float wa = ((b.y - c.y) * (x - c.x) + (c.x - b.x) * (z - c.y)) / d;
        const float wb = ((c.y - a.y) * (x - c.x) + (a.x - c.x) * (z - c.y)) / d;
        const float wc = 1.0f - wa - wb;
        constexpr float kEdge = -1e-4f;
        if (wa >= kEdge && wb >= kEdge && wc >= kEdge) return wa * tri.a.y + wb * tri.b.y + wc * tri.c.y;
    }
    return 0.0f;
}

}  // namespace ct::campus
