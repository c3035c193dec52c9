// Builds one glTF 2.0 model (a .gltf with one external .bin) from meshes, materials and named
// nodes, and writes it through tinygltf.
//
// Every mesh is optimised for drawing and given its coarser levels of detail (mesh_levels.h)
// as it is added; every node drawing a mesh that has levels gets them through MSFT_lod: one
// node per level, outside the scene's hierarchy, listed in the node's `MSFT_lod.ids`, with
// `MSFT_screencoverage` and `lod_error_m` (each level's geometric error in metres, the
// full mesh's 0 first) in the node's extras.
//
//   GltfWriter w("substation");
//   MaterialMeshes parts;
//   parts.add(palette::kConcrete, boxOnGround({150, 0.2f, 100}));
//   const int root = w.addNode("substation", w.addMesh("substation_pad", parts));
//   w.addRoot(root);
//   std::string error = w.write("assets/campus/substation.gltf");
//
// Output is byte-for-byte repeatable: vertex data is snapped to fixed binary grids (so a last-bit
// difference in sin or cos on another machine rounds to the same value), node transforms are
// snapped likewise, the generator string carries no version or date, and nlohmann's JSON writer
// prints numbers in their shortest round-trip form with object keys in sorted order.
#pragma once

#include "mesh_builder.h"

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tinygltf {
class Model;
}

namespace ct::assetgen {

// A PBR metallic-roughness material; `baseColor` is linear, as glTF stores it.
struct Material {
    std::string name;
    glm::dvec3 baseColor{0.8};  // doubles, so 0.82 is written as 0.82
    double metallic = 0.0;
    double roughness = 0.8;
    // Written to the material's extras as "proceduralSurface" (engine/scene/scene.h): detail the
    // renderer makes up around the base colour; empty: none.
    std::string procedural;
    // Light the surface gives off (linear, times its strength, KHR_materials_emissive_strength);
    // atNight: only while the site's lights are on (extras "emissiveAtNight"), as lit windows.
    glm::dvec3 emissive{0.0};
    double emissiveStrength = 1.0;
    bool emissiveAtNight = false;
};

// Geometry grouped by material: each entry becomes one primitive of a glTF mesh.
struct Primitive {
    Material material;
    Mesh mesh;
};

class MaterialMeshes {
public:
    // Appends `mesh`, moved by `transform`, to the primitive of `material` (matched by name).
    void add(const Material& material, const Mesh& mesh, const glm::mat4& transform = glm::mat4(1.0f));
    void add(const MaterialMeshes& other, const glm::mat4& transform = glm::mat4(1.0f));
    const std::vector<Primitive>& primitives() const { return primitives_; }

private:
    std::vector<Primitive> primitives_;
};

// A node's local transform, translation then rotation then scale as glTF composes them.
struct NodeTransform {
    glm::dvec3 translation{0.0};
    glm::dquat rotation{1.0, 0.0, 0.0, 0.0};  // w, x, y, z
    glm::dvec3 scale{1.0};
};

// Per-instance transforms for EXT_mesh_gpu_instancing, relative to the node that carries them.
struct Instances {
    std::vector<glm::vec3> translations;
    std::vector<glm::quat> rotations;  // empty, or one per translation
};

class GltfWriter {
public:
    explicit GltfWriter(std::string sceneName);
    ~GltfWriter();
    GltfWriter(GltfWriter&&) noexcept;
    GltfWriter& operator=(GltfWriter&&) noexcept;

    // Whether a mesh gets coarser levels of detail.
    enum class Levels { Make, None };
    // Returns the glTF mesh index; a mesh may be shared by several nodes. Its coarser levels
    // are written as meshes `<name>_lod1`, `_lod2`...
    int addMesh(const std::string& name, const MaterialMeshes& parts, Levels levels = Levels::Make);
    // Returns the node index; `mesh` -1 makes a grouping node. A mesh with levels adds the
    // node's MSFT_lod level nodes (`<name>_lod1`...) right after it.
    int addNode(const std::string& name, int mesh = -1, const NodeTransform& transform = {});
    void addChild(int parent, int child);
    void addRoot(int node);
    // Numbers a consumer of the file needs besides the geometry (a row's panel pitch), added to
    // the node's "extras" object.
    void setExtras(int node, const std::map<std::string, double>& numbers);
    // Turns `node` into an instanced node (EXT_mesh_gpu_instancing, marked required); its
    // level nodes draw the same instances.
    void setInstances(int node, const Instances& instances);

    // Writes `path` (.gltf) and its buffer next to it as `<stem>.bin`; returns an error or "".
    std::string write(const std::filesystem::path& path);

private:
    // The coarser levels of one written mesh.
    struct MeshLevels {
        std::vector<int> meshes;      // glTF mesh of each level, finest first
        std::vector<double> error_m;  // each level's geometric error
        double radius_m = 0.0;        // the full mesh's bounding sphere, for MSFT_screencoverage
    };

    int writeMesh(const std::string& name, const MaterialMeshes& parts);
    void addLevelNodes(int node, const MeshLevels& levels);
    void useExtension(const std::string& name, bool required);
    int addAccessor(const void* data, std::size_t bytes, int componentType, int type, std::size_t count, int target);
    int materialIndex(const Material& material);

    std::unique_ptr<tinygltf::Model> model_;
    std::map<int, MeshLevels> levels_;  // by glTF mesh
};

// Shorthand for the quaternion turning `radians` about `axis`.
glm::dquat axisAngle(double radians, glm::dvec3 axis);

}  // namespace ct::assetgen
