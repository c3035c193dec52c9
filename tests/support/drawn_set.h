// What a scene draws, counted the way the renderer walks it (engine/render/gpu_scene.cpp): every
// node reachable from the roots, each instance of it (or the node once), less the level-of-detail
// stand-ins, which are drawn only in place of another node. Compared before and after a glTF
// round trip (tests/scene/test_write_gltf.cpp, tests/campus/test_campus_export.cpp).
#pragma once

#include "scene/scene.h"

#include <cstddef>
#include <vector>

namespace ct::test {

// Per node: 1 when it is drawn near the eye (reachable from the roots, not a stand-in).
inline std::vector<char> drawnNodes(const scene::Scene& scene) {
    std::vector<char> standIn(scene.nodes.size(), 0);
    for (const scene::Node& node : scene.nodes)
        if (node.lodFar >= 0) standIn[static_cast<std::size_t>(node.lodFar)] = 1;
    std::vector<char> drawn(scene.nodes.size(), 0);
    std::vector<int> stack(scene.roots.begin(), scene.roots.end());
    while (!stack.empty()) {
        const auto n = static_cast<std::size_t>(stack.back());
        stack.pop_back();
        if (drawn[n] || standIn[n]) continue;
        drawn[n] = 1;
        stack.insert(stack.end(), scene.nodes[n].children.begin(), scene.nodes[n].children.end());
    }
    return drawn;
}

// Per mesh: how many instances of it are drawn.
inline std::vector<std::size_t> drawnInstancesPerMesh(const scene::Scene& scene) {
    std::vector<std::size_t> count(scene.meshes.size(), 0);
    const std::vector<char> drawn = drawnNodes(scene);
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const scene::Node& node = scene.nodes[n];
        if (drawn[n] && node.mesh >= 0)
            count[static_cast<std::size_t>(node.mesh)] += node.instances.empty() ? 1 : node.instances.size();
    }
    return count;
}

// The world bounds of every drawn instance, each mesh's box (from its vertices, whoever made
// them) carried by its eight corners, as the loader computes Scene::bounds; the composer's are a
// quicker, looser box.
inline scene::Bounds drawnBounds(const scene::Scene& scene) {
    std::vector<scene::Bounds> meshes(scene.meshes.size());
    for (std::size_t m = 0; m < scene.meshes.size(); ++m)
        for (const scene::Primitive& primitive : scene.meshes[m].primitives)
            for (const scene::Vertex& vertex : primitive.vertices)
                meshes[m].extend(vertex.position);
    scene::Bounds bounds;
    const std::vector<char> drawn = drawnNodes(scene);
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const scene::Node& node = scene.nodes[n];
        if (!drawn[n] || node.mesh < 0) continue;
        const scene::Bounds& mesh = meshes[static_cast<std::size_t>(node.mesh)];
        if (node.instances.empty()) bounds.extend(scene::transformed(mesh, node.world));
        for (const glm::mat4& instance : node.instances)
            bounds.extend(scene::transformed(mesh, node.world * instance));
    }
    return bounds;
}

}  // namespace ct::test
