#include "gltf_writer.h"

#include "mesh_levels.h"

#include <tiny_gltf.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace ct::assetgen {

namespace {

// The fixed strings in every file's "asset" object: no version, date or host, so that the
// regenerate-and-compare test sees the same bytes everywhere.
constexpr const char* kGenerator = "Campus Twin tools/assetgen";
constexpr const char* kCopyright = "Campus Twin contributors; generated models, plausible not surveyed";

// Grids the data is snapped to before it is stored (see the header for why). Binary data:
// positions to 1/4096 m (a quarter millimetre), normals, texture coordinates and instance rotations to 2^-16 and
// 2^-20, well inside the validator's unit-length tolerance. Node transforms, which people read in
// the JSON, snap to decimal steps instead (0.1 mm, 1e-9), so 4.49f is written 4.49.
constexpr double kPositionGrid = 4096.0;
constexpr double kNormalGrid = 65536.0;
constexpr float kUvGrid = 65536.0f;  // texture coordinates, as normals
constexpr double kInstanceRotationGrid = 1048576.0;
constexpr double kNodeTranslationGrid = 1e4;
constexpr double kNodeRotationGrid = 1e9;
// Numbers in extras: micrometres for lengths, 1e-9 for screen shares.
constexpr double kExtrasGrid = 1e6;
constexpr double kCoverageGrid = 1e9;

// MSFT_screencoverage is a share of the view's height; the levels' are worked out for this view
// (a 1080-pixel-tall image, each level taking over where its error is one pixel: the renderer's
// kLevelErrorPixels), as other viewers of the file cannot know the renderer's rule.
constexpr double kReferenceViewHeight_px = 1080.0;

double snap(double v, double grid) {
    const double s = std::round(v * grid) / grid;
    return s == 0.0 ? 0.0 : s;  // never -0, which prints differently
}

glm::vec3 snap(glm::vec3 v, double grid) {
    return {static_cast<float>(snap(v.x, grid)), static_cast<float>(snap(v.y, grid)),
            static_cast<float>(snap(v.z, grid))};
}

template <typename T>
void appendBytes(std::vector<unsigned char>& out, const std::vector<T>& values) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(values.data());
    out.insert(out.end(), bytes, bytes + values.size() * sizeof(T));
}

}  // namespace

void MaterialMeshes::add(const Material& material, const Mesh& mesh, const glm::mat4& transform) {
    auto it = std::find_if(primitives_.begin(), primitives_.end(),
                           [&](const Primitive& p) { return p.material.name == material.name; });
    if (it == primitives_.end()) {
        primitives_.push_back({material, {}});
        it = primitives_.end() - 1;
    }
    it->mesh.append(mesh, transform);
}

void MaterialMeshes::add(const MaterialMeshes& other, const glm::mat4& transform) {
    for (const Primitive& p : other.primitives()) {
        add(p.material, p.mesh, transform);
    }
}

glm::dquat axisAngle(double radians, glm::dvec3 axis) {
    return glm::angleAxis(radians, glm::normalize(axis));
}

GltfWriter::GltfWriter(std::string sceneName) : model_(std::make_unique<tinygltf::Model>()) {
    model_->asset.version = "2.0";
    model_->asset.generator = kGenerator;
    model_->asset.copyright = kCopyright;
    model_->buffers.emplace_back();
    tinygltf::Scene scene;
    scene.name = std::move(sceneName);
    model_->scenes.push_back(std::move(scene));
    model_->defaultScene = 0;
}

GltfWriter::~GltfWriter() = default;
GltfWriter::GltfWriter(GltfWriter&&) noexcept = default;
GltfWriter& GltfWriter::operator=(GltfWriter&&) noexcept = default;

int GltfWriter::addAccessor(const void* data, std::size_t bytes, int componentType, int type, std::size_t count,
                            int target) {
    auto& buffer = model_->buffers[0].data;
    buffer.resize((buffer.size() + 3) & ~std::size_t{3}, 0);  // every view starts 4-byte aligned
    tinygltf::BufferView view;
    view.buffer = 0;
    view.byteOffset = buffer.size();
    view.byteLength = bytes;
    view.target = target;
    const auto* p = static_cast<const unsigned char*>(data);
    buffer.insert(buffer.end(), p, p + bytes);
    model_->bufferViews.push_back(view);

    tinygltf::Accessor accessor;
    accessor.bufferView = static_cast<int>(model_->bufferViews.size() - 1);
    accessor.componentType = componentType;
    accessor.type = type;
    accessor.count = count;
    model_->accessors.push_back(accessor);
    return static_cast<int>(model_->accessors.size() - 1);
}

