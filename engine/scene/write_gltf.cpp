// writeGltf: the scene's drawn part made into a tinygltf::Model, serialized by tinygltf as a
// binary glTF in memory, then put on disk (gltf_output.cpp). What is kept and what is left out,
// and why: write_gltf.h.
#include "scene/write_gltf.h"

#include "scene/gltf_output.h"

#include <tiny_gltf.h>

#include <stb_image_write.h>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cstring>
#include <sstream>

namespace ct::scene {

namespace {

constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;
constexpr const char* kInstancing = "EXT_mesh_gpu_instancing";
constexpr const char* kEmissiveStrength = "KHR_materials_emissive_strength";

// Appends data to the model's one buffer as bufferViews, each starting on a 4-byte boundary
// (what every accessor component type needs), and describes it with accessors.
class BufferWriter {
public:
    explicit BufferWriter(tinygltf::Model& model) : model_(model) { model_.buffers.emplace_back(); }

    // `target` 0: none (instance attributes, images).
    int view(const void* data, std::size_t bytes, int target) {
        std::vector<unsigned char>& buffer = model_.buffers[0].data;
        buffer.resize((buffer.size() + 3) / 4 * 4, 0);
        tinygltf::BufferView view;
        view.buffer = 0;
        view.byteOffset = buffer.size();
        view.byteLength = bytes;
        view.target = target;
        const auto* begin = static_cast<const unsigned char*>(data);
        buffer.insert(buffer.end(), begin, begin + bytes);
        model_.bufferViews.push_back(std::move(view));
        return static_cast<int>(model_.bufferViews.size()) - 1;
    }

    // Float vectors (glm::vec2/3/4) as one accessor; with `bounds`, its min and max as well.
    template <class Vec>
    int floats(const std::vector<Vec>& values, int type, int target, bool bounds = false) {
        tinygltf::Accessor accessor;
        accessor.bufferView = view(values.data(), values.size() * sizeof(Vec), target);
        accessor.componentType = TINYGLTF_COMPONENT_TYPE_FLOAT;
        accessor.count = values.size();
        accessor.type = type;
        if (bounds && !values.empty()) {
            Vec lo = values.front();
            Vec hi = values.front();
            for (const Vec& v : values) {
                lo = glm::min(lo, v);
                hi = glm::max(hi, v);
            }
            for (int c = 0; c < Vec::length(); ++c) {
                accessor.minValues.push_back(lo[c]);
                accessor.maxValues.push_back(hi[c]);
            }
        }
        return add(std::move(accessor));
    }

    // 16-bit where every index fits below 65535 (that value means a primitive restart to some
    // readers, so the validator refuses it), else 32-bit.
    int indices(const std::vector<std::uint32_t>& values, std::size_t vertexCount) {
        tinygltf::Accessor accessor;
        accessor.count = values.size();
        accessor.type = TINYGLTF_TYPE_SCALAR;
        if (vertexCount < 65535) {
            std::vector<std::uint16_t> narrow(values.begin(), values.end());
            accessor.bufferView = view(narrow.data(), narrow.size() * 2, kElementArrayBuffer);
            accessor.componentType = TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT;
        } else {
            accessor.bufferView = view(values.data(), values.size() * 4, kElementArrayBuffer);
            accessor.componentType = TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;
        }
        return add(std::move(accessor));
    }

private:
    int add(tinygltf::Accessor accessor) {
        model_.accessors.push_back(std::move(accessor));
        return static_cast<int>(model_.accessors.size()) - 1;
    }

