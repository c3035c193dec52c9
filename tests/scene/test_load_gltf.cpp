// The Khronos sample models in CT_KHRONOS_SAMPLES_DIR: files nobody on this project wrote, each
// exercising one feature, checked against values read from the files themselves.
#include "scene/load_gltf.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using ct::scene::loadGltf;
using ct::scene::Scene;

namespace {

Scene loadSample(const char* name) {
    const auto result = loadGltf(std::filesystem::path(CT_KHRONOS_SAMPLES_DIR) / name);
    INFO(result.error);
    REQUIRE(result.ok());
    return *result.scene;
}

bool hasWarning(const Scene& scene, const char* text) {
    return std::any_of(scene.warnings.begin(), scene.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("every Khronos sample loads", "[scene][samples]") {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(CT_KHRONOS_SAMPLES_DIR)) {
        if (entry.path().extension() != ".gltf") {
            continue;
        }
        const auto result = loadGltf(entry.path());
        INFO(entry.path().filename().string() << ": " << result.error);
        CHECK(result.ok());
        CHECK(result.scene->sourcePath == entry.path().string());
        ++count;
    }
    CHECK(count == 9);
}

TEST_CASE("Triangle: one indexed triangle without normals gets a flat +Z normal", "[scene][samples]") {
    const Scene s = loadSample("Triangle.gltf");
    REQUIRE(s.meshes.size() == 1);
    REQUIRE(s.meshes[0].primitives.size() == 1);
    const auto& p = s.meshes[0].primitives[0];
    CHECK(p.vertices.size() == 3);
    CHECK(p.indices == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(p.vertices[1].position == glm::vec3(1, 0, 0));
    CHECK(p.vertices[2].position == glm::vec3(0, 1, 0));
    for (const auto& v : p.vertices) {
        CHECK(v.normal == glm::vec3(0, 0, 1));
    }
    CHECK(p.material == -1);
    CHECK_FALSE(p.hasTangents);
    CHECK(s.roots == std::vector<int>{0});
    CHECK(s.bounds.min == glm::vec3(0, 0, 0));
    CHECK(s.bounds.max == glm::vec3(1, 1, 0));
}

TEST_CASE("TriangleWithoutIndices: indices are generated", "[scene][samples]") {
    const Scene s = loadSample("TriangleWithoutIndices.gltf");
    const auto& p = s.meshes.at(0).primitives.at(0);
    CHECK(p.indices == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(p.vertices.size() == 3);
}

TEST_CASE("SimpleSparseAccessor: sparse values replace the base positions", "[scene][samples]") {
    const Scene s = loadSample("SimpleSparseAccessor.gltf");
    const auto& p = s.meshes.at(0).primitives.at(0);
    REQUIRE(p.indices.size() == 36);
    // Positions are de-indexed (no normals in the file), so look for the substituted values.
    auto has = [&](glm::vec3 q) {
        return std::any_of(p.vertices.begin(), p.vertices.end(), [&](const auto& v) { return v.position == q; });
    };
    CHECK(has({1, 2, 0}));  // sparse index 8
    CHECK(has({3, 3, 0}));  // sparse index 10
    CHECK(has({5, 4, 0}));  // sparse index 12
    CHECK(s.bounds.max == glm::vec3(6, 4, 0));
}

TEST_CASE("BoxTextured: the PNG becomes a 256x256 RGBA8 image with its sampler", "[scene][samples]") {
    const Scene s = loadSample("BoxTextured.gltf");
    REQUIRE(s.images.size() == 1);
    CHECK(s.images[0].width == 256);
    CHECK(s.images[0].height == 256);
    REQUIRE(s.images[0].rgba8.size() == 256u * 256u * 4u);
    CHECK(s.images[0].rgba8[3] == 255);  // RGB source: alpha filled opaque
    REQUIRE(s.samplers.size() == 1);
    CHECK(s.samplers[0].magFilter == ct::scene::Filter::Linear);
    CHECK(s.samplers[0].minFilter == ct::scene::Filter::Nearest);  // 9986 NEAREST_MIPMAP_LINEAR
    CHECK(s.samplers[0].mipmapMode == ct::scene::MipmapMode::Linear);
    CHECK(s.samplers[0].wrapS == ct::scene::Wrap::Repeat);
    REQUIRE(s.textures.size() == 1);
    CHECK(s.textures[0].image == 0);
    CHECK(s.textures[0].sampler == 0);
    REQUIRE(s.materials.size() == 1);
    CHECK(s.materials[0].baseColorTexture.texture == 0);
    CHECK(s.materials[0].metallicFactor == 0.0f);
    CHECK(s.materials[0].name == "Texture");
    // Root matrix turns +Y into -Z: the child box's world is that matrix.
    CHECK(s.nodes.at(1).world[1] == glm::vec4(0, 0, -1, 0));
    CHECK(s.meshes.at(0).primitives.at(0).vertices.at(0).uv0 != glm::vec2(0.0f));
}

TEST_CASE("BoxVertexColors: VEC3 colours read with alpha 1", "[scene][samples]") {
    const Scene s = loadSample("BoxVertexColors.gltf");
    const auto& v = s.meshes.at(0).primitives.at(0).vertices;
    REQUIRE(v.size() == 24);
    CHECK(v[0].color == glm::vec4(0, 0, 0, 1));
    CHECK(v[1].color == glm::vec4(1, 0, 0, 1));
}

TEST_CASE("SimpleMeshes: two nodes share one mesh, bounds cover both", "[scene][samples]") {
    const Scene s = loadSample("SimpleMeshes.gltf");
    REQUIRE(s.nodes.size() == 2);
    CHECK(s.meshes.size() == 1);
    CHECK(s.nodes[0].mesh == 0);
    CHECK(s.nodes[1].mesh == 0);
    CHECK(s.nodes[1].world[3] == glm::vec4(1, 0, 0, 1));
    CHECK(s.bounds.min.x == 0.0f);
    CHECK(s.bounds.max.x == 2.0f);
}

TEST_CASE("SimpleMorph and AnimatedTriangle load in rest pose with one warning each kind", "[scene][samples]") {
    const Scene morph = loadSample("SimpleMorph.gltf");
    CHECK(hasWarning(morph, "morph"));
    CHECK(hasWarning(morph, "animation"));
    CHECK(std::count_if(morph.warnings.begin(), morph.warnings.end(),
                        [](const std::string& w) { return w.find("morph") != std::string::npos; }) == 1);
    const Scene animated = loadSample("AnimatedTriangle.gltf");
    CHECK(hasWarning(animated, "animation"));
    CHECK(animated.meshes.at(0).primitives.at(0).vertices.size() == 3);
}

TEST_CASE("Cameras: a perspective and an orthographic camera, both placed", "[scene][samples]") {
    const Scene s = loadSample("Cameras.gltf");
    REQUIRE(s.cameras.size() == 2);
    CHECK(s.cameras[0].perspective);
    CHECK(s.cameras[0].yfov == Approx(0.7f));
    CHECK(s.cameras[0].aspectRatio == 1.0f);
    CHECK(s.cameras[0].znear == Approx(0.01f));
    CHECK(s.cameras[0].zfar == 100.0f);
    CHECK_FALSE(s.cameras[1].perspective);
    CHECK(s.cameras[1].xmag == 1.0f);
    REQUIRE(s.placedCameras.size() == 2);
    CHECK(s.placedCameras[0].node == 1);
    CHECK(s.placedCameras[0].camera == 0);
    CHECK(s.placedCameras[1].node == 2);
    CHECK(s.placedCameras[1].camera == 1);
    CHECK(s.nodes[1].world[3] == glm::vec4(0.5f, 0.5f, 3.0f, 1.0f));
}
