// loadGltf: read the file, let tinygltf parse it, prove the model safe to read, convert it.
#include "scene/load_gltf.h"

#include "scene/gltf_text.h"

#include "scene/gltf_convert.h"
#include "scene/gltf_image.h"
#include "scene/gltf_validate.h"

#include <tiny_gltf.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>

namespace ct::scene {

namespace {

constexpr std::array kSupportedExtensions{"EXT_mesh_gpu_instancing", "KHR_materials_emissive_strength", "MSFT_lod"};

// tinygltf 2.7 reads the whole file into memory and takes its length as 32 bits.
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1} << 31;

bool contains(std::string haystack, const char* needle) {
    std::transform(haystack.begin(), haystack.end(), haystack.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return haystack.find(needle) != std::string::npos;
}

bool namesAPlace(const std::string& err) {
    for (std::size_t at = err.find('['); at != std::string::npos; at = err.find('[', at + 1)) {
        if (at + 1 < err.size() && std::isdigit(static_cast<unsigned char>(err[at + 1])) != 0) {
            return true;
        }
    }
    return false;
}

// tinygltf parses the top-level arrays in this order, appending each element to the model as
// it succeeds and stopping at the first failure, so the first array with fewer parsed elements
// than the JSON holds is where it stopped, and the count parsed is the broken element's index.
std::string placeParseError(const tinygltf::Model& model, const std::string& err, const char* json,
                            std::size_t jsonLength) {
    if (namesAPlace(err)) {
        return err;
    }
    if (contains(err, "primitive indices")) {
        return "meshes: " + err;
    }
    const nlohmann::json doc = nlohmann::json::parse(json, json + jsonLength, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return "invalid JSON: " + err;
    }
    const std::pair<const char*, std::size_t> phases[] = {
        {"buffers", model.buffers.size()},     {"bufferViews", model.bufferViews.size()},
        {"accessors", model.accessors.size()}, {"meshes", model.meshes.size()},
        {"nodes", model.nodes.size()},         {"scenes", model.scenes.size()},
        {"materials", model.materials.size()}, {"images", model.images.size()},
        {"textures", model.textures.size()},   {"animations", model.animations.size()},
        {"skins", model.skins.size()},         {"samplers", model.samplers.size()},
        {"cameras", model.cameras.size()},
    };
    for (const auto& [name, parsed] : phases) {
        const auto it = doc.find(name);
        if (it != doc.end() && it->is_array() && it->size() > parsed) {
            return std::string(name) + "[" + std::to_string(parsed) + "]: " + err;
        }
    }
    return err;
}

std::string readFile(const std::filesystem::path& path, std::vector<unsigned char>& bytes) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        return "file not found";
    }
    if (std::filesystem::is_directory(status)) {
        return "is a directory, not a glTF file";
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) {
        return "cannot read the file size (" + ec.message() + ")";
    }
    if (size == 0) {
        return "file is empty";
    }
    if (size >= kMaxFileBytes) {
        return "file is larger than 2 GiB";
    }
    std::ifstream in(path, std::ios::binary);
    bytes.resize(static_cast<std::size_t>(size));
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
        return "cannot read the file";
    }
    return {};
}

// tinygltf says only "Invalid glTF binary." for a damaged header; say which length is wrong.
std::string checkGlbHeader(const std::vector<unsigned char>& bytes) {
    auto word = [&](std::size_t offset) {
        std::uint32_t v = 0;
        std::memcpy(&v, bytes.data() + offset, 4);
        return v;
    };
    if (bytes.size() < 20) {
        return "GLB is " + std::to_string(bytes.size()) + " bytes, shorter than its 20-byte header";
    }
    const std::uint64_t declared = word(8);
    const std::uint64_t jsonLength = word(12);
    if (declared > bytes.size()) {
        return "GLB header declares " + std::to_string(declared) + " bytes but the file has " +
               std::to_string(bytes.size()) + " (truncated)";
    }
    if (20 + jsonLength > declared) {
        return "GLB JSON chunk of " + std::to_string(jsonLength) + " bytes runs past the declared length " +
               std::to_string(declared);
    }
    if (20 + jsonLength + 8 <= declared) {
        const std::uint64_t binLength = word(static_cast<std::size_t>(20 + jsonLength));
        if (20 + jsonLength + 8 + binLength > declared) {
            return "GLB BIN chunk of " + std::to_string(binLength) + " bytes runs past the declared length " +
                   std::to_string(declared);
        }
    }
    return {};
}