    tinygltf::Model& model_;
};

// An instance's matrix as EXT_mesh_gpu_instancing holds it, translation * rotation * scale
// (gltf_node.cpp composes it so). False for what that cannot hold: a shear or a projection.
struct InstanceTrs {
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 scale{1.0f};
};

bool decompose(const glm::mat4& m, InstanceTrs& out) {
    if (m[0][3] != 0.0f || m[1][3] != 0.0f || m[2][3] != 0.0f || m[3][3] != 1.0f) return false;
    out.translation = glm::vec3(m[3]);
    const glm::mat3 linear(m);
    glm::vec3 scale(glm::length(linear[0]), glm::length(linear[1]), glm::length(linear[2]));
    if (scale.x == 0.0f || scale.y == 0.0f || scale.z == 0.0f) return false;
    if (glm::determinant(linear) < 0.0f) scale.x = -scale.x;  // a mirror: one negative scale
    const glm::mat3 rotation(linear[0] / scale.x, linear[1] / scale.y, linear[2] / scale.z);
    out.rotation = glm::normalize(glm::quat_cast(rotation));
    if (out.rotation.w < 0.0f) out.rotation = -out.rotation;  // the same turn, one way of writing it
    out.scale = scale;
    const glm::mat3 back = glm::mat3_cast(out.rotation) * glm::mat3(glm::scale(glm::mat4(1.0f), scale));
    for (int c = 0; c < 3; ++c)
        if (glm::length(back[c] - linear[c]) > 1e-4f * std::max(1.0f, std::abs(scale[c]))) return false;
    return true;
}

void appendPng(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<unsigned char>*>(context);
    const auto* bytes = static_cast<const unsigned char*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

int glFilter(Filter filter, MipmapMode mipmaps) {
    const bool linear = filter == Filter::Linear;
    switch (mipmaps) {
        case MipmapMode::None:
            return linear ? 9729 : 9728;  // LINEAR, NEAREST
        case MipmapMode::Nearest:
            return linear ? 9985 : 9984;  // LINEAR_MIPMAP_NEAREST, NEAREST_MIPMAP_NEAREST
        case MipmapMode::Linear:
            break;
    }
    return linear ? 9987 : 9986;  // LINEAR_MIPMAP_LINEAR, NEAREST_MIPMAP_LINEAR
}

int glWrap(Wrap wrap) {
    switch (wrap) {
        case Wrap::ClampToEdge:
            return 33071;
        case Wrap::MirroredRepeat:
            return 33648;
        case Wrap::Repeat:
            break;
    }
    return 10497;
}

// A mesh worth writing: one triangle at least in some primitive.
bool drawsSomething(const Mesh& mesh) {
    return std::any_of(mesh.primitives.begin(), mesh.primitives.end(),
                       [](const Primitive& p) { return p.indices.size() >= 3 && !p.vertices.empty(); });
}

class ModelBuilder {
public:
    ModelBuilder(const Scene& scene, const WriteOptions& options, WriteResult& result)
        : scene_(scene), options_(options), result_(result), buffer_(model_) {}

    // Empty, or what makes the scene unwritable (one line, without the file name).
    std::string build() {
        model_.asset.version = "2.0";
        model_.asset.generator = options_.generator;
        chooseNodes();
        chooseMeshesAndMaterials();
        if (std::string e = writeImages(); !e.empty()) return e;
        writeMaterials();
        if (std::string e = writeMeshes(); !e.empty()) return e;
        if (std::string e = writeNodes(); !e.empty()) return e;
        if (model_.buffers[0].data.empty()) model_.buffers.clear();
        return {};
    }

    tinygltf::Model& model() { return model_; }

private:
    // What the renderer draws near (gpu_scene.cpp): every node reachable from the roots, less the
    // level-of-detail stand-ins and what hangs below them (why: write_gltf.h).
    void chooseNodes() {
        const std::size_t count = scene_.nodes.size();
        std::vector<char> standIn(count, 0);
        for (const Node& node : scene_.nodes)
            if (node.lodFar >= 0 && node.lodFar < static_cast<int>(count)) standIn[node.lodFar] = 1;
        std::vector<char> kept(count, 0);
        std::vector<int> stack(scene_.roots.rbegin(), scene_.roots.rend());
        while (!stack.empty()) {
            const int n = stack.back();
            stack.pop_back();
            if (n < 0 || n >= static_cast<int>(count) || kept[n] || standIn[n]) continue;
            kept[n] = 1;
            const auto& children = scene_.nodes[n].children;
            stack.insert(stack.end(), children.rbegin(), children.rend());
        }
        result_.fileNode.assign(count, -1);
        int next = 0;
        for (std::size_t n = 0; n < count; ++n)
            if (kept[n]) result_.fileNode[n] = next++;
        result_.nodes = static_cast<std::size_t>(next);
    }

    void chooseMeshesAndMaterials() {
        result_.fileMesh.assign(scene_.meshes.size(), -1);
        for (std::size_t n = 0; n < scene_.nodes.size(); ++n) {
            const int mesh = scene_.nodes[n].mesh;
            if (result_.fileNode[n] < 0 || mesh < 0 || mesh >= static_cast<int>(scene_.meshes.size())) continue;
            if (drawsSomething(scene_.meshes[mesh])) result_.fileMesh[mesh] = 0;
        }
        int next = 0;
        fileMaterial_.assign(scene_.materials.size(), -1);
        for (std::size_t m = 0; m < scene_.meshes.size(); ++m) {
            if (result_.fileMesh[m] < 0) continue;
            result_.fileMesh[m] = next++;
            for (const Primitive& p : scene_.meshes[m].primitives)
                if (p.material >= 0 && p.material < static_cast<int>(scene_.materials.size()))
                    fileMaterial_[p.material] = 0;
        }
        result_.meshes = static_cast<std::size_t>(next);
        fileTexture_.assign(scene_.textures.size(), -1);
        next = 0;
        for (std::size_t m = 0; m < scene_.materials.size(); ++m) {
            if (fileMaterial_[m] < 0) continue;
            fileMaterial_[m] = next++;
            for (const TextureRef* ref : textureRefs(scene_.materials[m]))
                if (ref->present() && ref->texture < static_cast<int>(scene_.textures.size()))
                    fileTexture_[ref->texture] = 0;
        }
    }

    static std::vector<const TextureRef*> textureRefs(const Material& m) {
        return {&m.baseColorTexture, &m.metallicRoughnessTexture, &m.normalTexture, &m.occlusionTexture,
                &m.emissiveTexture};
    }

    // Textures, their images as PNG in the buffer, their samplers: those the materials use.
    std::string writeImages() {
        std::vector<int> fileImage(scene_.images.size(), -1);
        std::vector<int> fileSampler(scene_.samplers.size(), -1);
        for (std::size_t t = 0; t < scene_.textures.size(); ++t) {
            if (fileTexture_[t] < 0) continue;
            const Texture& texture = scene_.textures[t];
            tinygltf::Texture out;
            if (texture.image < 0 || texture.image >= static_cast<int>(scene_.images.size()))
                return "textures[" + std::to_string(t) + "]: has no image";
            if (fileImage[texture.image] < 0) {
                const Image& image = scene_.images[texture.image];
                std::vector<unsigned char> png;
                const std::size_t expected = static_cast<std::size_t>(std::max(image.width, 0)) *
                                             static_cast<std::size_t>(std::max(image.height, 0)) * 4;
                if (expected == 0 || image.rgba8.size() != expected ||
                    !stbi_write_png_to_func(appendPng, &png, image.width, image.height, 4, image.rgba8.data(),
                                            image.width * 4))
                    return "images[" + std::to_string(texture.image) + "] \"" + image.name +
                           "\": cannot be encoded as PNG (" + std::to_string(image.width) + "x" +
                           std::to_string(image.height) + ", " + std::to_string(image.rgba8.size()) + " bytes)";
                tinygltf::Image written;
                written.name = image.name;
                written.mimeType = "image/png";
                written.bufferView = buffer_.view(png.data(), png.size(), 0);
                model_.images.push_back(std::move(written));
                fileImage[texture.image] = static_cast<int>(model_.images.size()) - 1;
            }
            out.source = fileImage[texture.image];
            if (texture.sampler >= 0 && texture.sampler < static_cast<int>(scene_.samplers.size())) {
                if (fileSampler[texture.sampler] < 0) {
                    const Sampler& s = scene_.samplers[texture.sampler];
                    tinygltf::Sampler written;
                    written.magFilter = glFilter(s.magFilter, MipmapMode::None);
                    written.minFilter = glFilter(s.minFilter, s.mipmapMode);
                    written.wrapS = glWrap(s.wrapS);
                    written.wrapT = glWrap(s.wrapT);
                    model_.samplers.push_back(std::move(written));
                    fileSampler[texture.sampler] = static_cast<int>(model_.samplers.size()) - 1;
                }
                out.sampler = fileSampler[texture.sampler];
            }
            model_.textures.push_back(std::move(out));
            fileTexture_[t] = static_cast<int>(model_.textures.size()) - 1;
        }
        return {};
    }

    template <class Info>
    void setTexture(Info& info, const TextureRef& ref) {
        if (!ref.present() || ref.texture >= static_cast<int>(fileTexture_.size())) return;
        info.index = fileTexture_[ref.texture];
        info.texCoord = ref.texCoord;
    }

    void writeMaterials() {
        // glTF holds factors in 0..1; what lies outside could not be read back by anyone.
        const auto unit = [](float v) { return static_cast<double>(std::clamp(v, 0.0f, 1.0f)); };
        for (std::size_t i = 0; i < scene_.materials.size(); ++i) {
            if (fileMaterial_[i] < 0) continue;
            const Material& m = scene_.materials[i];
            tinygltf::Material out;
            // An unnamed material with every default would serialize as null, which no reader takes.
            out.name = m.name.empty() ? "material_" + std::to_string(i) : m.name;
            auto& pbr = out.pbrMetallicRoughness;
            pbr.baseColorFactor = {unit(m.baseColorFactor.r), unit(m.baseColorFactor.g), unit(m.baseColorFactor.b),
                                   unit(m.baseColorFactor.a)};
            pbr.metallicFactor = unit(m.metallicFactor);
            pbr.roughnessFactor = unit(m.roughnessFactor);
            setTexture(pbr.baseColorTexture, m.baseColorTexture);
            setTexture(pbr.metallicRoughnessTexture, m.metallicRoughnessTexture);
            setTexture(out.normalTexture, m.normalTexture);
            out.normalTexture.scale = m.normalScale;
            setTexture(out.occlusionTexture, m.occlusionTexture);
            out.occlusionTexture.strength = m.occlusionStrength;
            setTexture(out.emissiveTexture, m.emissiveTexture);
            // An emission brighter than 1 keeps its colour in the factor and its brightness in
            // the strength, the only place glTF lets it be more than 1.
            glm::vec3 emissive = glm::max(m.emissiveFactor, glm::vec3(0.0f));
            float strength = m.emissiveStrength;
            const float brightest = std::max({emissive.r, emissive.g, emissive.b});
            if (brightest > 1.0f) {
                emissive /= brightest;
                strength *= brightest;
            }
            out.emissiveFactor = {emissive.r, emissive.g, emissive.b};
            if (strength != 1.0f && brightest > 0.0f) {
                out.extensions[kEmissiveStrength] =
                    tinygltf::Value(tinygltf::Value::Object{{"emissiveStrength", tinygltf::Value(double{strength})}});
                usesEmissiveStrength_ = true;
            }
            out.alphaMode = m.alphaMode == AlphaMode::Mask    ? "MASK"
                            : m.alphaMode == AlphaMode::Blend ? "BLEND"
                                                              : "OPAQUE";
            if (m.alphaMode == AlphaMode::Mask) out.alphaCutoff = m.alphaCutoff;
            out.doubleSided = m.doubleSided;
            // The project's own hints, as the campus models carry them (gltf_material.cpp reads
            // them back); surfaces the composer makes up have no such hint (write_gltf.h).
            tinygltf::Value::Object extras;
            if (m.procedural == ProceduralSurface::Grassland)
                extras["proceduralSurface"] = tinygltf::Value(std::string("grassland"));
            if (m.procedural == ProceduralSurface::PrecastPanels)
                extras["proceduralSurface"] = tinygltf::Value(std::string("precast"));
            if (m.procedural == ProceduralSurface::PvCells)
                extras["proceduralSurface"] = tinygltf::Value(std::string("pv_cells"));
            if (m.emissiveAtNight) extras["emissiveAtNight"] = tinygltf::Value(true);
            if (!extras.empty()) out.extras = tinygltf::Value(std::move(extras));
            model_.materials.push_back(std::move(out));
        }
    }

    std::string writeMeshes() {
        for (std::size_t i = 0; i < scene_.meshes.size(); ++i) {
            if (result_.fileMesh[i] < 0) continue;
            const Mesh& mesh = scene_.meshes[i];
            tinygltf::Mesh out;
            out.name = mesh.name;
            for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
                const Primitive& primitive = mesh.primitives[p];
                if (primitive.indices.size() < 3 || primitive.vertices.empty()) continue;
                const std::size_t vertexCount = primitive.vertices.size();
                const auto past = std::find_if(primitive.indices.begin(), primitive.indices.end(),
                                               [&](std::uint32_t index) { return index >= vertexCount; });
                if (past != primitive.indices.end())
                    return "meshes[" + std::to_string(i) + "] \"" + mesh.name + "\" primitive " + std::to_string(p) +
                           ": index " + std::to_string(*past) + " is not below the vertex count " +
                           std::to_string(vertexCount);
                out.primitives.push_back(writePrimitive(primitive));
            }
            model_.meshes.push_back(std::move(out));
        }
        return {};
    }

    tinygltf::Primitive writePrimitive(const Primitive& primitive) {
        const std::vector<Vertex>& vertices = primitive.vertices;
        std::vector<glm::vec3> positions;
        std::vector<glm::vec3> normals;
        std::vector<glm::vec4> tangents;
        std::vector<glm::vec2> uv0;
        std::vector<glm::vec2> uv1;
        std::vector<glm::vec4> colors;
        bool hasUv0 = false;
        bool hasUv1 = false;
        bool hasColor = false;
        for (const Vertex& v : vertices) {
            positions.push_back(v.position);
            // glTF asks for unit normals and tangents (the validator checks); a zero normal,
            // which lights nothing anyway, points up.
            const float length = glm::length(v.normal);
            normals.push_back(length > 0.0f ? v.normal / length : glm::vec3(0.0f, 1.0f, 0.0f));
            const glm::vec3 t(v.tangent);
            const float tangentLength = glm::length(t);
            tangents.emplace_back(tangentLength > 0.0f ? t / tangentLength : glm::vec3(1.0f, 0.0f, 0.0f),
                                  v.tangent.w < 0.0f ? -1.0f : 1.0f);
            uv0.push_back(v.uv0);
            uv1.push_back(v.uv1);
            colors.push_back(v.color);
            hasUv0 = hasUv0 || v.uv0 != glm::vec2(0.0f);
            hasUv1 = hasUv1 || v.uv1 != glm::vec2(0.0f);
            hasColor = hasColor || v.color != glm::vec4(1.0f);
        }
        // A texture reads its coordinates even where they are all zero.
        if (primitive.material >= 0 && primitive.material < static_cast<int>(scene_.materials.size())) {
            for (const TextureRef* ref : textureRefs(scene_.materials[primitive.material])) {
                hasUv0 = hasUv0 || (ref->present() && ref->texCoord == 0);
                hasUv1 = hasUv1 || (ref->present() && ref->texCoord == 1);
            }
        }
        tinygltf::Primitive out;
        out.mode = TINYGLTF_MODE_TRIANGLES;
        out.attributes["POSITION"] = buffer_.floats(positions, TINYGLTF_TYPE_VEC3, kArrayBuffer, true);
        out.attributes["NORMAL"] = buffer_.floats(normals, TINYGLTF_TYPE_VEC3, kArrayBuffer);
        if (primitive.hasTangents)
            out.attributes["TANGENT"] = buffer_.floats(tangents, TINYGLTF_TYPE_VEC4, kArrayBuffer);
        if (hasUv0) out.attributes["TEXCOORD_0"] = buffer_.floats(uv0, TINYGLTF_TYPE_VEC2, kArrayBuffer);
        if (hasUv1) out.attributes["TEXCOORD_1"] = buffer_.floats(uv1, TINYGLTF_TYPE_VEC2, kArrayBuffer);
        if (hasColor) out.attributes["COLOR_0"] = buffer_.floats(colors, TINYGLTF_TYPE_VEC4, kArrayBuffer);
        out.indices = buffer_.indices(primitive.indices, vertices.size());
        if (primitive.material >= 0 && primitive.material < static_cast<int>(fileMaterial_.size()))
            out.material = fileMaterial_[primitive.material];
        return out;
    }

    std::string writeNodes() {
        bool usesInstancing = false;
        for (std::size_t n = 0; n < scene_.nodes.size(); ++n) {
            if (result_.fileNode[n] < 0) continue;
            const Node& node = scene_.nodes[n];
            tinygltf::Node out;
            out.name = node.name;
            if (node.local != glm::mat4(1.0f)) {
                out.matrix.reserve(16);
                for (int c = 0; c < 4; ++c)
                    for (int r = 0; r < 4; ++r)
                        out.matrix.push_back(node.local[c][r]);  // column-major, as glTF
            }
            for (int child : node.children)
                if (child >= 0 && child < static_cast<int>(scene_.nodes.size()) && result_.fileNode[child] >= 0)
                    out.children.push_back(result_.fileNode[child]);
            if (node.mesh >= 0 && node.mesh < static_cast<int>(result_.fileMesh.size()) &&
                result_.fileMesh[node.mesh] >= 0) {
                out.mesh = result_.fileMesh[node.mesh];
                result_.instances += std::max<std::size_t>(node.instances.size(), 1);
                if (!node.instances.empty()) {
                    if (std::string e = writeInstances(n, out); !e.empty()) return e;
                    usesInstancing = true;
                }
            }
            if (options_.nodeExtras) {
                tinygltf::Value::Object extras;
                for (const auto& [key, value] : options_.nodeExtras(static_cast<int>(n)))
                    extras[key] = tinygltf::Value(value);
                if (!extras.empty()) out.extras = tinygltf::Value(std::move(extras));
            }
            // A node with nothing at all would serialize as null, which no reader takes.
            if (out.name.empty() && out.matrix.empty() && out.children.empty() && out.mesh < 0 &&
                out.extras.Type() == tinygltf::NULL_TYPE)
                out.name = "node_" + std::to_string(n);
            model_.nodes.push_back(std::move(out));
        }
        tinygltf::Scene displayed;
        for (int root : scene_.roots)
            if (root >= 0 && root < static_cast<int>(scene_.nodes.size()) && result_.fileNode[root] >= 0)
                displayed.nodes.push_back(result_.fileNode[root]);
        model_.scenes.push_back(std::move(displayed));
        model_.defaultScene = 0;
        // Used, not required: a reader without the extension still opens the file and shows
        // each instanced node once, instead of refusing the whole campus.
        if (usesInstancing) model_.extensionsUsed.push_back(kInstancing);
        if (usesEmissiveStrength_) model_.extensionsUsed.push_back(kEmissiveStrength);
        return {};
    }

    // The node's instances as accessors of EXT_mesh_gpu_instancing: TRANSLATION always,
    // ROTATION and SCALE only where some instance turns or scales.
    std::string writeInstances(std::size_t n, tinygltf::Node& out) {
        const Node& node = scene_.nodes[n];
        std::vector<glm::vec3> translations;
        std::vector<glm::vec4> rotations;  // x, y, z, w as glTF stores them
        std::vector<glm::vec3> scales;
        bool turned = false;
        bool scaled = false;
        for (std::size_t i = 0; i < node.instances.size(); ++i) {
            InstanceTrs trs;
            if (!decompose(node.instances[i], trs))
                return "nodes[" + std::to_string(n) + "] \"" + node.name + "\": instance " + std::to_string(i) +
                       " is sheared or projected, which EXT_mesh_gpu_instancing cannot hold";
            translations.push_back(trs.translation);
            rotations.emplace_back(trs.rotation.x, trs.rotation.y, trs.rotation.z, trs.rotation.w);
            scales.push_back(trs.scale);
            turned = turned || trs.rotation != glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
            scaled = scaled || trs.scale != glm::vec3(1.0f);
        }
        tinygltf::Value::Object attributes;
        attributes["TRANSLATION"] = tinygltf::Value(buffer_.floats(translations, TINYGLTF_TYPE_VEC3, 0));
        if (turned) attributes["ROTATION"] = tinygltf::Value(buffer_.floats(rotations, TINYGLTF_TYPE_VEC4, 0));
        if (scaled) attributes["SCALE"] = tinygltf::Value(buffer_.floats(scales, TINYGLTF_TYPE_VEC3, 0));
        out.extensions[kInstancing] =
            tinygltf::Value(tinygltf::Value::Object{{"attributes", tinygltf::Value(std::move(attributes))}});
        return {};
    }

    const Scene& scene_;
    const WriteOptions& options_;
    WriteResult& result_;
    tinygltf::Model model_;
    BufferWriter buffer_;
    std::vector<int> fileMaterial_;
    std::vector<int> fileTexture_;
    bool usesEmissiveStrength_ = false;
};

}  // namespace

WriteResult writeGltf(const Scene& scene, const std::filesystem::path& path, const WriteOptions& options) {
    WriteResult result;
    const std::string file = path.string();
    auto fail = [&](const std::string& what) {
        result.error = file + ": " + what;
        result.bytes = 0;
        return result;
    };
    if (std::string e = gltfOutputProblem(path); !e.empty()) return fail(e);
    gltf::OutputFormat format{};
    gltf::outputFormatOf(path, format);

    ModelBuilder builder(scene, options, result);
    if (std::string e = builder.build(); !e.empty()) return fail(e);
    std::ostringstream serialized;
    tinygltf::TinyGLTF writer;
    if (!writer.WriteGltfSceneToStream(&builder.model(), serialized, /*prettyPrint=*/false, /*writeBinary=*/true))
        return fail("tinygltf could not serialize the scene");
    const std::string text = serialized.str();
    const std::vector<unsigned char> glb(text.begin(), text.end());
    if (glb.size() >= (std::uint64_t{1} << 31))
        return fail("the scene is larger than 2 GiB, which glTF readers refuse");
    if (std::string e = gltf::writeOutput(glb, path, format, result.bytes); !e.empty()) return fail(e);
    return result;
}

}  // namespace ct::scene
