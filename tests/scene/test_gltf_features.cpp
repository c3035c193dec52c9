// Small glTF files written on the fly, one feature each, so every number asserted is one the
// test itself put in the file.
#include "gltf_test_files.h"
#include "scene/load_gltf.h"
#include "scene/scene_composer.h"

#include <catch2/catch.hpp>

#include <algorithm>

using ct::scene::loadGltf;
using ct::scene::Scene;
using ct::test::Bytes;
using ct::test::gltfJson;
using ct::test::ScratchDir;

namespace {

Scene load(const std::filesystem::path& file) {
    const auto result = loadGltf(file);
    INFO(result.error);
    REQUIRE(result.ok());
    return *result.scene;
}

// A triangle in the XY plane (counter-clockwise seen from +Z) plus whatever `extra` JSON adds.
// Buffer layout: positions at 0 (36 bytes).
std::string triangleScene(const std::string& nodes, const std::string& extra = "") {
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    return gltfJson(R"("scenes":[{"nodes":[0]}],"nodes":)" + nodes +
                        R"(,"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                        R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
                        R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}])" +
                        extra,
                    b);
}

bool approxEqual(const glm::mat4& a, const glm::mat4& b) {
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            if (std::abs(a[c][r] - b[c][r]) > 1e-5f) {
                return false;
            }
        }
    }
    return true;
}

int countWarnings(const Scene& s, const char* text) {
    return static_cast<int>(std::count_if(s.warnings.begin(), s.warnings.end(),
                                          [&](const std::string& w) { return w.find(text) != std::string::npos; }));
}

}  // namespace

TEST_CASE("UNSIGNED_BYTE indices are widened to uint32", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    const auto idx = b.add<std::uint8_t>({0, 1, 2, 2, 1, 3});
    const auto pos = b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0});
    const auto file = dir.write(
        "quad.gltf", gltfJson(R"("nodes":[{"mesh":0}],)"
                              R"("meshes":[{"primitives":[{"attributes":{"POSITION":1,"NORMAL":2},"indices":0}]}],)"
                              R"("bufferViews":[{"buffer":0,"byteOffset":)" +
                                  std::to_string(idx) +
                                  R"(,"byteLength":6},)"
                                  R"({"buffer":0,"byteOffset":)" +
                                  std::to_string(pos) +
                                  R"(,"byteLength":48}],)"
                                  R"("accessors":[{"bufferView":0,"componentType":5121,"count":6,"type":"SCALAR"},)"
                                  R"({"bufferView":1,"componentType":5126,"count":4,"type":"VEC3"},)"
                                  R"({"bufferView":1,"componentType":5126,"count":4,"type":"VEC3"}])",
                              b));
    const Scene s = load(file);
    const auto& p = s.meshes.at(0).primitives.at(0);
    CHECK(p.indices == std::vector<std::uint32_t>{0, 1, 2, 2, 1, 3});
    CHECK(p.vertices.size() == 4);
    CHECK(s.roots == std::vector<int>{0});  // no scenes: every parentless node
}

TEST_CASE("TRS and the equivalent matrix give the same world matrix", "[scene][gltf]") {
    ScratchDir dir;
    // 90 degrees about +Y maps +X to -Z; scale 2; translate (1,2,3).
    const auto file = dir.write(
        "trs.gltf",
        triangleScene(R"([{"mesh":0,"translation":[1,2,3],"rotation":[0,0.70710678,0,0.70710678],"scale":[2,2,2]},)"
                      R"({"mesh":0,"matrix":[0,0,-2,0, 0,2,0,0, 2,0,0,0, 1,2,3,1]}])"));
    const Scene s = load(file);
    CHECK(approxEqual(s.nodes[0].world, s.nodes[1].world));
    CHECK(glm::distance(glm::vec3(s.nodes[0].world * glm::vec4(1, 0, 0, 1)), glm::vec3(1, 2, 1)) < 1e-5f);
}

TEST_CASE("a child's world matrix is parent world times child local", "[scene][gltf]") {
    ScratchDir dir;
    const auto file = dir.write(
        "tree.gltf",
        triangleScene(
            R"([{"children":[1],"translation":[1,0,0],"scale":[2,2,2]},{"children":[2],"translation":[0,1,0]},)"
            R"({"mesh":0,"translation":[0,0,1]}])"));
    const Scene s = load(file);
    CHECK(s.nodes[1].parent == 0);
    CHECK(s.nodes[2].parent == 1);
    CHECK(s.nodes[0].children == std::vector<int>{1});
    CHECK(glm::vec3(s.nodes[2].world[3]) == glm::vec3(1, 2, 2));
    CHECK(s.bounds.min == glm::vec3(1, 2, 2));
    CHECK(s.bounds.max == glm::vec3(3, 4, 2));
}

