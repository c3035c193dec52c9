// Every file in tests/data/bad must be refused with one line that names the file and says
// what is wrong; expected.tsv pairs each file with a substring of that line. The same manifest
// drives the `campus-twin view` exit-code test, so keep it the single list of bad inputs.
#include "scene/load_gltf.h"
#include "support/expected_cases.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace {

const std::filesystem::path kBadDir = std::filesystem::path(CT_TEST_DATA_DIR) / "bad";

std::vector<ct::test::ExpectedCase> readManifest() {
    return ct::test::readExpectedCases((kBadDir / "expected.tsv").string());
}

}  // namespace

TEST_CASE("the bad-input manifest lists every broken file", "[scene][bad]") {
    const auto cases = readManifest();
    REQUIRE(cases.size() >= 12);
    for (const auto& entry : std::filesystem::directory_iterator(kBadDir)) {
        const std::string name = entry.path().filename().string();
        const auto ext = entry.path().extension();
        if (ext != ".gltf" && ext != ".glb") {
            continue;  // .bin side files and the manifest itself
        }
        const bool listed = std::any_of(cases.begin(), cases.end(), [&](const auto& c) { return c.file == name; });
        INFO(name);
        CHECK(listed);
    }
}

TEST_CASE("every bad file is refused with one line naming the file and the fault", "[scene][bad]") {
    for (const auto& [name, expected] : readManifest()) {
        const std::filesystem::path path = kBadDir / name;
        const ct::scene::LoadResult result = ct::scene::loadGltf(path);
        INFO(name << " -> " << result.error);
        CHECK_FALSE(result.ok());
        CHECK(result.error.rfind(path.string() + ": ", 0) == 0);
        CHECK(result.error.find(expected) != std::string::npos);
        CHECK(result.error.find('\n') == std::string::npos);
        CHECK(result.error.find('\r') == std::string::npos);
    }
}

TEST_CASE("a bad file given by a relative path is named as given", "[scene][bad]") {
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(kBadDir);
    const auto result = ct::scene::loadGltf("node_cycle.gltf");
    std::filesystem::current_path(previous);
    CHECK_FALSE(result.ok());
    CHECK(result.error.rfind("node_cycle.gltf: ", 0) == 0);
}
