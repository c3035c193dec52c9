// The steps that turn a validated tinygltf::Model into a ct::scene::Scene, one per part of the
// file. Each returns an empty string on success or one line naming the place that is wrong;
// they run only after validateModel() has accepted the model.
#pragma once

#include "scene/scene.h"

#include <tiny_gltf.h>

#include <set>
#include <string>

namespace ct::scene::gltf {

// Collects Scene::warnings, keeping only the first warning of each kind so a file with a
// thousand line primitives says so once.
class Warnings {
public:
    explicit Warnings(std::vector<std::string>& out) : out_(out) {}
    void add(const std::string& kind, const std::string& text) {
        if (kinds_.insert(kind).second) {
            out_.push_back(text);
        }
    }

private:
    std::vector<std::string>& out_;
    std::set<std::string> kinds_;
};

std::string convertMeshes(const tinygltf::Model& model, Scene& scene, Warnings& warnings);

// Materials, textures, samplers, images and cameras: the parts that cannot fail once validated.
void convertMaterials(const tinygltf::Model& model, Scene& scene, Warnings& warnings);

// MSFT_lod: each node's coarser levels become its mesh's Mesh::levels (gltf_levels.cpp). Never
// fails: levels it cannot read are left out with a warning. Needs the meshes converted first.
void convertLevels(const tinygltf::Model& model, Scene& scene, Warnings& warnings);

// Nodes, the displayed scene's roots, world matrices, instances, placed cameras and bounds.
// Needs the meshes converted first (for bounds).
std::string convertNodes(const tinygltf::Model& model, Scene& scene);

}  // namespace ct::scene::gltf
