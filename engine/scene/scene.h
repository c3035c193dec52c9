// The CPU-side scene: what a glTF file becomes after loading, before anything touches the GPU.
//
// Everything here is plain data in one canonical form, so the renderer never sees glTF's
// variety: every primitive is an indexed triangle list of `Vertex` with uint32 indices, every
// image is RGBA8, every node has its world matrix resolved. Indices into the vectors of `Scene`
// are plain ints (-1 means "none").
#pragma once

#include "scene/bounds.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ct::scene {

struct Vertex {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 0.0f, 1.0f};
    glm::vec4 tangent{1.0f, 0.0f, 0.0f, 1.0f};  // w is the bitangent sign, as in glTF
    glm::vec2 uv0{0.0f};
    glm::vec2 uv1{0.0f};
    glm::vec4 color{1.0f};  // linear RGBA; COLOR_0 or white
};

struct Primitive {
    std::vector<Vertex> vertices;
    std::vector<std::uint32_t> indices;  // triangle list; generated 0..n-1 for non-indexed input
    int material = -1;                   // -1: the glTF default material
    Bounds bounds;                       // of the positions, in mesh space
    bool hasTangents = false;            // false: the shader derives a tangent frame itself
};

// A coarser stand-in for a whole mesh (glTF MSFT_lod): the same materials, fewer triangles, its
// surface at most `error_m` metres (in mesh space) from the full mesh's. The renderer draws an
// instance at the coarsest level whose error would cover under a pixel (render/level_selection.h).
struct MeshLevel {
    std::vector<Primitive> primitives;
    float error_m = 0.0f;
};

struct Mesh {
    std::string name;
    std::vector<Primitive> primitives;
    // Coarser and coarser, errors growing; empty for most files. Read from the MSFT_lod of the
    // first node that draws the mesh with one: levels belong to the mesh, so every node drawing
    // it shares them (the campus models write the same levels for every such node).
    std::vector<MeshLevel> levels;
};

enum class Filter { Nearest, Linear };
enum class MipmapMode { None, Nearest, Linear };
enum class Wrap { Repeat, ClampToEdge, MirroredRepeat };

struct Sampler {
    Filter magFilter = Filter::Linear;
    Filter minFilter = Filter::Linear;
    MipmapMode mipmapMode = MipmapMode::Linear;
    Wrap wrapS = Wrap::Repeat;
    Wrap wrapT = Wrap::Repeat;
};

struct Image {
    std::string name;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba8;  // width * height * 4 bytes, rows top to bottom
};

struct Texture {
    int image = -1;
    int sampler = -1;  // -1: the default sampler (linear, repeat)
};

struct TextureRef {
    int texture = -1;  // index into Scene::textures; -1: not present
    int texCoord = 0;  // 0 or 1
    bool present() const { return texture >= 0; }
};

enum class AlphaMode { Opaque, Mask, Blend };

// A surface the renderer makes up where no texture could hold it.
// - Grassland: colour detail from noise (a plain kilometres wide seen from a few metres); the
//   material's base colour is its mean. From the glTF material's extras, "proceduralSurface":
//   "grassland".
// - SolarRows: a level quad one row pitch wide standing in for a row of tracker modules and the
//   ground beside it (the far view of a solar farm): the shader works out how much of each it
//   sees from the eye, how much of the ground the modules shade, and lights the modules at their
//   tilt. The base colour, metalness and roughness are the modules'; the ground is the frame's
//   ground colour; Material::proceduralParams holds the row's shape. Made by the campus
//   composer, not read from glTF.
// - PrecastPanels: a wall of panels with joints between them, each a shade apart, and a darker
//   plinth (shaders/precast.glsl); the base colour is the panels'. From the extras,
//   "proceduralSurface": "precast".
// - Asphalt: a worn road or car park: patches, grain, and on a road wheel paths, drip lines and
//   white edge lines (shaders/asphalt.glsl). The first texture coordinates are the road's own,
//   metres across from its centre line and along it; proceduralParams.x is the half width (0:
//   an area, no lanes or lines), .y the lanes. Made by the campus composer, not read from glTF.
// - PvCells: a solar module's face under its glass: rows of half-cut cells with the white back
//   sheet showing between them and round the edge (shaders/pv_cells.glsl, render/pv_cells.h);
//   the base colour is the cells'. The first texture coordinates are metres across the module
//   from a corner, u along its long side. From the extras, "proceduralSurface": "pv_cells".
enum class ProceduralSurface { None, Grassland, SolarRows, PrecastPanels, Asphalt, PvCells };