TEST_CASE("a negative scale keeps the world determinant negative", "[scene][gltf]") {
    ScratchDir dir;
    const auto file = dir.write("mirror.gltf", triangleScene(R"([{"mesh":0,"scale":[-1,1,1]}])"));
    const Scene s = load(file);
    CHECK(glm::determinant(s.nodes[0].world) == Approx(-1.0f));
    CHECK(s.bounds.min.x == -1.0f);
}

TEST_CASE("interleaved positions and normals are read through byteStride", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 1, 0, 0, 3, 0, 1, 0, 0});
    const auto file =
        dir.write("interleaved.gltf",
                  gltfJson(R"("nodes":[{"mesh":0}],)"
                           R"("meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":1}}]}],)"
                           R"("bufferViews":[{"buffer":0,"byteLength":72,"byteStride":24}],)"
                           R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},)"
                           R"({"bufferView":0,"byteOffset":12,"componentType":5126,"count":3,"type":"VEC3"}])",
                           b));
    const Scene s = load(file);
    const auto& v = s.meshes.at(0).primitives.at(0).vertices;
    REQUIRE(v.size() == 3);
    CHECK(v[1].position == glm::vec3(2, 0, 0));
    CHECK(v[2].position == glm::vec3(0, 3, 0));
    CHECK(v[0].normal == glm::vec3(0, 0, 1));
    CHECK(v[1].normal == glm::vec3(0, 1, 0));
    CHECK(v[2].normal == glm::vec3(1, 0, 0));
}

TEST_CASE("normalized ubyte colours and ushort texcoords land in [0,1]", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    const auto pos = b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    const auto col = b.add<std::uint8_t>({255, 0, 51, 255, 0, 255, 0, 128, 0, 0, 255, 0});
    const auto uv = b.add<std::uint16_t>({65535, 0, 0, 65535, 32768, 0});
    const auto sh = b.add<std::int16_t>({-32767, 32767, 0, 0, 0, 0});
    auto view = [](std::size_t off, std::size_t len) {
        return R"({"buffer":0,"byteOffset":)" + std::to_string(off) + R"(,"byteLength":)" + std::to_string(len) + "}";
    };
    const auto file = dir.write(
        "quantized.gltf",
        gltfJson(
            R"("nodes":[{"mesh":0}],)"
            R"("meshes":[{"primitives":[{"attributes":{"POSITION":0,"COLOR_0":1,"TEXCOORD_0":2,"TEXCOORD_1":3}}]}],)"
            R"("bufferViews":[)" +
                view(pos, 36) + "," + view(col, 12) + "," + view(uv, 12) + "," + view(sh, 12) +
                "],"
                R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},)"
                R"({"bufferView":1,"componentType":5121,"normalized":true,"count":3,"type":"VEC4"},)"
                R"({"bufferView":2,"componentType":5123,"normalized":true,"count":3,"type":"VEC2"},)"
                R"({"bufferView":3,"componentType":5122,"normalized":true,"count":3,"type":"VEC2"}])",
            b));
    const Scene s = load(file);
    const auto& v = s.meshes.at(0).primitives.at(0).vertices;
    REQUIRE(v.size() == 3);  // flat normals de-index, but one triangle keeps its order
    CHECK(v[0].color == glm::vec4(1, 0, 0.2f, 1));
    CHECK(v[1].color.y == 1.0f);
    CHECK(v[1].color.w == Approx(128.0f / 255.0f));
    CHECK(v[0].uv0 == glm::vec2(1, 0));
    CHECK(v[1].uv0 == glm::vec2(0, 1));
    CHECK(v[2].uv0.x == Approx(32768.0f / 65535.0f));
    CHECK(v[0].uv1 == glm::vec2(-1, 1));
}

