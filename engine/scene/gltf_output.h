// The file end of writeGltf (write_gltf.h): whether a path can take a glTF file, and a serialized
// binary glTF put on disk as a .glb, or as a .gltf and the .bin it names.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ct::scene::gltf {

enum class OutputFormat { Glb, GltfWithBin };

// By the name's extension, in any case: .glb or .gltf; false for anything else.
bool outputFormatOf(const std::filesystem::path& path, OutputFormat& format);

// The .bin a .gltf at `path` keeps its buffer in: the same name, extension .bin.
std::filesystem::path binPathOf(const std::filesystem::path& path);

// Writes `glb` (a complete binary glTF: header, JSON chunk, BIN chunk) at `path` in `format`.
// Returns what went wrong, without the path, or empty; `bytes` is what was written in all.
std::string writeOutput(const std::vector<unsigned char>& glb, const std::filesystem::path& path, OutputFormat format,
                        std::uintmax_t& bytes);

}  // namespace ct::scene::gltf
