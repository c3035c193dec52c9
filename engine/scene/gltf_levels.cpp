// MSFT_lod: a node lists coarser versions of itself, each a node of its own (outside the scene's
// hierarchy) drawing a simpler mesh; they become the levels of the node's mesh
// (scene::Mesh::levels). The extension's MSFT_screencoverage says when each is drawn for some
// view; the renderer decides by each level's geometric error instead, which the campus models
// write into the node's extras as "lod_error_m" (the full mesh's 0 first, then one per level, in
// metres). A file whose MSFT_lod lacks the errors or names nodes that are not there loads with
// the mesh at full detail only, and says so once.
#include "scene/gltf_convert.h"

namespace ct::scene::gltf {

namespace {

// The levels node `n` names, or an empty list (and a warning) when they cannot be read.
std::vector<MeshLevel> levelsOf(const tinygltf::Model& model, const Scene& scene, std::size_t n,
                                const tinygltf::Value& lod, Warnings& warnings) {
    const tinygltf::Node& node = model.nodes[n];
    const std::string where = "nodes[" + std::to_string(n) + "]";
    const tinygltf::Value& ids = lod.Get("ids");
    const tinygltf::Value& errors = node.extras.Get("lod_error_m");
    if (!ids.IsArray() || !errors.IsArray() || errors.ArrayLen() != ids.ArrayLen() + 1) {
        warnings.add("MSFT_lod errors", where +
                                            ": MSFT_lod without an extras.lod_error_m for each level; "
                                            "its mesh is drawn at full detail only");
        return {};
    }
    std::vector<MeshLevel> levels;
    double previous = 0.0;
    for (std::size_t k = 0; k < ids.ArrayLen(); ++k) {
        const tinygltf::Value& id = ids.Get(static_cast<int>(k));
        const tinygltf::Value& error = errors.Get(static_cast<int>(k + 1));
        const int levelNode = id.IsNumber() ? id.GetNumberAsInt() : -1;
        const bool nodeOk = levelNode >= 0 && static_cast<std::size_t>(levelNode) < model.nodes.size() &&
                            static_cast<std::size_t>(levelNode) != n &&
                            model.nodes[static_cast<std::size_t>(levelNode)].mesh >= 0;
        // Errors grow with the levels; anything else is a file the selection could not trust.
        if (!nodeOk || !error.IsNumber() || !(error.GetNumberAsDouble() >= previous)) {
            warnings.add("MSFT_lod ids", where + ": MSFT_lod level " + std::to_string(k + 1) +
                                             " is not a node with a mesh and a growing error; "
                                             "its mesh is drawn at full detail only");
            return {};
        }
        previous = error.GetNumberAsDouble();
        const int mesh = model.nodes[static_cast<std::size_t>(levelNode)].mesh;
        levels.push_back({scene.meshes[static_cast<std::size_t>(mesh)].primitives, static_cast<float>(previous)});
    }
    return levels;
}

}  // namespace

void convertLevels(const tinygltf::Model& model, Scene& scene, Warnings& warnings) {
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
        const tinygltf::Node& node = model.nodes[n];
        const auto lod = node.extensions.find("MSFT_lod");
        if (lod == node.extensions.end() || node.mesh < 0) continue;
        Mesh& mesh = scene.meshes[static_cast<std::size_t>(node.mesh)];
        if (!mesh.levels.empty()) continue;  // the first node drawing the mesh decides
        mesh.levels = levelsOf(model, scene, n, lod->second, warnings);
    }
}

}  // namespace ct::scene::gltf