TEST_CASE("missing normals become flat normals facing the winding's front", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    const auto idx = b.add<std::uint16_t>({0, 1, 2, 0, 2, 3});
    const auto pos = b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1});
    const auto file = dir.write(
        "flat.gltf", gltfJson(R"("nodes":[{"mesh":0}],)"
                              R"("meshes":[{"primitives":[{"attributes":{"POSITION":1},"indices":0}]}],)"
                              R"("bufferViews":[{"buffer":0,"byteOffset":)" +
                                  std::to_string(idx) +
                                  R"(,"byteLength":12},)"
                                  R"({"buffer":0,"byteOffset":)" +
                                  std::to_string(pos) +
                                  R"(,"byteLength":48}],)"
                                  R"("accessors":[{"bufferView":0,"componentType":5123,"count":6,"type":"SCALAR"},)"
                                  R"({"bufferView":1,"componentType":5126,"count":4,"type":"VEC3"}])",
                              b));
    const Scene s = load(file);
    const auto& p = s.meshes.at(0).primitives.at(0);
    REQUIRE(p.vertices.size() == 6);  // each triangle owns its corners
    CHECK(p.indices == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5});
    for (int i = 0; i < 3; ++i) {
        CHECK(p.vertices[static_cast<std::size_t>(i)].normal == glm::vec3(0, 0, 1));      // (0,1,2): CCW from +Z
        CHECK(p.vertices[static_cast<std::size_t>(i + 3)].normal == glm::vec3(1, 0, 0));  // (0,2,3): CCW from +X
    }
}

TEST_CASE("triangle strips and fans become triangle lists", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 2, 1, 0});
    auto primitive = [&](int mode) {
        const auto file =
            dir.write("mode" + std::to_string(mode) + ".gltf",
                      gltfJson(R"("nodes":[{"mesh":0}],)"
                               R"("meshes":[{"primitives":[{"attributes":{"POSITION":0,"NORMAL":0},"mode":)" +
                                   std::to_string(mode) +
                                   R"(}]}],"bufferViews":[{"buffer":0,"byteLength":60}],)"
                                   R"("accessors":[{"bufferView":0,"componentType":5126,"count":5,"type":"VEC3"}])",
                               b));
        return load(file).meshes.at(0).primitives.at(0);
    };
    CHECK(primitive(5).indices == std::vector<std::uint32_t>{0, 1, 2, 1, 3, 2, 2, 3, 4});
    CHECK(primitive(6).indices == std::vector<std::uint32_t>{1, 2, 0, 2, 3, 0, 3, 4, 0});
}

TEST_CASE("POINTS and LINES primitives are skipped with one warning", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    const auto file = dir.write(
        "lines.gltf",
        gltfJson(
            R"("nodes":[{"mesh":0}],)"
            R"("meshes":[{"primitives":[{"attributes":{"POSITION":0},"mode":0},{"attributes":{"POSITION":0},"mode":1},)"
            R"({"attributes":{"POSITION":0}}]}],"bufferViews":[{"buffer":0,"byteLength":36}],)"
            R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}])",
            b));
    const Scene s = load(file);
    CHECK(s.meshes.at(0).primitives.size() == 1);
    CHECK(countWarnings(s, "POINTS and LINES") == 1);
}

TEST_CASE("a sparse accessor without a bufferView starts from zeros", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    const auto idx = b.add<std::uint8_t>({2});
    const auto val = b.add<float>({0, 5, 0});
    const auto file = dir.write(
        "sparse.gltf", gltfJson(R"("nodes":[{"mesh":0}],)"
                                R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                                R"("bufferViews":[{"buffer":0,"byteOffset":)" +
                                    std::to_string(idx) +
                                    R"(,"byteLength":1},)"
                                    R"({"buffer":0,"byteOffset":)" +
                                    std::to_string(val) +
                                    R"(,"byteLength":12}],)"
                                    R"("accessors":[{"componentType":5126,"count":3,"type":"VEC3","sparse":{"count":1,)"
                                    R"("indices":{"bufferView":0,"componentType":5121},"values":{"bufferView":1}}}])",
                                b));
    const Scene s = load(file);
    const auto& v = s.meshes.at(0).primitives.at(0).vertices;
    REQUIRE(v.size() == 3);
    CHECK(v[0].position == glm::vec3(0));
    CHECK(v[2].position == glm::vec3(0, 5, 0));
}

