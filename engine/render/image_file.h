// PNG files in and out (stb). Errors come back as a message naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ct::render {

struct RgbaImage {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba;  // rows top to bottom
};

// Returns an empty string on success, else "<path>: <what went wrong>".
std::string writePng(const std::filesystem::path& path, const RgbaImage& image);
// Returns an empty string on success, else "<path>: <what went wrong>".
std::string readPng(const std::filesystem::path& path, RgbaImage& image);

}  // namespace ct::render
