// Helpers for tests that write small glTF files on the fly: a scratch directory, a byte
// buffer that keeps glTF's 4-byte alignment, base64 data URIs, and a hand-built GLB.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace ct::test {

class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("ct_scene_test_" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    std::filesystem::path write(const std::filesystem::path& name, const std::string& contents) const {
        const auto file = path_ / name;
        std::ofstream(file, std::ios::binary) << contents;
        return file;
    }
    std::filesystem::path write(const std::filesystem::path& name, const std::vector<std::uint8_t>& bytes) const {
        return write(name, std::string(bytes.begin(), bytes.end()));
    }

private:
    std::filesystem::path path_;
};

// Bytes of a glTF buffer. add() appends values and pads to 4 bytes, returning the offset the
// values start at, which is what the JSON's byteOffset needs.
struct Bytes {
    std::vector<std::uint8_t> data;

    template <class T>
    std::size_t add(std::initializer_list<T> values) {
        const std::size_t offset = data.size();
        for (const T& v : values) {
            std::uint8_t raw[sizeof(T)];
            std::memcpy(raw, &v, sizeof(T));
            data.insert(data.end(), raw, raw + sizeof(T));
        }
        while (data.size() % 4 != 0) {
            data.push_back(0);
        }
        return offset;
    }
};

inline std::string base64(const std::vector<std::uint8_t>& in) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8) | in[i + 2];
        out += {table[n >> 18], table[(n >> 12) & 63], table[(n >> 6) & 63], table[n & 63]};
    }
    if (i + 1 == in.size()) {
        const std::uint32_t n = std::uint32_t{in[i]} << 16;
        out += {table[n >> 18], table[(n >> 12) & 63], '=', '='};
    } else if (i + 2 == in.size()) {
        const std::uint32_t n = (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8);
        out += {table[n >> 18], table[(n >> 12) & 63], table[(n >> 6) & 63], '='};
    }
    return out;
}

inline std::string dataUri(const std::vector<std::uint8_t>& bytes) {
    return "data:application/octet-stream;base64," + base64(bytes);
}

// A complete glTF document: `body` supplies everything but the asset and the single buffer.
inline std::string gltfJson(const std::string& body, const std::string& bufferUri, std::size_t byteLength) {
    return R"({"asset":{"version":"2.0"},"buffers":[{"uri":")" + bufferUri + R"(","byteLength":)" +
           std::to_string(byteLength) + "}]," + body + "}";
}

inline std::string gltfJson(const std::string& body, const Bytes& bin) {
    return gltfJson(body, dataUri(bin.data), bin.data.size());
}

// GLB container: 12-byte header, a JSON chunk padded with spaces, a BIN chunk padded with zeros.
inline std::vector<std::uint8_t> makeGlb(std::string json, std::vector<std::uint8_t> bin) {
    while (json.size() % 4 != 0) {
        json += ' ';
    }
    while (bin.size() % 4 != 0) {
        bin.push_back(0);
    }
    std::vector<std::uint8_t> out;
    auto u32 = [&](std::uint32_t v) {
        for (int b = 0; b < 4; ++b) {
            out.push_back(static_cast<std::uint8_t>(v >> (8 * b)));
        }
    };
    const auto total = static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.size());
    out.insert(out.end(), {'g', 'l', 'T', 'F'});
    u32(2);
    u32(total);
    u32(static_cast<std::uint32_t>(json.size()));
    out.insert(out.end(), {'J', 'S', 'O', 'N'});
    out.insert(out.end(), json.begin(), json.end());
    u32(static_cast<std::uint32_t>(bin.size()));
    out.insert(out.end(), {'B', 'I', 'N', 0});
    out.insert(out.end(), bin.begin(), bin.end());
    return out;
}

}  // namespace ct::test