TEST_CASE("EXT_mesh_gpu_instancing gives one matrix per instance and bounds cover all", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    const auto pos = b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    const auto tr = b.add<float>({0, 0, 0, 10, 0, 0, 20, 0, 0});
    const auto rot = b.add<std::int16_t>({0, 0, 0, 32767, 0, 0, 0, 32767, 0, 0, 32767, 0});  // last: 180 about Z
    const auto file = dir.write(
        "instances.gltf",
        gltfJson(R"("extensionsUsed":["EXT_mesh_gpu_instancing"],"nodes":[{"mesh":0,"translation":[0,0,5],)"
                 R"("extensions":{"EXT_mesh_gpu_instancing":{"attributes":{"TRANSLATION":1,"ROTATION":2}}}}],)"
                 R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                 R"("bufferViews":[{"buffer":0,"byteOffset":)" +
                     std::to_string(pos) +
                     R"(,"byteLength":36},)"
                     R"({"buffer":0,"byteOffset":)" +
                     std::to_string(tr) +
                     R"(,"byteLength":36},)"
                     R"({"buffer":0,"byteOffset":)" +
                     std::to_string(rot) +
                     R"(,"byteLength":24}],)"
                     R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"},)"
                     R"({"bufferView":1,"componentType":5126,"count":3,"type":"VEC3"},)"
                     R"({"bufferView":2,"componentType":5122,"normalized":true,"count":3,"type":"VEC4"}])",
                 b));
    const Scene s = load(file);
    REQUIRE(s.nodes[0].instances.size() == 3);
    CHECK(glm::vec3(s.nodes[0].instances[1][3]) == glm::vec3(10, 0, 0));
    CHECK(glm::vec3(s.nodes[0].instances[2] * glm::vec4(1, 0, 0, 1)).x == Approx(19.0f));
    CHECK(s.bounds.min.x == Approx(0.0f));
    CHECK(s.bounds.min.y == Approx(-1.0f));  // the rotated instance points down
    CHECK(s.bounds.max.x == Approx(20.0f));
    CHECK(s.bounds.min.z == Approx(5.0f));
    CHECK(s.warnings.empty());  // a supported extension is not warned about
}

TEST_CASE("an unsupported required extension is refused, an optional one warned once", "[scene][gltf]") {
    ScratchDir dir;
    const auto required = dir.write(
        "required.gltf",
        triangleScene(R"([{"mesh":0}])", R"(,"extensionsUsed":["EXT_foo"],"extensionsRequired":["EXT_foo"])"));
    const auto result = loadGltf(required);
    CHECK_FALSE(result.ok());
    CHECK(result.error == required.string() + ": requires unsupported extension EXT_foo");

    const auto optional = dir.write(
        "optional.gltf", triangleScene(R"([{"mesh":0}])",
                                       R"(,"extensionsUsed":["EXT_foo","EXT_foo","KHR_materials_emissive_strength"])"));
    const Scene s = load(optional);
    CHECK(countWarnings(s, "EXT_foo") == 1);
    CHECK(countWarnings(s, "KHR_materials_emissive_strength") == 0);
    CHECK(ct::scene::isSupportedExtension("EXT_mesh_gpu_instancing"));
    CHECK_FALSE(ct::scene::isSupportedExtension("KHR_texture_transform"));
}

TEST_CASE("external buffers with percent-encoded and Unicode names", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    const std::string body = R"("nodes":[{"mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                             R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
                             R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}])";
    dir.write("my buffer.bin", b.data);
    const Scene spaced = load(dir.write("spaced.gltf", gltfJson(body, "my%20buffer.bin", 36)));
    CHECK(spaced.meshes.at(0).primitives.at(0).vertices.at(1).position == glm::vec3(1, 0, 0));

    dir.write(u8"дата_ß.bin", b.data);
    const auto unicode = dir.write(u8"модель_ü.gltf", gltfJson(body, "дата_ß.bin", 36));
    const Scene u = load(unicode);
    CHECK(u.meshes.at(0).primitives.at(0).vertices.at(2).position == glm::vec3(0, 1, 0));
}

TEST_CASE(".glb loads, and is recognised by its magic under another extension", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 3, 0, 0, 0, 3, 0});
    const std::string json = R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":36}],)"
                             R"("nodes":[{"mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
                             R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
                             R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}]})";
    const auto glb = ct::test::makeGlb(json, b.data);
    for (const char* name : {"box.glb", "box_renamed.gltf"}) {
        const Scene s = load(dir.write(name, glb));
        CHECK(s.meshes.at(0).primitives.at(0).vertices.at(1).position == glm::vec3(3, 0, 0));
        CHECK(s.bounds.max == glm::vec3(3, 3, 0));
    }
}

