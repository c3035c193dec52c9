#include "scene/gltf_validate.h"

#include "scene/gltf_accessor.h"

#include <cstring>
#include <set>
#include <string_view>

namespace ct::scene::gltf {

namespace {

std::string at(std::string_view array, std::size_t index) {
    return std::string(array) + "[" + std::to_string(index) + "]";
}

bool inRange(int index, std::size_t size) {
    return index >= 0 && static_cast<std::size_t>(index) < size;
}

// `index` may be -1 (absent); anything else must name an element.
std::string checkRef(const std::string& where, std::string_view field, int index, std::string_view array,
                     std::size_t size) {
    if (index == -1 || inRange(index, size)) {
        return {};
    }
    return where + ": " + std::string(field) + " " + std::to_string(index) + " is not a valid index into " +
           std::string(array) + " (" + std::to_string(size) + " present)";
}

const char* typeName(int type) {
    switch (type) {
        case TINYGLTF_TYPE_SCALAR:
            return "SCALAR";
        case TINYGLTF_TYPE_VEC2:
            return "VEC2";
        case TINYGLTF_TYPE_VEC3:
            return "VEC3";
        case TINYGLTF_TYPE_VEC4:
            return "VEC4";
        case TINYGLTF_TYPE_MAT2:
            return "MAT2";
        case TINYGLTF_TYPE_MAT3:
            return "MAT3";
        case TINYGLTF_TYPE_MAT4:
            return "MAT4";
        default:
            return "unknown type";
    }
}

const char* componentName(int componentType) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_BYTE:
            return "BYTE";
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return "UNSIGNED_BYTE";
        case TINYGLTF_COMPONENT_TYPE_SHORT:
            return "SHORT";
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return "UNSIGNED_SHORT";
        case TINYGLTF_COMPONENT_TYPE_INT:
            return "INT";
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
            return "UNSIGNED_INT";
        case TINYGLTF_COMPONENT_TYPE_FLOAT:
            return "FLOAT";
        case TINYGLTF_COMPONENT_TYPE_DOUBLE:
            return "DOUBLE";
        default:
            return "unknown component type";
    }
}

bool isUnsignedIndexType(int componentType) {
    return componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE ||
           componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT ||
           componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;
}

// [offset, offset + length) must fit in `limit`; written to be immune to overflow.
bool fits(std::size_t offset, std::size_t length, std::size_t limit) {
    return length <= limit && offset <= limit - length;
}

std::string checkBufferViews(const tinygltf::Model& model) {
    for (std::size_t i = 0; i < model.bufferViews.size(); ++i) {
        const auto& bv = model.bufferViews[i];
        const std::string where = at("bufferViews", i);
        if (!inRange(bv.buffer, model.buffers.size())) {
            return checkRef(where, "buffer", bv.buffer, "buffers", model.buffers.size());
        }
        const std::size_t bufferSize = model.buffers[static_cast<std::size_t>(bv.buffer)].data.size();
        if (bv.byteLength == 0) {
            return where + ": byteLength is 0";
        }
        if (!fits(bv.byteOffset, bv.byteLength, bufferSize)) {
            return where + ": " + std::to_string(bv.byteLength) + " bytes at offset " + std::to_string(bv.byteOffset) +
                   " run past " + at("buffers", static_cast<std::size_t>(bv.buffer)) + " (" +
                   std::to_string(bufferSize) + " bytes)";
        }
    }
    return {};
}

