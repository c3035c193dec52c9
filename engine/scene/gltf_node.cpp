// The node hierarchy: local and world matrices, the displayed scene, instances and bounds.
#include "scene/gltf_accessor.h"
#include "scene/gltf_convert.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace ct::scene::gltf {

namespace {

std::string nodeName(std::size_t i) {
    return "nodes[" + std::to_string(i) + "]";
}

glm::mat4 localMatrix(const tinygltf::Node& n) {
    if (n.matrix.size() == 16) {
        glm::dmat4 m;
        for (int c = 0; c < 4; ++c) {
            for (int r = 0; r < 4; ++r) {
                m[c][r] = n.matrix[static_cast<std::size_t>(c * 4 + r)];  // glTF is column-major too
            }
        }
        return glm::mat4(m);
    }
    glm::mat4 t(1.0f);
    glm::mat4 r(1.0f);
    glm::mat4 s(1.0f);
    if (n.translation.size() == 3) {
        t = glm::translate(glm::mat4(1.0f), glm::vec3(n.translation[0], n.translation[1], n.translation[2]));
    }
    if (n.rotation.size() == 4) {  // glTF stores x, y, z, w; glm::quat takes w first
        r = glm::mat4_cast(glm::quat(static_cast<float>(n.rotation[3]), static_cast<float>(n.rotation[0]),
                                     static_cast<float>(n.rotation[1]), static_cast<float>(n.rotation[2])));
    }
    if (n.scale.size() == 3) {
        s = glm::scale(glm::mat4(1.0f), glm::vec3(n.scale[0], n.scale[1], n.scale[2]));
    }
    return t * r * s;
}

std::vector<glm::mat4> instanceMatrices(const tinygltf::Model& model, const tinygltf::Node& n) {
    auto ext = n.extensions.find("EXT_mesh_gpu_instancing");
    if (ext == n.extensions.end()) {
        return {};
    }
    const tinygltf::Value& attributes = ext->second.Get("attributes");  // validated: an object
    auto accessorOf = [&](const char* name) {
        const tinygltf::Value& v = attributes.Get(name);
        return v.IsNumber() ? v.GetNumberAsInt() : -1;
    };
    const int t = accessorOf("TRANSLATION");
    const int r = accessorOf("ROTATION");
    const int s = accessorOf("SCALE");
    std::vector<glm::vec3> translations;
    std::vector<glm::vec4> rotations;
    std::vector<glm::vec3> scales;
    std::size_t count = 0;
    if (t >= 0) {
        translations = readAccessor<glm::vec3>(model, t);
        count = translations.size();
    }
    if (r >= 0) {
        rotations = readAccessor<glm::vec4>(model, r);
        count = rotations.size();
    }
    if (s >= 0) {
        scales = readAccessor<glm::vec3>(model, s);
        count = scales.size();
    }
    std::vector<glm::mat4> out(count, glm::mat4(1.0f));
    for (std::size_t i = 0; i < count; ++i) {
        glm::mat4 m(1.0f);
        if (t >= 0) {
            m = glm::translate(glm::mat4(1.0f), translations[i]);
        }
        if (r >= 0) {
            const glm::vec4& q = rotations[i];
            m *= glm::mat4_cast(glm::normalize(glm::quat(q.w, q.x, q.y, q.z)));
        }
        if (s >= 0) {
            m = glm::scale(m, scales[i]);
        }
        out[i] = m;
    }
    return out;
}

// Children are listed by their parents, so a child with two parents or a loop of parents is
// a graph glTF forbids; both are found here, before anything walks the hierarchy.
std::string linkParents(const tinygltf::Model& model, Scene& scene) {
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        for (int c : model.nodes[i].children) {
            const auto child = static_cast<std::size_t>(c);
            if (child == i) {
                return nodeName(i) + ": lists itself as a child (node cycle)";
            }
            if (scene.nodes[child].parent != -1) {
                return nodeName(child) + ": is a child of both " +
                       nodeName(static_cast<std::size_t>(scene.nodes[child].parent)) + " and " + nodeName(i) +
                       " (a node may have one parent)";
            }
            scene.nodes[child].parent = static_cast<int>(i);
            scene.nodes[i].children.push_back(c);
        }
    }
    return {};
}

// Visits the subtree under `root` parents first, without recursion so deep files cannot
// exhaust the stack.
template <class Visit>
void walk(const Scene& scene, int root, Visit visit) {
    std::vector<int> stack{root};
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        visit(n);
        const auto& children = scene.nodes[static_cast<std::size_t>(n)].children;
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
}

}  // namespace

std::string convertNodes(const tinygltf::Model& model, Scene& scene) {
    scene.nodes.resize(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const auto& in = model.nodes[i];
        Node& out = scene.nodes[i];
        out.name = in.name;
        out.local = localMatrix(in);
        out.mesh = in.mesh;
        out.camera = in.camera;
        out.instances = instanceMatrices(model, in);
    }
    if (std::string e = linkParents(model, scene); !e.empty()) {
        return e;
    }

    std::vector<bool> resolved(scene.nodes.size(), false);
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        if (scene.nodes[i].parent != -1) {
            continue;
        }
        walk(scene, static_cast<int>(i), [&](int n) {
            Node& node = scene.nodes[static_cast<std::size_t>(n)];
            node.world =
                node.parent < 0 ? node.local : scene.nodes[static_cast<std::size_t>(node.parent)].world * node.local;
            resolved[static_cast<std::size_t>(n)] = true;
        });
    }
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        if (!resolved[i]) {
            // With one parent each, an unreachable node hangs below a loop; climb to the loop.
            std::size_t n = i;
            for (std::size_t step = 0; step < scene.nodes.size(); ++step) {
                n = static_cast<std::size_t>(scene.nodes[n].parent);
            }
            return nodeName(n) + ": is its own ancestor (node cycle)";
        }
    }

    if (model.defaultScene >= 0 || !model.scenes.empty()) {
        const std::size_t s = model.defaultScene >= 0 ? static_cast<std::size_t>(model.defaultScene) : 0;
        for (int root : model.scenes[s].nodes) {
            const int parent = scene.nodes[static_cast<std::size_t>(root)].parent;
            if (parent != -1) {
                return "scenes[" + std::to_string(s) + "]: " + nodeName(static_cast<std::size_t>(root)) +
                       " is not a root node (its parent is " + nodeName(static_cast<std::size_t>(parent)) + ")";
            }
            scene.roots.push_back(root);
        }
    } else {
        for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
            if (scene.nodes[i].parent == -1) {
                scene.roots.push_back(static_cast<int>(i));
            }
        }
    }

    for (int root : scene.roots) {
        walk(scene, root, [&](int n) {
            const Node& node = scene.nodes[static_cast<std::size_t>(n)];
            if (node.camera >= 0) {
                scene.placedCameras.push_back(PlacedCamera{n, node.camera});
            }
            if (node.mesh < 0) {
                return;
            }
            Bounds meshBounds;
            for (const auto& prim : scene.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
                meshBounds.extend(prim.bounds);
            }
            if (node.instances.empty()) {
                scene.bounds.extend(transformed(meshBounds, node.world));
            }
            for (const glm::mat4& instance : node.instances) {
                scene.bounds.extend(transformed(meshBounds, node.world * instance));
            }
        });
    }
    return {};
}

}  // namespace ct::scene::gltf