TEST_CASE("defaultScene picks the displayed roots", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    const auto file = dir.write(
        "scenes.gltf",
        gltfJson(
            R"("scene":1,"scenes":[{"nodes":[0]},{"nodes":[1]}],"nodes":[{"mesh":0},{"mesh":0,"translation":[0,0,7]}],)"
            R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],"bufferViews":[{"buffer":0,"byteLength":36}],)"
            R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}])",
            b));
    const Scene s = load(file);
    CHECK(s.roots == std::vector<int>{1});
    CHECK(s.bounds.min.z == 7.0f);  // only the displayed scene counts
}

// Two triangles, and one of them alone as the coarser level of node 0 (MSFT_lod); `extras` are
// node 0's.
std::string levelledScene(const std::string& extras) {
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0});
    return gltfJson(R"("extensionsUsed":["MSFT_lod"],"scenes":[{"nodes":[0]}],)"
                    R"("nodes":[{"mesh":0,"extensions":{"MSFT_lod":{"ids":[1]}},"extras":)" +
                        extras +
                        R"(},{"mesh":1,"name":"level"}],)"
                        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0}}]},)"
                        R"({"primitives":[{"attributes":{"POSITION":1}}]}],)"
                        R"("bufferViews":[{"buffer":0,"byteLength":72}],)"
                        R"("accessors":[{"bufferView":0,"componentType":5126,"count":6,"type":"VEC3"},)"
                        R"({"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}])",
                    b);
}

TEST_CASE("MSFT_lod levels become the mesh's levels with their errors, files without load as before",
          "[scene][gltf][lod]") {
    ScratchDir dir;
    const Scene s =
        load(dir.write("levels.gltf", levelledScene(R"({"MSFT_screencoverage":[0.5,0],"lod_error_m":[0,0.25]})")));
    REQUIRE(s.meshes.size() == 2);
    REQUIRE(s.meshes[0].levels.size() == 1);
    CHECK(s.meshes[0].levels[0].error_m == Approx(0.25f));
    REQUIRE(s.meshes[0].levels[0].primitives.size() == 1);
    CHECK(s.meshes[0].levels[0].primitives[0].indices.size() == 3);
    CHECK(s.meshes[0].primitives[0].indices.size() == 6);
    CHECK(s.roots == std::vector<int>{0});  // the level's node is not drawn for itself
    CHECK(s.warnings.empty());              // MSFT_lod is supported

    // Without the errors the renderer needs, the file still loads, at full detail, and says why.
    const Scene bare = load(dir.write("no_errors.gltf", levelledScene(R"({"MSFT_screencoverage":[0.5,0]})")));
    CHECK(bare.meshes[0].levels.empty());
    CHECK(countWarnings(bare, "lod_error_m") == 1);

    const Scene plain = load(dir.write("plain.gltf", triangleScene(R"([{"mesh":0}])")));
    CHECK(plain.meshes[0].levels.empty());

    // Composed after another model, the levels' primitives follow their materials as the full
    // mesh's do.
    Scene coloured = s;
    coloured.materials.resize(1);
    coloured.meshes[0].primitives[0].material = 0;
    coloured.meshes[0].levels[0].primitives[0].material = 0;
    ct::scene::SceneComposer composer;
    Scene other = coloured;
    composer.place(composer.addModel(other), glm::mat4(1.0f), "first");
    composer.place(composer.addModel(coloured), glm::mat4(1.0f), "second");
    const Scene composed = composer.finish();
    REQUIRE(composed.meshes.size() == 4);
    CHECK(composed.meshes[2].primitives[0].material == 1);
    CHECK(composed.meshes[2].levels.at(0).primitives[0].material == 1);
}

TEST_CASE("the campus models carry MSFT_lod levels that halve the triangles with growing errors",
          "[scene][gltf][lod]") {
    const Scene s = load(std::filesystem::path(CT_TEST_DATA_DIR) / "../../assets/campus/wind_turbine_5mw.gltf");
    const auto tower = std::find_if(s.meshes.begin(), s.meshes.end(), [](const auto& m) { return m.name == "tower"; });
    REQUIRE(tower != s.meshes.end());
    REQUIRE(tower->levels.size() >= 2);
    auto triangles = [](const std::vector<ct::scene::Primitive>& primitives) {
        std::size_t n = 0;
        for (const auto& p : primitives)
            n += p.indices.size() / 3;
        return n;
    };
    std::size_t previous = triangles(tower->primitives);
    float previousError = 0.0f;
    for (const ct::scene::MeshLevel& level : tower->levels) {
        CHECK(triangles(level.primitives) * 2 <= previous);
        CHECK(level.error_m > previousError);
        previous = triangles(level.primitives);
        previousError = level.error_m;
    }
    CHECK(s.warnings.empty());
}