std::string checkSparse(const tinygltf::Model& model, const tinygltf::Accessor& a, const std::string& where,
                        std::size_t elemSize) {
    const auto& s = a.sparse;
    if (s.count < 1 || static_cast<std::size_t>(s.count) > a.count) {
        return where + ": sparse.count " + std::to_string(s.count) + " must be between 1 and count " +
               std::to_string(a.count);
    }
    const auto count = static_cast<std::size_t>(s.count);
    if (!inRange(s.indices.bufferView, model.bufferViews.size())) {
        return checkRef(where, "sparse.indices.bufferView", s.indices.bufferView, "bufferViews",
                        model.bufferViews.size());
    }
    if (!inRange(s.values.bufferView, model.bufferViews.size())) {
        return checkRef(where, "sparse.values.bufferView", s.values.bufferView, "bufferViews",
                        model.bufferViews.size());
    }
    if (!isUnsignedIndexType(s.indices.componentType)) {
        return where + ": sparse.indices.componentType " + std::to_string(s.indices.componentType) +
               " is not UNSIGNED_BYTE, UNSIGNED_SHORT or UNSIGNED_INT";
    }
    if (s.indices.byteOffset < 0 || s.values.byteOffset < 0) {
        return where + ": negative sparse byteOffset";
    }
    const auto indexSize = static_cast<std::size_t>(componentSize(s.indices.componentType));
    const auto& iv = model.bufferViews[static_cast<std::size_t>(s.indices.bufferView)];
    const auto& vv = model.bufferViews[static_cast<std::size_t>(s.values.bufferView)];
    if (!fits(static_cast<std::size_t>(s.indices.byteOffset), count * indexSize, iv.byteLength)) {
        return where + ": " + std::to_string(count) + " sparse indices at offset " +
               std::to_string(s.indices.byteOffset) + " run past " +
               at("bufferViews", static_cast<std::size_t>(s.indices.bufferView)) + " (" +
               std::to_string(iv.byteLength) + " bytes)";
    }
    if (!fits(static_cast<std::size_t>(s.values.byteOffset), count * elemSize, vv.byteLength)) {
        return where + ": " + std::to_string(count) + " sparse values of " + std::to_string(elemSize) +
               " bytes at offset " + std::to_string(s.values.byteOffset) + " run past " +
               at("bufferViews", static_cast<std::size_t>(s.values.bufferView)) + " (" + std::to_string(vv.byteLength) +
               " bytes)";
    }
    const unsigned char* p = model.buffers[static_cast<std::size_t>(iv.buffer)].data.data() + iv.byteOffset +
                             static_cast<std::size_t>(s.indices.byteOffset);
    for (std::size_t k = 0; k < count; ++k) {
        std::uint32_t index = 0;
        if (indexSize == 1) {
            index = p[k];
        } else if (indexSize == 2) {
            std::uint16_t v;
            std::memcpy(&v, p + 2 * k, 2);
            index = v;
        } else {
            std::memcpy(&index, p + 4 * k, 4);
        }
        if (index >= a.count) {
            return where + ": sparse index " + std::to_string(index) + " (entry " + std::to_string(k) +
                   ") is not below count " + std::to_string(a.count);
        }
    }
    return {};
}

std::string checkAccessors(const tinygltf::Model& model) {
    for (std::size_t i = 0; i < model.accessors.size(); ++i) {
        const auto& a = model.accessors[i];
        const std::string where = at("accessors", i);
        if (componentSize(a.componentType) == 0) {
            return where + ": componentType " + std::to_string(a.componentType) + " is not a glTF component type";
        }
        if (componentCount(a.type) == 0) {
            return where + ": unknown type";
        }
        if (a.count < 1) {
            return where + ": count is 0";
        }
        if (a.count > kMaxAccessorCount) {
            return where + ": count " + std::to_string(a.count) + " exceeds the supported maximum " +
                   std::to_string(kMaxAccessorCount);
        }
        const std::size_t elemSize = elementSize(a.componentType, a.type);
        if (a.bufferView != -1) {
            if (!inRange(a.bufferView, model.bufferViews.size())) {
                return checkRef(where, "bufferView", a.bufferView, "bufferViews", model.bufferViews.size());
            }
            const auto& bv = model.bufferViews[static_cast<std::size_t>(a.bufferView)];
            if (bv.byteStride != 0 && bv.byteStride < elemSize) {
                return where + ": elements of " + std::to_string(elemSize) + " bytes do not fit byteStride " +
                       std::to_string(bv.byteStride) + " of " +
                       at("bufferViews", static_cast<std::size_t>(a.bufferView));
            }
            const std::size_t stride = bv.byteStride != 0 ? bv.byteStride : elemSize;
            const std::size_t span = stride * (a.count - 1) + elemSize;
            if (!fits(a.byteOffset, span, bv.byteLength)) {
                return where + ": " + std::to_string(a.count) + " elements of " + std::to_string(elemSize) +
                       " bytes at offset " + std::to_string(a.byteOffset) + " run past " +
                       at("bufferViews", static_cast<std::size_t>(a.bufferView)) + " (" +
                       std::to_string(bv.byteLength) + " bytes)";
            }
        }
        if (a.sparse.isSparse) {
            if (std::string e = checkSparse(model, a, where, elemSize); !e.empty()) {
                return e;
            }
        }
    }
    return {};
}

