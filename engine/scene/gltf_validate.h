// Structural checks on a parsed tinygltf::Model, run before anything reads buffer data.
//
// tinygltf parses the JSON but trusts most of it: indices into arrays, offsets into buffers and
// component types arrive unchecked. validateModel() proves every reference the loader follows
// lands inside its target, so the readers in gltf_accessor.h can index without checks.
// Checks that need the data itself (index values, node cycles) happen where the data is read.
#pragma once

#include <tiny_gltf.h>

#include <string>

namespace ct::scene::gltf {

// Most elements one accessor may have; bigger counts are refused rather than allocated.
inline constexpr std::size_t kMaxAccessorCount = std::size_t{1} << 26;

// Empty when the model is safe to read; otherwise one line naming the place, e.g.
// "accessors[3]: 24 elements of 12 bytes at offset 64 run past bufferViews[1] (256 bytes)".
std::string validateModel(const tinygltf::Model& model);

// Bytes one element of an accessor occupies, including the column padding glTF requires for
// 1- and 2-byte matrices.
std::size_t elementSize(int componentType, int type);

}  // namespace ct::scene::gltf