// What tinygltf leaves undone after a successful parse: extension policy and images that
// failed to load without failing the parse (tinygltf only warns about missing image files).
std::string checkParsed(const tinygltf::Model& model) {
    for (const auto& name : model.extensionsRequired) {
        if (!isSupportedExtension(name)) {
            return "requires unsupported extension " + name;
        }
    }
    for (std::size_t i = 0; i < model.images.size(); ++i) {
        const auto& image = model.images[i];
        const std::size_t expected = static_cast<std::size_t>(std::max(image.width, 0)) *
                                     static_cast<std::size_t>(std::max(image.height, 0)) * 4;
        if (image.image.empty() || image.image.size() != expected) {
            return "images[" + std::to_string(i) + "]: cannot load \"" + oneLine(image.uri) + "\"";
        }
    }
    return {};
}

void addWarnings(const tinygltf::Model& model, const std::string& parserWarnings, gltf::Warnings& warnings) {
    for (const auto& name : model.extensionsUsed) {
        if (!isSupportedExtension(name)) {
            warnings.add("extension " + name, "ignoring unsupported extension " + name);
        }
    }
    if (!model.skins.empty()) {
        warnings.add("skins", "skins are ignored; skinned meshes are drawn in their bind pose");
    }
    if (!model.animations.empty()) {
        warnings.add("animations", "animations are ignored");
    }
    std::size_t start = 0;
    while (start < parserWarnings.size()) {
        std::size_t end = parserWarnings.find('\n', start);
        if (end == std::string::npos) {
            end = parserWarnings.size();
        }
        const std::string line = parserWarnings.substr(start, end - start);
        if (!line.empty()) {
            warnings.add("parser " + line, oneLine(line));
        }
        start = end + 1;
    }
}

}  // namespace

bool isSupportedExtension(const std::string& name) {
    return std::find(kSupportedExtensions.begin(), kSupportedExtensions.end(), name) != kSupportedExtensions.end();
}

LoadResult loadGltf(const std::filesystem::path& path) {
    const std::string file = path.string();
    auto fail = [&](const std::string& what) { return LoadResult{std::nullopt, file + ": " + oneLine(what)}; };

    std::vector<unsigned char> bytes;
    if (std::string e = readFile(path, bytes); !e.empty()) {
        return fail(e);
    }

    tinygltf::Model model;
    tinygltf::TinyGLTF parser;
    gltf::ImageDecodeContext images{&model, {}};
    parser.SetImageLoader(&gltf::decodeImageRgba8, &images);
    std::string baseDir = path.parent_path().string();
    if (baseDir.empty()) {
        baseDir = ".";
    }
    std::string err;
    std::string warn;
    // The magic decides, not the extension: .glb files are often renamed and vice versa.
    const bool binary = bytes.size() >= 4 && std::memcmp(bytes.data(), "glTF", 4) == 0;
    if (binary) {
        if (std::string e = checkGlbHeader(bytes); !e.empty()) {
            return fail(e);
        }
    }
    const auto size = static_cast<unsigned int>(bytes.size());
    const bool parsed = binary ? parser.LoadBinaryFromMemory(&model, &err, &warn, bytes.data(), size, baseDir)
                               : parser.LoadASCIIFromString(&model, &err, &warn,
                                                            reinterpret_cast<const char*>(bytes.data()), size, baseDir);
    if (!images.error.empty()) {
        return fail(images.error);
    }
    if (!parsed) {
        // A GLB's JSON chunk starts after the 20-byte header; checkGlbHeader proved it fits.
        const char* json = reinterpret_cast<const char*>(bytes.data());
        std::size_t jsonLength = bytes.size();
        if (binary) {
            std::uint32_t chunk = 0;
            std::memcpy(&chunk, bytes.data() + 12, 4);
            json += 20;
            jsonLength = chunk;
        }
        return fail(placeParseError(model, err, json, jsonLength));
    }
    if (std::string e = checkParsed(model); !e.empty()) {
        return fail(e);
    }
    if (std::string e = gltf::validateModel(model); !e.empty()) {
        return fail(e);
    }

    Scene scene;
    scene.sourcePath = file;
    gltf::Warnings warnings(scene.warnings);
    addWarnings(model, warn, warnings);
    if (std::string e = gltf::convertMeshes(model, scene, warnings); !e.empty()) {
        return fail(e);
    }
    gltf::convertMaterials(model, scene, warnings);
    gltf::convertLevels(model, scene, warnings);
    if (std::string e = gltf::convertNodes(model, scene); !e.empty()) {
        return fail(e);
    }
    return LoadResult{std::move(scene), {}};
}

}  // namespace ct::scene