struct AttributeRule {
    std::string_view name;
    std::initializer_list<int> types;
    bool allowUnsignedInt;
};

// glTF 2.0 plus KHR_mesh_quantization: integer attributes (normalized or not) are accepted for
// every attribute we read; UNSIGNED_INT and DOUBLE never are.
std::string checkAttribute(const tinygltf::Model& model, const std::string& where, const std::string& name,
                           int accessor) {
    static const AttributeRule rules[] = {
        {"POSITION", {TINYGLTF_TYPE_VEC3}, false},   {"NORMAL", {TINYGLTF_TYPE_VEC3}, false},
        {"TANGENT", {TINYGLTF_TYPE_VEC4}, false},    {"TEXCOORD_0", {TINYGLTF_TYPE_VEC2}, false},
        {"TEXCOORD_1", {TINYGLTF_TYPE_VEC2}, false}, {"COLOR_0", {TINYGLTF_TYPE_VEC3, TINYGLTF_TYPE_VEC4}, false},
    };
    const auto& a = model.accessors[static_cast<std::size_t>(accessor)];
    for (const auto& rule : rules) {
        if (rule.name != name) {
            continue;
        }
        bool typeOk = false;
        for (int t : rule.types) {
            typeOk = typeOk || t == a.type;
        }
        const bool componentOk = a.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_BYTE ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_SHORT ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT;
        if (!typeOk || !componentOk) {
            return where + ": attribute " + name + " (" + at("accessors", static_cast<std::size_t>(accessor)) +
                   ") is " + typeName(a.type) + " of " + componentName(a.componentType) +
                   ", which glTF does not allow for it";
        }
    }
    return {};
}

std::string checkMeshes(const tinygltf::Model& model) {
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        const auto& mesh = model.meshes[m];
        for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
            const auto& prim = mesh.primitives[p];
            const std::string where = at("meshes", m) + "." + at("primitives", p);
            if (prim.mode < TINYGLTF_MODE_POINTS || prim.mode > TINYGLTF_MODE_TRIANGLE_FAN) {
                return where + ": mode " + std::to_string(prim.mode) + " is not a glTF primitive mode";
            }
            if (std::string e = checkRef(where, "material", prim.material, "materials", model.materials.size());
                !e.empty()) {
                return e;
            }
            if (std::string e = checkRef(where, "indices", prim.indices, "accessors", model.accessors.size());
                !e.empty()) {
                return e;
            }
            if (prim.indices >= 0) {
                const auto& ia = model.accessors[static_cast<std::size_t>(prim.indices)];
                if (ia.type != TINYGLTF_TYPE_SCALAR || !isUnsignedIndexType(ia.componentType)) {
                    return where + ": indices (" + at("accessors", static_cast<std::size_t>(prim.indices)) + ") are " +
                           typeName(ia.type) + " of " + componentName(ia.componentType) +
                           "; glTF requires SCALAR UNSIGNED_BYTE, UNSIGNED_SHORT or UNSIGNED_INT";
                }
            }
            std::size_t vertexCount = 0;
            auto position = prim.attributes.find("POSITION");
            for (const auto& [name, accessor] : prim.attributes) {
                if (!inRange(accessor, model.accessors.size())) {
                    return checkRef(where, "attribute " + name, accessor, "accessors", model.accessors.size());
                }
                if (std::string e = checkAttribute(model, where, name, accessor); !e.empty()) {
                    return e;
                }
            }
            if (position != prim.attributes.end()) {
                vertexCount = model.accessors[static_cast<std::size_t>(position->second)].count;
                for (const auto& [name, accessor] : prim.attributes) {
                    const std::size_t n = model.accessors[static_cast<std::size_t>(accessor)].count;
                    if (n != vertexCount) {
                        return where + ": attribute " + name + " has " + std::to_string(n) +
                               " elements but POSITION has " + std::to_string(vertexCount);
                    }
                }
            }
            for (std::size_t t = 0; t < prim.targets.size(); ++t) {
                for (const auto& [name, accessor] : prim.targets[t]) {
                    if (!inRange(accessor, model.accessors.size())) {
                        return checkRef(where + "." + at("targets", t), name, accessor, "accessors",
                                        model.accessors.size());
                    }
                }
            }
        }
    }
    return {};
}

