// Puts a serialized binary glTF on disk, checking every step: tinygltf's own file writer does not
// look at the stream after writing, so a full disk or a vanished folder would pass unseen.
#include "scene/gltf_output.h"

#include "scene/write_gltf.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <system_error>

namespace ct::scene::gltf {

namespace {

namespace fs = std::filesystem;

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string systemMessage(int error) {
    return error != 0 ? std::generic_category().message(error) : "unknown error";
}

// Opens `file` for appending (so an existing file is not cut short by the check) and removes it
// again if it was not there before.
std::string openableForWriting(const fs::path& file) {
    std::error_code ec;
    if (fs::is_directory(file, ec)) return "is a folder";
    const bool existed = fs::exists(file, ec);
    errno = 0;
    std::ofstream probe(file, std::ios::binary | std::ios::app);
    if (!probe) return "cannot be opened for writing (" + systemMessage(errno) + ")";
    probe.close();
    if (!existed) fs::remove(file, ec);
    return {};
}

std::string writeBytes(const fs::path& file, const unsigned char* data, std::size_t size) {
    errno = 0;
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot be opened for writing (" + systemMessage(errno) + ")";
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) return "could not be written in full (" + systemMessage(errno) + ")";
    return {};
}

std::uint32_t word(const std::vector<unsigned char>& bytes, std::size_t offset) {
    std::uint32_t v = 0;
    std::memcpy(&v, bytes.data() + offset, 4);
    return v;
}

// A file name as a URI reference (RFC 3986): everything but the unreserved characters
// percent-encoded, so a space or a non-ASCII name survives every reader.
std::string uriOf(const std::string& name) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : name) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// The GLB's JSON with buffer 0 pointed at the .bin, and the BIN chunk's bytes (byteLength of
// them, without the chunk's padding) written to it.
std::string writeGltfWithBin(const std::vector<unsigned char>& glb, const fs::path& path, std::uintmax_t& bytes) {
    const std::size_t jsonLength = word(glb, 12);
    nlohmann::json doc =
        nlohmann::json::parse(glb.begin() + 20, glb.begin() + 20 + static_cast<std::ptrdiff_t>(jsonLength));
    const fs::path bin = binPathOf(path);
    if (doc.contains("buffers") && !doc["buffers"].empty()) {
        const std::size_t binStart = 20 + jsonLength + 8;
        const std::size_t byteLength = doc["buffers"][0]["byteLength"].get<std::size_t>();
        doc["buffers"][0]["uri"] = uriOf(bin.filename().string());
        if (std::string e = writeBytes(bin, glb.data() + binStart, byteLength); !e.empty())
            return bin.string() + " " + e;
        bytes += byteLength;
    }
    const std::string json = doc.dump(1) + "\n";
    if (std::string e = writeBytes(path, reinterpret_cast<const unsigned char*>(json.data()), json.size()); !e.empty())
        return e;
    bytes += json.size();
    return {};
}

}  // namespace

bool outputFormatOf(const fs::path& path, OutputFormat& format) {
    const std::string extension = lowercase(path.extension().string());
    if (extension == ".glb") {
        format = OutputFormat::Glb;
        return true;
    }
    if (extension == ".gltf") {
        format = OutputFormat::GltfWithBin;
        return true;
    }
    return false;
}

fs::path binPathOf(const fs::path& path) {
    fs::path bin = path;
    bin.replace_extension(".bin");
    return bin;
}

std::string writeOutput(const std::vector<unsigned char>& glb, const fs::path& path, OutputFormat format,
                        std::uintmax_t& bytes) {
    bytes = 0;
    if (format == OutputFormat::GltfWithBin) return writeGltfWithBin(glb, path, bytes);
    if (std::string e = writeBytes(path, glb.data(), glb.size()); !e.empty()) return e;
    bytes = glb.size();
    return {};
}

}  // namespace ct::scene::gltf

namespace ct::scene {

std::string gltfOutputProblem(const std::filesystem::path& path) {
    gltf::OutputFormat format{};
    if (!gltf::outputFormatOf(path, format))
        return "not a glTF file name: end it in .glb (one binary file) or .gltf (with a .bin beside it)";
    if (path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) return "cannot make the folder " + path.parent_path().string() + " (" + ec.message() + ")";
    }
    if (std::string e = gltf::openableForWriting(path); !e.empty()) return e;
    if (format == gltf::OutputFormat::GltfWithBin) {
        const std::filesystem::path bin = gltf::binPathOf(path);
        if (std::string e = gltf::openableForWriting(bin); !e.empty())
            return "its buffer file " + bin.string() + " " + e;
    }
    return {};
}

}  // namespace ct::scene
