// Writes a ct::scene::Scene as one glTF 2.0 file, for other tools (Blender, a planner's CAD): a
// .glb (everything in one binary file) or, for a name ending in .gltf, the JSON with its buffer in
// a .bin beside it. tinygltf serializes the JSON.
//
//   WriteOptions options;
//   options.nodeExtras = [&](int node) { return NodeExtras{{"entity", idOf(node)}}; };
//   const WriteResult written = writeGltf(scene, "campus.glb", options);
//   if (!written.ok()) ... written.error: "campus.glb: <what is wrong>", one line
//
// What is written is what the scene draws, so that loadGltf gives the same drawn set back:
// - the nodes reachable from the roots, with their names, local matrices, meshes and cameras; a
//   node with instances keeps them as EXT_mesh_gpu_instancing (TRANSLATION, ROTATION, SCALE
//   accessors, each only where some instance needs it), which loadGltf reads back;
// - not the level-of-detail stand-ins (Node::lodFar): glTF has no level of detail that our loader
//   or Blender reads (MSFT_lod is neither), so written as plain nodes they would be drawn on top
//   of what they stand in for. The near level is the true geometry; the far one is a renderer's
//   economy, and its surface (the solar rows' quad) is made up by our shader, which no other
//   tool has;
// - the meshes, materials, textures, images and samplers those nodes use, and only those;
//   materials with their PBR metallic-roughness factors, emissive colour and strength
//   (KHR_materials_emissive_strength), alpha mode and textures, and the project's own material
//   extras the loader reads ("proceduralSurface", "emissiveAtNight"); images as PNG in the buffer.
// Lost on the way, as glTF has no place for them: Node::minPixelWidth and Node::castsShadow
// (renderer hints), cameras (the composed campus has none; its views are the scenario's), and
// the surfaces the campus composer makes up rather than reads from glTF (ProceduralSurface other
// than grassland and precast): those materials are written as their base colour, which is also
// what any other viewer shows.
#pragma once

#include "scene/scene.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ct::scene {

// A node's own strings, written as its `extras` object.
using NodeExtras = std::map<std::string, std::string>;

struct WriteOptions {
    std::string generator = "Campus Twin";
    // Called for every node written (with its index in the scene); what it returns becomes the
    // node's extras. Unset: no extras.
    std::function<NodeExtras(int node)> nodeExtras;
};

struct WriteResult {
    std::string error;          // set when nothing usable was written: "<file>: <what is wrong>", one line
    std::vector<int> fileNode;  // per scene node: its index in the file, -1 when left out
    std::vector<int> fileMesh;  // per scene mesh: its index in the file, -1 when nothing written draws it
    std::size_t nodes = 0;      // nodes written
    std::size_t meshes = 0;     // meshes written
    std::size_t instances = 0;  // drawn instances written: a node without instances counts once
    std::uintmax_t bytes = 0;   // bytes written: the .glb, or the .gltf and its .bin together

    bool ok() const { return error.empty(); }
};

// What stops a glTF file being written at `path`, without the path: a name not ending in .glb or
// .gltf, a folder, a folder above it that cannot be made, a file (or, for .gltf, its .bin) that
// cannot be opened for writing. Empty when it can be written. Makes the missing folders above it;
// leaves no file behind. Call it before work that would be lost if the file cannot be written.
std::string gltfOutputProblem(const std::filesystem::path& path);

[[nodiscard]] WriteResult writeGltf(const Scene& scene, const std::filesystem::path& path,
                                    const WriteOptions& options = {});

}  // namespace ct::scene
