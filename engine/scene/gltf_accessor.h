// Reading glTF accessors into plain float or index arrays.
//
// Call only on an accessor that validateModel() has accepted: these readers trust that every
// view, offset and sparse index lies inside its buffer, which is what lets them stay simple.
// Integer components become floats, divided to [0,1] or [-1,1] when the accessor is
// `normalized`, so one reader serves every component type glTF and KHR_mesh_quantization allow.
#pragma once

#include <tiny_gltf.h>

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace ct::scene::gltf {

int componentSize(int componentType);  // bytes; 0 for an unknown type
int componentCount(int type);          // 1 for SCALAR ... 16 for MAT4; 0 for unknown

// All components of an accessor as floats, count * componentCount(type) of them, sparse
// substitutions applied.
std::vector<float> readFloats(const tinygltf::Model& model, int accessor);

// Integer accessor (indices, sparse indices) widened to uint32, sparse substitutions applied.
std::vector<std::uint32_t> readIndices(const tinygltf::Model& model, int accessor);

template <class T>
constexpr int floatsIn() {
    if constexpr (std::is_same_v<T, float>) {
        return 1;
    } else {
        return T::length();
    }
}

// One T per element. Components the accessor lacks (a VEC3 colour read as vec4) come from
// `fill`; extra ones are dropped.
template <class T>
std::vector<T> readAccessor(const tinygltf::Model& model, int accessor, T fill = T(0)) {
    const std::vector<float> flat = readFloats(model, accessor);
    const auto& a = model.accessors[static_cast<std::size_t>(accessor)];
    const int have = componentCount(a.type);
    constexpr int want = floatsIn<T>();
    std::vector<T> out(a.count, fill);
    for (std::size_t i = 0; i < a.count; ++i) {
        for (int c = 0; c < want && c < have; ++c) {
            const float v = flat[i * static_cast<std::size_t>(have) + static_cast<std::size_t>(c)];
            if constexpr (want == 1) {
                out[i] = v;
            } else {
                out[i][c] = v;
            }
        }
    }
    return out;
}

}  // namespace ct::scene::gltf
