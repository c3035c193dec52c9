// The Khronos sample models (tests/data/khronos, with their licences): a conformance set nobody here wrote. Each
// must load and render with validation clean and something on screen.
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <filesystem>

TEST_CASE("every Khronos sample model renders", "[render][samples]") {
    const std::filesystem::path dir = CT_KHRONOS_SAMPLES_DIR;
    REQUIRE(std::filesystem::is_directory(dir));
    ct::test::RenderHarness harness(128, 128);
    int rendered = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".gltf" && entry.path().extension() != ".glb") continue;
        INFO(entry.path().filename().string());
        const auto frame = harness.render(entry.path(), "");
        std::size_t covered = 0;
        for (const auto& id : frame.ids)
            covered += id.x != 0;
        CHECK(covered > 0);
        CHECK(harness.context().validationCounts().total() == 0);
        ++rendered;
    }
    CHECK(rendered >= 9);
}

TEST_CASE("a glTF camera from the file is usable as a named view", "[render][samples]") {
    ct::test::RenderHarness harness(128, 128);
    const std::filesystem::path file = std::filesystem::path(CT_KHRONOS_SAMPLES_DIR) / "Cameras.gltf";
    ct::scene::LoadResult loaded = ct::scene::loadGltf(file);
    REQUIRE(loaded.ok());
    REQUIRE(loaded.scene->placedCameras.size() == 2);
    for (std::size_t i = 0; i < loaded.scene->placedCameras.size(); ++i) {
        const auto frame =
            harness.render(*loaded.scene, ct::render::cameraFromScene(*loaded.scene, static_cast<int>(i)));
        std::size_t covered = 0;
        for (const auto& id : frame.ids)
            covered += id.x != 0;
        INFO("camera " << i);
        CHECK(covered > 0);
    }
    CHECK(harness.context().validationCounts().total() == 0);
}