std::string checkTextureInfo(const tinygltf::Model& model, const std::string& where, std::string_view field,
                             int texture) {
    return checkRef(where, field, texture, "textures", model.textures.size());
}

std::string checkMaterialsAndTextures(const tinygltf::Model& model) {
    for (std::size_t i = 0; i < model.materials.size(); ++i) {
        const auto& m = model.materials[i];
        const std::string where = at("materials", i);
        const std::pair<std::string_view, int> refs[] = {
            {"pbrMetallicRoughness.baseColorTexture.index", m.pbrMetallicRoughness.baseColorTexture.index},
            {"pbrMetallicRoughness.metallicRoughnessTexture.index",
             m.pbrMetallicRoughness.metallicRoughnessTexture.index},
            {"normalTexture.index", m.normalTexture.index},
            {"occlusionTexture.index", m.occlusionTexture.index},
            {"emissiveTexture.index", m.emissiveTexture.index},
        };
        for (const auto& [field, index] : refs) {
            if (std::string e = checkTextureInfo(model, where, field, index); !e.empty()) {
                return e;
            }
        }
        if (m.alphaMode != "OPAQUE" && m.alphaMode != "MASK" && m.alphaMode != "BLEND") {
            return where + ": alphaMode \"" + m.alphaMode + "\" is not OPAQUE, MASK or BLEND";
        }
    }
    for (std::size_t i = 0; i < model.textures.size(); ++i) {
        const auto& t = model.textures[i];
        const std::string where = at("textures", i);
        if (std::string e = checkRef(where, "source", t.source, "images", model.images.size()); !e.empty()) {
            return e;
        }
        if (std::string e = checkRef(where, "sampler", t.sampler, "samplers", model.samplers.size()); !e.empty()) {
            return e;
        }
    }
    return {};
}

std::string checkInstancing(const tinygltf::Model& model, const tinygltf::Node& node, const std::string& where) {
    auto ext = node.extensions.find("EXT_mesh_gpu_instancing");
    if (ext == node.extensions.end()) {
        return {};
    }
    const std::string place = where + ".extensions.EXT_mesh_gpu_instancing";
    if (!ext->second.IsObject() || !ext->second.Get("attributes").IsObject()) {
        return place + ": has no attributes object";
    }
    const tinygltf::Value& attributes = ext->second.Get("attributes");
    std::size_t count = 0;
    for (const char* name : {"TRANSLATION", "ROTATION", "SCALE"}) {
        const tinygltf::Value& v = attributes.Get(name);
        if (v.Type() == tinygltf::NULL_TYPE) {
            continue;
        }
        const int accessor = v.IsNumber() ? v.GetNumberAsInt() : -2;
        if (!inRange(accessor, model.accessors.size())) {
            return checkRef(place, name, accessor, "accessors", model.accessors.size());
        }
        const auto& a = model.accessors[static_cast<std::size_t>(accessor)];
        const int wantType = std::string_view(name) == "ROTATION" ? TINYGLTF_TYPE_VEC4 : TINYGLTF_TYPE_VEC3;
        const bool componentOk = a.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_BYTE ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_SHORT ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT;
        if (a.type != wantType || !componentOk) {
            return place + ": " + name + " (" + at("accessors", static_cast<std::size_t>(accessor)) + ") is " +
                   typeName(a.type) + " of " + componentName(a.componentType) + "; expected " + typeName(wantType);
        }
        if (count != 0 && a.count != count) {
            return place + ": " + name + " has " + std::to_string(a.count) + " elements, other attributes " +
                   std::to_string(count);
        }
        count = a.count;
    }
    return {};
}