struct Material {
    std::string name;
    glm::vec4 baseColorFactor{1.0f};
    float metallicFactor = 1.0f;
    float roughnessFactor = 1.0f;
    glm::vec3 emissiveFactor{0.0f};
    float emissiveStrength = 1.0f;  // KHR_materials_emissive_strength
    float normalScale = 1.0f;
    float occlusionStrength = 1.0f;
    TextureRef baseColorTexture;          // sRGB
    TextureRef metallicRoughnessTexture;  // linear; G = roughness, B = metallic
    TextureRef normalTexture;             // linear
    TextureRef occlusionTexture;          // linear; R
    TextureRef emissiveTexture;           // sRGB
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
    ProceduralSurface procedural = ProceduralSurface::None;
    // SolarRows: x the modules' width over the row pitch, y their height over the ground over the
    // pitch, z the trackers' tilt (radians about the row's axis, + facing the quad's -x), w unused.
    // Across the rows is the quad's +x (its texture's u, 0..1 over one pitch).
    glm::vec4 proceduralParams{0.0f};
    // The emission is only there while the site's lights are on (render::Lighting::siteLights):
    // lit windows. From the glTF material's extras, "emissiveAtNight": true.
    bool emissiveAtNight = false;
};

struct Camera {
    std::string name;
    bool perspective = true;
    float yfov = 0.8f;         // radians, perspective
    float aspectRatio = 0.0f;  // 0: use the viewport's
    float znear = 0.1f;
    float zfar = 0.0f;  // 0: infinite (perspective)
    float xmag = 1.0f;  // orthographic half extents
    float ymag = 1.0f;
};

struct Node {
    std::string name;
    int parent = -1;
    std::vector<int> children;
    glm::mat4 local{1.0f};
    glm::mat4 world{1.0f};
    int mesh = -1;
    int camera = -1;
    // EXT_mesh_gpu_instancing: per-instance transforms relative to the node. Empty means the
    // node draws its mesh once at `world`.
    std::vector<glm::mat4> instances;
    // Level of detail: beyond `lodDistance` metres from the eye (to the nearest point of this
    // node's bounds) the node is drawn as node `lodFar` instead, a cheaper stand-in (a solar
    // row as one strip instead of its panels). A node named as some node's lodFar is drawn only
    // in that role.
    int lodFar = -1;
    // And where its rows are finer than render::kLodRowPixels apart on screen, at the node's
    // point nearest the eye: lines repeating finer than that alias into moire whatever the
    // samples, where the stand-in filters them. Node space: `lodRowStep` from one row to the next
    // (a solar row's pitch), `lodRowDirection` the way they run. Zero step: by distance only.
    glm::vec3 lodRowStep{0.0f};
    glm::vec3 lodRowDirection{0.0f};
    // > 0: drawn at least this many pixels wide at any distance (a turbine's tower and blades, a
    // mast, a line), its surface pushed out along its normals by the renderer where it would be
    // thinner; it casts its shadow at its true size.
    float minPixelWidth = 0.0f;
    float lodDistance = 0.0f;
    // False for what lies flat on the ground (a road, a car park's asphalt, a pond): it could
    // shadow nothing, so the sun's shadow pass does not draw it.
    bool castsShadow = true;
    // True for a stand-in shown only when asked (render::NodeAnimation::shown): a rotor's blurred
    // disc, drawn instead of its blades while they turn too fast for the frame rate.
    bool onDemand = false;
};

// A camera placed in the scene: the node's world transform applied to a glTF camera.
struct PlacedCamera {
    int node = -1;
    int camera = -1;
};

struct Scene {
    std::string sourcePath;
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Texture> textures;
    std::vector<Sampler> samplers;
    std::vector<Image> images;
    std::vector<Camera> cameras;
    std::vector<Node> nodes;
    std::vector<int> roots;  // root nodes of the displayed glTF scene
    std::vector<PlacedCamera> placedCameras;
    Bounds bounds;  // world-space bounds of every drawn instance
    std::vector<std::string> warnings;
};

}  // namespace ct::scene
