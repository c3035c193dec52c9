#include "scene/gltf_accessor.h"

#include <cstring>

namespace ct::scene::gltf {

int componentSize(int componentType) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_BYTE:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return 1;
        case TINYGLTF_COMPONENT_TYPE_SHORT:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return 2;
        case TINYGLTF_COMPONENT_TYPE_INT:
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
        case TINYGLTF_COMPONENT_TYPE_FLOAT:
            return 4;
        case TINYGLTF_COMPONENT_TYPE_DOUBLE:
            return 8;
        default:
            return 0;
    }
}

int componentCount(int type) {
    switch (type) {
        case TINYGLTF_TYPE_SCALAR:
            return 1;
        case TINYGLTF_TYPE_VEC2:
            return 2;
        case TINYGLTF_TYPE_VEC3:
            return 3;
        case TINYGLTF_TYPE_VEC4:
            return 4;
        case TINYGLTF_TYPE_MAT2:
            return 4;
        case TINYGLTF_TYPE_MAT3:
            return 9;
        case TINYGLTF_TYPE_MAT4:
            return 16;
        default:
            return 0;
    }
}

namespace {

template <class T>
T load(const unsigned char* p) {
    T v;
    std::memcpy(&v, p, sizeof(T));  // glTF data need not be aligned for T
    return v;
}

float decodeFloat(const unsigned char* p, int componentType, bool normalized) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_FLOAT:
            return load<float>(p);
        case TINYGLTF_COMPONENT_TYPE_DOUBLE:
            return static_cast<float>(load<double>(p));
        case TINYGLTF_COMPONENT_TYPE_BYTE: {
            const float v = load<std::int8_t>(p);
            return normalized ? glm::max(v / 127.0f, -1.0f) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: {
            const float v = load<std::uint8_t>(p);
            return normalized ? v / 255.0f : v;
        }
        case TINYGLTF_COMPONENT_TYPE_SHORT: {
            const float v = load<std::int16_t>(p);
            return normalized ? glm::max(v / 32767.0f, -1.0f) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
            const float v = load<std::uint16_t>(p);
            return normalized ? v / 65535.0f : v;
        }
        case TINYGLTF_COMPONENT_TYPE_INT: {
            const auto v = static_cast<float>(load<std::int32_t>(p));
            return normalized ? glm::max(v / 2147483647.0f, -1.0f) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: {
            const auto v = static_cast<float>(load<std::uint32_t>(p));
            return normalized ? v / 4294967295.0f : v;
        }
        default:
            return 0.0f;
    }
}

std::uint32_t decodeIndex(const unsigned char* p, int componentType) {
    switch (componentType) {
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return load<std::uint8_t>(p);
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return load<std::uint16_t>(p);
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
            return load<std::uint32_t>(p);
        default:
            return 0;
    }
}

const unsigned char* viewStart(const tinygltf::Model& model, int view) {
    const auto& bv = model.bufferViews[static_cast<std::size_t>(view)];
    return model.buffers[static_cast<std::size_t>(bv.buffer)].data.data() + bv.byteOffset;
}

// Visits each element's first byte, dense part first, then each sparse substitution; `write`
// receives the element index and its bytes.
template <class Write>
void forEachElement(const tinygltf::Model& model, const tinygltf::Accessor& a, Write write) {
    const std::size_t elementSize =
        static_cast<std::size_t>(componentSize(a.componentType)) * static_cast<std::size_t>(componentCount(a.type));
    if (a.bufferView >= 0) {
        const auto& bv = model.bufferViews[static_cast<std::size_t>(a.bufferView)];
        const std::size_t stride = bv.byteStride != 0 ? bv.byteStride : elementSize;
        const unsigned char* base = viewStart(model, a.bufferView) + a.byteOffset;
        for (std::size_t i = 0; i < a.count; ++i) {
            write(i, base + i * stride);
        }
    }
    if (a.sparse.isSparse) {
        const auto& s = a.sparse;
        const unsigned char* indices =
            viewStart(model, s.indices.bufferView) + static_cast<std::size_t>(s.indices.byteOffset);
        const unsigned char* values =
            viewStart(model, s.values.bufferView) + static_cast<std::size_t>(s.values.byteOffset);
        const auto indexSize = static_cast<std::size_t>(componentSize(s.indices.componentType));
        for (std::size_t k = 0; k < static_cast<std::size_t>(s.count); ++k) {
            const std::uint32_t target = decodeIndex(indices + k * indexSize, s.indices.componentType);
            write(target, values + k * elementSize);
        }
    }
}

}  // namespace

std::vector<float> readFloats(const tinygltf::Model& model, int accessor) {
    const auto& a = model.accessors[static_cast<std::size_t>(accessor)];
    const auto n = static_cast<std::size_t>(componentCount(a.type));
    const auto size = static_cast<std::size_t>(componentSize(a.componentType));
    std::vector<float> out(a.count * n, 0.0f);  // no bufferView: zeros, per the spec
    forEachElement(model, a, [&](std::size_t i, const unsigned char* p) {
        for (std::size_t c = 0; c < n; ++c) {
            out[i * n + c] = decodeFloat(p + c * size, a.componentType, a.normalized);
        }
    });
    return out;
}

std::vector<std::uint32_t> readIndices(const tinygltf::Model& model, int accessor) {
    const auto& a = model.accessors[static_cast<std::size_t>(accessor)];
    std::vector<std::uint32_t> out(a.count, 0u);
    forEachElement(model, a, [&](std::size_t i, const unsigned char* p) { out[i] = decodeIndex(p, a.componentType); });
    return out;
}

}  // namespace ct::scene::gltf