int GltfWriter::materialIndex(const Material& material) {
    for (std::size_t i = 0; i < model_->materials.size(); ++i) {
        if (model_->materials[i].name == material.name) {
            return static_cast<int>(i);
        }
    }
    tinygltf::Material m;
    m.name = material.name;
    m.pbrMetallicRoughness.baseColorFactor = {material.baseColor.r, material.baseColor.g, material.baseColor.b, 1.0};
    m.pbrMetallicRoughness.metallicFactor = material.metallic;
    m.pbrMetallicRoughness.roughnessFactor = material.roughness;
    tinygltf::Value::Object extras;
    if (!material.procedural.empty()) extras["proceduralSurface"] = tinygltf::Value(material.procedural);
    if (material.emissiveAtNight) extras["emissiveAtNight"] = tinygltf::Value(true);
    if (!extras.empty()) m.extras = tinygltf::Value(extras);
    if (material.emissive != glm::dvec3(0.0)) {
        m.emissiveFactor = {material.emissive.r, material.emissive.g, material.emissive.b};
        if (material.emissiveStrength != 1.0) {
            m.extensions["KHR_materials_emissive_strength"] = tinygltf::Value(
                tinygltf::Value::Object{{"emissiveStrength", tinygltf::Value(material.emissiveStrength)}});
            useExtension("KHR_materials_emissive_strength", /*required=*/false);
        }
    }
    model_->materials.push_back(m);
    return static_cast<int>(model_->materials.size() - 1);
}

