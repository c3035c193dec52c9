#include "render/visibility.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

DetailView detailViewOf(const Camera& camera, const glm::mat4& projection, std::uint32_t height) {
    return {camera.eye, std::abs(projection[1][1]) * 0.5f * static_cast<float>(height), camera.orthographic,
            glm::normalize(camera.target - camera.eye)};
}

float rowSpacingPixels(const DetailView& view, const glm::vec3& point, const glm::vec3& step,
                       const glm::vec3& direction) {
    const glm::vec3 ray = point - view.eye;
    const float distance = glm::length(ray);
    if (!view.orthographic && distance <= 1e-6f) return std::numeric_limits<float>::infinity();
    const glm::vec3 sight = view.orthographic ? view.forward : ray / distance;
    const auto onScreen = [&](const glm::vec3& v) { return v - sight * glm::dot(sight, v); };
    glm::vec3 across = onScreen(step);
    const glm::vec3 lines = onScreen(direction);
    const float linesLength = glm::length(lines);
    // Seen end on, the lines are points a step apart; else only the step across their image counts.
    if (linesLength > 1e-6f * glm::length(direction))
        across -= lines * (glm::dot(lines, across) / (linesLength * linesLength));
    return glm::length(across) * view.pixelsPerUnit / (view.orthographic ? 1.0f : distance);
}

void selectLevelsOfDetail(const GpuScene& scene, const DetailView& view, std::vector<char>& nodeDrawn) {
    const std::vector<char>& proxy = scene.isLodProxy();
    const bool remembered = nodeDrawn.size() == proxy.size();
    std::vector<char> wasNear;
    if (remembered) {
        wasNear.reserve(scene.lodSwitches().size());
        for (const LodSwitch& lod : scene.lodSwitches())
            wasNear.push_back(nodeDrawn[lod.node]);
    }
    nodeDrawn.resize(proxy.size());
    for (std::size_t n = 0; n < proxy.size(); ++n)
        nodeDrawn[n] = !proxy[n];
    for (std::size_t s = 0; s < scene.lodSwitches().size(); ++s) {
        const LodSwitch& lod = scene.lodSwitches()[s];
        const glm::vec3 nearest = glm::clamp(view.eye, lod.bounds.min, lod.bounds.max);
        bool far = glm::length(nearest - view.eye) > lod.distance;
        if (!far && lod.rowStep != glm::vec3(0.0f)) {
            const bool near = !remembered || wasNear[s];
            const float threshold = kLodRowPixels * (near ? 1.0f - kLevelHysteresis : 1.0f + kLevelHysteresis);
            far = rowSpacingPixels(view, nearest, lod.rowStep, lod.rowDirection) < threshold;
        }
        nodeDrawn[lod.node] = !far;
        if (far) nodeDrawn[lod.far] = 1;
    }
}

scene::Bounds MovedNodes::bounds(const InstanceChunk& chunk) const {
    if (!animations || chunk.node >= animations->size()) return chunk.bounds;
    const glm::mat4& motion = (*animations)[chunk.node].motion;
    return motion == glm::mat4(1.0f) ? chunk.bounds : scene::transformed(chunk.bounds, motion);
}

bool HeldRegion::holds(const scene::Bounds& bounds) const {
    if (extent <= 0.0f || bounds.empty()) return false;
    // The box's image under an affine map: its centre's image, and half extents summed from the
    // absolute values of the map's rows.
    const glm::vec3 centre = bounds.center();
    const glm::vec3 half = 0.5f * bounds.size();
    for (int axis = 0; axis < 2; ++axis) {
        const float at = viewProj[0][axis] * centre.x + viewProj[1][axis] * centre.y + viewProj[2][axis] * centre.z +
                         viewProj[3][axis];
        const float reach = std::abs(viewProj[0][axis]) * half.x + std::abs(viewProj[1][axis]) * half.y +
                            std::abs(viewProj[2][axis]) * half.z;
        if (std::abs(at) + reach > extent) return false;
    }
    return true;
}

void collectVisibleInstances(const GpuScene& scene, const std::vector<char>& nodeDrawn,
                             const std::vector<std::uint8_t>& instanceLevels, const Frustum& frustum,
                             std::vector<std::uint32_t>& list, std::vector<InstanceRange>& ranges,
                             float minInstanceSize, const HeldRegion& held, const MovedNodes& moved) {
    const auto& groups = scene.groups();
    ranges.assign(groups.size(), {});
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const InstanceGroup& group = groups[g];
        ranges[g].first = static_cast<std::uint32_t>(list.size());
        for (const InstanceChunk& chunk : group.chunks) {
            if (!nodeDrawn[chunk.node] || chunk.instanceSize < minInstanceSize) continue;
            const scene::Bounds bounds = moved.bounds(chunk);
            if (!frustum.intersects(bounds) || held.holds(bounds)) continue;
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