std::string checkNodes(const tinygltf::Model& model) {
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const auto& n = model.nodes[i];
        const std::string where = at("nodes", i);
        if (std::string e = checkRef(where, "mesh", n.mesh, "meshes", model.meshes.size()); !e.empty()) {
            return e;
        }
        if (std::string e = checkRef(where, "camera", n.camera, "cameras", model.cameras.size()); !e.empty()) {
            return e;
        }
        if (std::string e = checkRef(where, "skin", n.skin, "skins", model.skins.size()); !e.empty()) {
            return e;
        }
        for (int child : n.children) {
            if (!inRange(child, model.nodes.size())) {
                return checkRef(where, "child", child, "nodes", model.nodes.size());
            }
        }
        const std::pair<const std::vector<double>*, std::size_t> arrays[] = {
            {&n.matrix, 16}, {&n.translation, 3}, {&n.rotation, 4}, {&n.scale, 3}};
        const char* names[] = {"matrix", "translation", "rotation", "scale"};
        for (std::size_t k = 0; k < 4; ++k) {
            const auto& [values, size] = arrays[k];
            if (!values->empty() && values->size() != size) {
                return where + ": " + names[k] + " has " + std::to_string(values->size()) + " numbers; expected " +
                       std::to_string(size);
            }
        }
        if (std::string e = checkInstancing(model, n, where); !e.empty()) {
            return e;
        }
    }
    for (std::size_t s = 0; s < model.scenes.size(); ++s) {
        std::set<int> seen;
        for (int root : model.scenes[s].nodes) {
            if (!inRange(root, model.nodes.size())) {
                return checkRef(at("scenes", s), "node", root, "nodes", model.nodes.size());
            }
            if (!seen.insert(root).second) {
                return at("scenes", s) + ": lists " + at("nodes", static_cast<std::size_t>(root)) + " twice";
            }
        }
    }
    if (model.defaultScene != -1 && !inRange(model.defaultScene, model.scenes.size())) {
        return "scene " + std::to_string(model.defaultScene) + " is not a valid index into scenes (" +
               std::to_string(model.scenes.size()) + " present)";
    }
    return {};
}

}  // namespace

std::size_t elementSize(int componentType, int type) {
    const auto size = static_cast<std::size_t>(componentSize(componentType));
    const auto count = static_cast<std::size_t>(componentCount(type));
    // Matrix columns start on 4-byte boundaries.
    if (size < 4 && (type == TINYGLTF_TYPE_MAT2 || type == TINYGLTF_TYPE_MAT3 || type == TINYGLTF_TYPE_MAT4)) {
        const std::size_t rows = type == TINYGLTF_TYPE_MAT2 ? 2 : type == TINYGLTF_TYPE_MAT3 ? 3 : 4;
        const std::size_t column = (rows * size + 3) / 4 * 4;
        return column * rows;
    }
    return size * count;
}

std::string validateModel(const tinygltf::Model& model) {
    for (auto check : {checkBufferViews, checkAccessors, checkMeshes, checkMaterialsAndTextures, checkNodes}) {
        if (std::string e = check(model); !e.empty()) {
            return e;
        }
    }
    return {};
}

}  // namespace ct::scene::gltf
