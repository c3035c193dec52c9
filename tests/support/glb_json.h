// The JSON chunk of a binary glTF (.glb) file, for tests that check what a writer put in it.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace ct::test {

inline nlohmann::json glbJson(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() >= 20);  // the 12-byte header and the JSON chunk's 8-byte header
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + 12, 4);
    REQUIRE(bytes.size() >= 20 + std::size_t{length});
    return nlohmann::json::parse(bytes.begin() + 20, bytes.begin() + 20 + length);
}

}  // namespace ct::test