int GltfWriter::addMesh(const std::string& name, const MaterialMeshes& parts, Levels wanted) {
    MaterialMeshes drawn;
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (const Primitive& part : parts.primitives()) {
        Mesh mesh = part.mesh;
        optimizeForDrawing(mesh);
        for (const glm::vec3& p : mesh.positions) {
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
        drawn.add(part.material, mesh);
    }
    const int index = writeMesh(name, drawn);
    MeshLevels levels;
    if (wanted == Levels::None) return index;
    for (const DetailLevel& level : coarserLevels(drawn)) {
        levels.meshes.push_back(writeMesh(name + "_lod" + std::to_string(levels.meshes.size() + 1), level.parts));
        levels.error_m.push_back(level.error_m);
    }
    if (!levels.meshes.empty()) {
        levels.radius_m = 0.5 * static_cast<double>(glm::length(hi - lo));
        levels_[index] = std::move(levels);
    }
    return index;
}

int GltfWriter::writeMesh(const std::string& name, const MaterialMeshes& parts) {
    tinygltf::Mesh mesh;
    mesh.name = name;
    for (const Primitive& part : parts.primitives()) {
        const Mesh& m = part.mesh;
        if (m.empty()) {
            continue;
        }
        std::vector<glm::vec3> positions;
        std::vector<glm::vec3> normals;
        positions.reserve(m.positions.size());
        normals.reserve(m.normals.size());
        glm::vec3 lo(std::numeric_limits<float>::max());
        glm::vec3 hi(std::numeric_limits<float>::lowest());
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            positions.push_back(snap(m.positions[i], kPositionGrid));
            normals.push_back(snap(m.normals[i], kNormalGrid));
            lo = glm::min(lo, positions.back());
            hi = glm::max(hi, positions.back());
        }
        tinygltf::Primitive prim;
        prim.mode = TINYGLTF_MODE_TRIANGLES;
        prim.material = materialIndex(part.material);
        const int position =
            addAccessor(positions.data(), positions.size() * sizeof(glm::vec3), TINYGLTF_COMPONENT_TYPE_FLOAT,
                        TINYGLTF_TYPE_VEC3, positions.size(), TINYGLTF_TARGET_ARRAY_BUFFER);
        model_->accessors[static_cast<std::size_t>(position)].minValues = {lo.x, lo.y, lo.z};
        model_->accessors[static_cast<std::size_t>(position)].maxValues = {hi.x, hi.y, hi.z};
        prim.attributes["POSITION"] = position;
        prim.attributes["NORMAL"] =
            addAccessor(normals.data(), normals.size() * sizeof(glm::vec3), TINYGLTF_COMPONENT_TYPE_FLOAT,
                        TINYGLTF_TYPE_VEC3, normals.size(), TINYGLTF_TARGET_ARRAY_BUFFER);
        if (!m.uvs.empty()) {
            std::vector<glm::vec2> uvs;
            uvs.reserve(m.uvs.size());
            for (const glm::vec2& uv : m.uvs)
                uvs.push_back(glm::round(uv * kUvGrid) / kUvGrid);
            prim.attributes["TEXCOORD_0"] =
                addAccessor(uvs.data(), uvs.size() * sizeof(glm::vec2), TINYGLTF_COMPONENT_TYPE_FLOAT,
                            TINYGLTF_TYPE_VEC2, uvs.size(), TINYGLTF_TARGET_ARRAY_BUFFER);
        }
        if (m.positions.size() <= std::numeric_limits<std::uint16_t>::max()) {
            const std::vector<std::uint16_t> small(m.indices.begin(), m.indices.end());
            prim.indices =
                addAccessor(small.data(), small.size() * sizeof(std::uint16_t), TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT,
                            TINYGLTF_TYPE_SCALAR, small.size(), TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
        } else {
            prim.indices = addAccessor(m.indices.data(), m.indices.size() * sizeof(std::uint32_t),
                                       TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT, TINYGLTF_TYPE_SCALAR, m.indices.size(),
                                       TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
        }
        mesh.primitives.push_back(std::move(prim));
    }
    model_->meshes.push_back(std::move(mesh));
    return static_cast<int>(model_->meshes.size() - 1);
}

int GltfWriter::addNode(const std::string& name, int mesh, const NodeTransform& t) {
    tinygltf::Node node;
    node.name = name;
    node.mesh = mesh;
    if (t.translation != glm::dvec3(0.0)) {
        node.translation = {snap(t.translation.x, kNodeTranslationGrid), snap(t.translation.y, kNodeTranslationGrid),
                            snap(t.translation.z, kNodeTranslationGrid)};
    }
    if (t.rotation != glm::dquat(1.0, 0.0, 0.0, 0.0)) {
        const glm::dquat q = glm::normalize(t.rotation);
        node.rotation = {snap(q.x, kNodeRotationGrid), snap(q.y, kNodeRotationGrid), snap(q.z, kNodeRotationGrid),
                         snap(q.w, kNodeRotationGrid)};
    }
    if (t.scale != glm::dvec3(1.0)) {
        node.scale = {t.scale.x, t.scale.y, t.scale.z};
    }
    model_->nodes.push_back(std::move(node));
    const int index = static_cast<int>(model_->nodes.size() - 1);
    if (const auto levels = levels_.find(mesh); levels != levels_.end()) addLevelNodes(index, levels->second);
    return index;
}

void GltfWriter::addLevelNodes(int node, const MeshLevels& levels) {
    tinygltf::Value::Array ids;
    tinygltf::Value::Array errors{tinygltf::Value(0.0)};
    tinygltf::Value::Array coverage;
    for (std::size_t i = 0; i < levels.meshes.size(); ++i) {
        // The level stands where the node stands; it has no children of its own.
        tinygltf::Node level;
        const tinygltf::Node& full = model_->nodes[static_cast<std::size_t>(node)];
        level.name = full.name + "_lod" + std::to_string(i + 1);
        level.translation = full.translation;
        level.rotation = full.rotation;
        level.scale = full.scale;
        level.mesh = levels.meshes[i];
        model_->nodes.push_back(std::move(level));
        ids.emplace_back(static_cast<int>(model_->nodes.size() - 1));
        errors.emplace_back(snap(levels.error_m[i], kExtrasGrid));
        // Level i is drawn while the bounding sphere covers more of the view than where level i + 1
        // takes over; an error of 0 takes over at once.
        const double share =
            levels.error_m[i] > 0.0 ? 2.0 * levels.radius_m / (levels.error_m[i] * kReferenceViewHeight_px) : 1.0;
        coverage.emplace_back(snap(std::min(share, 1.0), kCoverageGrid));
    }
    coverage.emplace_back(0.0);  // the coarsest level: at any size, never culled
    tinygltf::Node& full = model_->nodes[static_cast<std::size_t>(node)];
    full.extensions["MSFT_lod"] = tinygltf::Value(tinygltf::Value::Object{{"ids", tinygltf::Value(ids)}});
    tinygltf::Value::Object extras;
    extras["MSFT_screencoverage"] = tinygltf::Value(coverage);
    extras["lod_error_m"] = tinygltf::Value(errors);
    full.extras = tinygltf::Value(extras);
    useExtension("MSFT_lod", /*required=*/false);
}

void GltfWriter::useExtension(const std::string& name, bool required) {
    if (std::find(model_->extensionsUsed.begin(), model_->extensionsUsed.end(), name) == model_->extensionsUsed.end())
        model_->extensionsUsed.push_back(name);
    if (required && std::find(model_->extensionsRequired.begin(), model_->extensionsRequired.end(), name) ==
                        model_->extensionsRequired.end())
        model_->extensionsRequired.push_back(name);
}

void GltfWriter::addChild(int parent, int child) {
    model_->nodes[static_cast<std::size_t>(parent)].children.push_back(child);
}

void GltfWriter::addRoot(int node) {
    model_->scenes[0].nodes.push_back(node);
}

void GltfWriter::setExtras(int node, const std::map<std::string, double>& numbers) {
    tinygltf::Value& existing = model_->nodes[static_cast<std::size_t>(node)].extras;
    tinygltf::Value::Object extras =
        existing.IsObject() ? existing.Get<tinygltf::Value::Object>() : tinygltf::Value::Object{};
    for (const auto& [key, value] : numbers) {
        extras[key] = tinygltf::Value(snap(value, kExtrasGrid));  // 1.13f is written 1.13
    }
    existing = tinygltf::Value(extras);
}

void GltfWriter::setInstances(int node, const Instances& instances) {
    std::vector<glm::vec3> translations;
    translations.reserve(instances.translations.size());
    for (const glm::vec3 t : instances.translations) {
        translations.push_back(snap(t, kPositionGrid));
    }
    tinygltf::Value::Object attributes;
    attributes["TRANSLATION"] =
        tinygltf::Value(addAccessor(translations.data(), translations.size() * sizeof(glm::vec3),
                                    TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC3, translations.size(), 0));
    if (!instances.rotations.empty()) {
        std::vector<glm::vec4> rotations;  // glTF order: x, y, z, w
        rotations.reserve(instances.rotations.size());
        for (const glm::quat q : instances.rotations) {
            const glm::quat n = glm::normalize(q);
            rotations.emplace_back(snap(glm::vec3(n.x, n.y, n.z), kInstanceRotationGrid),
                                   static_cast<float>(snap(n.w, kInstanceRotationGrid)));
        }
        attributes["ROTATION"] =
            tinygltf::Value(addAccessor(rotations.data(), rotations.size() * sizeof(glm::vec4),
                                        TINYGLTF_COMPONENT_TYPE_FLOAT, TINYGLTF_TYPE_VEC4, rotations.size(), 0));
    }
    tinygltf::Value::Object extension;
    extension["attributes"] = tinygltf::Value(attributes);
    tinygltf::Node& instanced = model_->nodes[static_cast<std::size_t>(node)];
    instanced.extensions["EXT_mesh_gpu_instancing"] = tinygltf::Value(extension);
    // Each level node draws the same instances, sharing the accessors.
    if (const auto lod = instanced.extensions.find("MSFT_lod"); lod != instanced.extensions.end()) {
        const tinygltf::Value& ids = lod->second.Get("ids");
        for (std::size_t i = 0; i < ids.ArrayLen(); ++i)
            model_->nodes[static_cast<std::size_t>(ids.Get(static_cast<int>(i)).GetNumberAsInt())]
                .extensions["EXT_mesh_gpu_instancing"] = tinygltf::Value(extension);
    }
    useExtension("EXT_mesh_gpu_instancing", /*required=*/true);
}

std::string GltfWriter::write(const std::filesystem::path& path) {
    auto& buffer = model_->buffers[0];
    buffer.uri = path.stem().string() + ".bin";
    buffer.data.resize((buffer.data.size() + 3) & ~std::size_t{3}, 0);  // glTF wants the length a multiple of 4
    tinygltf::TinyGLTF gltf;
    if (!gltf.WriteGltfSceneToFile(model_.get(), path.string(), /*embedImages=*/false, /*embedBuffers=*/false,
                                   /*prettyPrint=*/true, /*writeBinary=*/false)) {
        return "tinygltf could not write " + path.string();
    }
    return {};
}

}  // namespace ct::assetgen
