#include "scene/scene_composer.h"

#include <stdexcept>

namespace ct::scene {

namespace {}  // namespace

ModelHandle SceneComposer::addModel(const Scene& model) {
    Model entry;
    entry.source = model;
    entry.meshOffset = static_cast<int>(scene_.meshes.size());
    const int materialOffset = static_cast<int>(scene_.materials.size());
    const int textureOffset = static_cast<int>(scene_.textures.size());
    const int samplerOffset = static_cast<int>(scene_.samplers.size());
    const int imageOffset = static_cast<int>(scene_.images.size());
    auto shift = [](int index, int offset) { return index >= 0 ? index + offset : index; };

    for (Mesh mesh : model.meshes) {
        for (Primitive& prim : mesh.primitives)
            prim.material = shift(prim.material, materialOffset);
        for (MeshLevel& level : mesh.levels)
            for (Primitive& prim : level.primitives)
                prim.material = shift(prim.material, materialOffset);
        scene_.meshes.push_back(std::move(mesh));
    }
    for (Material material : model.materials) {
        for (TextureRef* ref : {&material.baseColorTexture, &material.metallicRoughnessTexture, &material.normalTexture,
                                &material.occlusionTexture, &material.emissiveTexture})
            ref->texture = shift(ref->texture, textureOffset);
        scene_.materials.push_back(std::move(material));
    }
    for (Texture texture : model.textures) {
        texture.image = shift(texture.image, imageOffset);
        texture.sampler = shift(texture.sampler, samplerOffset);
        scene_.textures.push_back(texture);
    }
    scene_.samplers.insert(scene_.samplers.end(), model.samplers.begin(), model.samplers.end());
    scene_.images.insert(scene_.images.end(), model.images.begin(), model.images.end());
    for (const std::string& warning : model.warnings)
        scene_.warnings.push_back(warning);
    models_.push_back(std::move(entry));
    return {static_cast<int>(models_.size()) - 1};
}

int SceneComposer::addNode(Node node, int parent) {
    const int index = static_cast<int>(scene_.nodes.size());
    node.parent = parent;
    node.children.clear();
    scene_.nodes.push_back(std::move(node));
    if (parent >= 0)
        scene_.nodes.at(parent).children.push_back(index);
    else
        scene_.roots.push_back(index);
    return index;
}

int SceneComposer::place(ModelHandle handle, const glm::mat4& placement, const std::string& name, int parent) {
    const Model& model = models_.at(handle.index);
    Node root;
    root.name = name;
    root.local = placement;
    const int rootIndex = addNode(std::move(root), parent);

    // Copy the model's displayed hierarchy, depth first, renaming as we go.
    struct Pending {
        int sourceNode;
        int newParent;
    };
    std::vector<Pending> stack;
    for (auto it = model.source.roots.rbegin(); it != model.source.roots.rend(); ++it)
        stack.push_back({*it, rootIndex});
    std::vector<int> copied(model.source.nodes.size(), -1);
    std::vector<std::pair<int, int>> lodLinks;  // (new node, source lodFar)
    while (!stack.empty()) {
        const Pending pending = stack.back();
        stack.pop_back();
        const Node& source = model.source.nodes.at(pending.sourceNode);
        Node node = source;
        node.name = name + "/" + source.name;
        node.mesh = source.mesh >= 0 ? source.mesh + model.meshOffset : -1;
        node.camera = -1;
        const int index = addNode(std::move(node), pending.newParent);
        copied[pending.sourceNode] = index;
        if (source.lodFar >= 0) lodLinks.emplace_back(index, source.lodFar);
        for (auto it = source.children.rbegin(); it != source.children.rend(); ++it)
            stack.push_back({*it, index});
    }
    for (const auto& [node, far] : lodLinks)
        scene_.nodes[node].lodFar = far < static_cast<int>(copied.size()) ? copied[far] : -1;
    return rootIndex;
}

int SceneComposer::meshIndex(ModelHandle handle, int meshInModel) const {
    const Model& model = models_.at(handle.index);
    if (meshInModel < 0 || meshInModel >= static_cast<int>(model.source.meshes.size()))
        throw std::out_of_range("SceneComposer::meshIndex: no such mesh in the model");
    return meshInModel + model.meshOffset;
}

int SceneComposer::findModelNode(ModelHandle handle, const std::string& name) const {
    const Scene& source = models_.at(handle.index).source;
    for (std::size_t i = 0; i < source.nodes.size(); ++i)
        if (source.nodes[i].name == name) return static_cast<int>(i);
    return -1;
}

Scene SceneComposer::finish() {
    resolveWorldTransforms(scene_);
    Scene out = std::move(scene_);
    scene_ = Scene{};
    models_.clear();
    return out;
}

void resolveWorldTransforms(Scene& scene) {
    std::vector<int> stack(scene.roots.rbegin(), scene.roots.rend());
    std::vector<char> visited(scene.nodes.size(), 0);
    // Parentless nodes that are not roots (LOD stand-ins) resolve from identity too.
    for (std::size_t n = 0; n < scene.nodes.size(); ++n)
        if (scene.nodes[n].parent < 0) stack.push_back(static_cast<int>(n));
    while (!stack.empty()) {
        const int index = stack.back();
        stack.pop_back();
        if (visited[index]) continue;
        visited[index] = 1;
        Node& node = scene.nodes[index];
        node.world = node.parent >= 0 ? scene.nodes[node.parent].world * node.local : node.local;
        for (int child : node.children)
            stack.push_back(child);
    }
    scene.bounds = Bounds{};
    for (const Node& node : scene.nodes) {
        if (node.mesh < 0 || node.mesh >= static_cast<int>(scene.meshes.size())) continue;
        Bounds meshBounds;
        for (const Primitive& prim : scene.meshes[node.mesh].primitives)
            meshBounds.extend(prim.bounds);
        if (node.instances.empty()) {
            scene.bounds.extend(transformed(meshBounds, node.world));
        } else {
            // Instances: the mesh bounds swept over the instance origins is close enough and
            // avoids eight corners per panel.
            Bounds origins;
            for (const glm::mat4& instance : node.instances)
                origins.extend(glm::vec3(node.world * instance[3]));
            const float reach = glm::length(meshBounds.size());
            scene.bounds.extend(origins.min - glm::vec3(reach));
            scene.bounds.extend(origins.max + glm::vec3(reach));
        }
    }
}

}  // namespace ct::scene
