#include "render/visibility.h"

#include <algorithm>

namespace ct::render {

Frustum Frustum::fromViewProjection(const glm::mat4& m) {
    auto row = [&](int i) { return glm::vec4(m[0][i], m[1][i], m[2][i], m[3][i]); };
    Frustum f;
    f.planes = {row(3) + row(0), row(3) - row(0), row(3) + row(1), row(3) - row(1),
                row(2),  // Vulkan clip space: 0 <= z
                row(3) - row(2)};
    for (glm::vec4& plane : f.planes)
        plane /= std::max(glm::length(glm::vec3(plane)), 1e-20f);
    return f;
}

bool Frustum::intersects(const scene::Bounds& b) const {
    if (b.empty()) return false;
    for (const glm::vec4& plane : planes) {
        // The box corner furthest along the plane normal decides.
        const glm::vec3 p(plane.x >= 0 ? b.max.x : b.min.x, plane.y >= 0 ? b.max.y : b.min.y,
                          plane.z >= 0 ? b.max.z : b.min.z);
        if (glm::dot(glm::vec3(plane), p) + plane.w < 0.0f) return false;
    }
    return true;
}

void selectLevelsOfDetail(const GpuScene& scene, const glm::vec3& eye, std::vector<char>& nodeDrawn) {
    const std::vector<char>& proxy = scene.isLodProxy();
    nodeDrawn.resize(proxy.size());
    for (std::size_t n = 0; n < proxy.size(); ++n)
        nodeDrawn[n] = !proxy[n];
    for (const LodSwitch& lod : scene.lodSwitches()) {
        const glm::vec3 nearest = glm::clamp(eye, lod.bounds.min, lod.bounds.max);
        const bool far = glm::length(nearest - eye) > lod.distance;
        nodeDrawn[lod.node] = !far;
        if (far) nodeDrawn[lod.far] = 1;
    }
}

void collectVisibleInstances(const GpuScene& scene, const std::vector<char>& nodeDrawn,
                             const std::vector<std::uint8_t>& instanceLevels, const Frustum& frustum,
                             std::vector<std::uint32_t>& list, std::vector<InstanceRange>& ranges,
                             float minInstanceSize) {
    const auto& groups = scene.groups();
    ranges.assign(groups.size(), {});
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const InstanceGroup& group = groups[g];
        ranges[g].first = static_cast<std::uint32_t>(list.size());
        for (const InstanceChunk& chunk : group.chunks) {
            if (!nodeDrawn[chunk.node] || chunk.instanceSize < minInstanceSize || !frustum.intersects(chunk.bounds))
                continue;
            if (group.levelCount == 1) {
                for (std::uint32_t i = 0; i < chunk.count; ++i)
                    list.push_back(chunk.first + i);
                continue;
            }
            for (std::uint32_t i = chunk.first; i < chunk.first + chunk.count; ++i)
                if (i < instanceLevels.size() ? instanceLevels[i] == group.level : group.level == 0) list.push_back(i);
        }
        ranges[g].count = static_cast<std::uint32_t>(list.size()) - ranges[g].first;
    }
}

}  // namespace ct::render
