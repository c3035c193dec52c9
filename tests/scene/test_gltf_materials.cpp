// Materials, textures, samplers and image conversion, from files written on the fly.
#include "gltf_test_files.h"
#include "scene/load_gltf.h"

#include <catch2/catch.hpp>

using ct::scene::loadGltf;
using ct::test::Bytes;
using ct::test::ScratchDir;

namespace {

// A 2x1 24-bit BMP (bottom-up rows, BGR): left pixel red, right pixel green.
std::vector<std::uint8_t> tinyBmp() {
    Bytes b;
    b.data = {'B', 'M'};
    auto u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            b.data.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    auto u16 = [&](std::uint16_t v) {
        for (int i = 0; i < 2; ++i)
            b.data.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    };
    u32(54 + 8);
    u32(0);
    u32(54);
    u32(40);
    u32(2);
    u32(1);
    u16(1);
    u16(24);
    u32(0);
    u32(8);
    u32(2835);
    u32(2835);
    u32(0);
    u32(0);
    b.data.insert(b.data.end(), {0, 0, 255, 0, 255, 0, 0, 0});  // BGR BGR + 2 bytes row padding
    return b.data;
}

// A 1x1 16-bit grey PGM: the loader must narrow it to 8 bits and expand it to RGBA.
std::vector<std::uint8_t> grey16Pgm() {
    const std::string header = "P5\n1 1\n65535\n";
    std::vector<std::uint8_t> out(header.begin(), header.end());
    out.insert(out.end(), {0x80, 0x80});  // 32896, the same read in either byte order
    return out;
}

}  // namespace

TEST_CASE("material factors, texture references, samplers and images are mapped", "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    const std::string json = ct::test::gltfJson(
        R"("nodes":[{"mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0},"material":0}]}],)"
        R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
        R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}],)"
        R"("extensionsUsed":["KHR_materials_emissive_strength"],)"
        R"("images":[{"uri":")" +
            ct::test::dataUri(tinyBmp()) + R"("},{"uri":")" + ct::test::dataUri(grey16Pgm()) +
            R"("}],)"
            R"("samplers":[{"magFilter":9728,"minFilter":9985,"wrapS":33071,"wrapT":33648},{"minFilter":9729}],)"
            R"("textures":[{"source":0,"sampler":0},{"source":1},{"source":1,"sampler":1}],)"
            R"("materials":[{"name":"m","pbrMetallicRoughness":{"baseColorFactor":[0.5,0.25,1,0.75],"metallicFactor":0.1,)"
            R"("roughnessFactor":0.2,"baseColorTexture":{"index":0},"metallicRoughnessTexture":{"index":1,"texCoord":1}},)"
            R"("normalTexture":{"index":2,"scale":0.5},"occlusionTexture":{"index":1,"strength":0.3},)"
            R"("emissiveTexture":{"index":0},"emissiveFactor":[1,0.5,0],"alphaMode":"MASK","alphaCutoff":0.4,)"
            R"("doubleSided":true,"extensions":{"KHR_materials_emissive_strength":{"emissiveStrength":4.5}}},)"
            R"({"alphaMode":"BLEND"}])",
        b);
    const auto result = loadGltf(dir.write("materials.gltf", json));
    INFO(result.error);
    REQUIRE(result.ok());
    const auto& s = *result.scene;

    REQUIRE(s.materials.size() == 2);
    const auto& m = s.materials[0];
    CHECK(m.name == "m");
    CHECK(m.baseColorFactor == glm::vec4(0.5f, 0.25f, 1.0f, 0.75f));
    CHECK(m.metallicFactor == Approx(0.1f));
    CHECK(m.roughnessFactor == Approx(0.2f));
    CHECK(m.baseColorTexture.texture == 0);
    CHECK(m.metallicRoughnessTexture.texture == 1);
    CHECK(m.metallicRoughnessTexture.texCoord == 1);
    CHECK(m.normalTexture.texture == 2);
    CHECK(m.normalScale == 0.5f);
    CHECK(m.occlusionStrength == Approx(0.3f));
    CHECK(m.emissiveTexture.present());
    CHECK(m.emissiveFactor == glm::vec3(1.0f, 0.5f, 0.0f));
    CHECK(m.emissiveStrength == 4.5f);
    CHECK(m.alphaMode == ct::scene::AlphaMode::Mask);
    CHECK(m.alphaCutoff == Approx(0.4f));
    CHECK(m.doubleSided);
    CHECK(s.materials[1].alphaMode == ct::scene::AlphaMode::Blend);
    CHECK_FALSE(s.materials[1].baseColorTexture.present());
    CHECK(s.meshes.at(0).primitives.at(0).material == 0);

    REQUIRE(s.samplers.size() == 2);
    CHECK(s.samplers[0].magFilter == ct::scene::Filter::Nearest);
    CHECK(s.samplers[0].minFilter == ct::scene::Filter::Linear);
    CHECK(s.samplers[0].mipmapMode == ct::scene::MipmapMode::Nearest);
    CHECK(s.samplers[0].wrapS == ct::scene::Wrap::ClampToEdge);
    CHECK(s.samplers[0].wrapT == ct::scene::Wrap::MirroredRepeat);
    CHECK(s.samplers[1].mipmapMode == ct::scene::MipmapMode::None);
    CHECK(s.textures[1].sampler == -1);

    REQUIRE(s.images.size() == 2);
    CHECK(s.images[0].width == 2);
    CHECK(s.images[0].height == 1);
    CHECK(s.images[0].rgba8 == std::vector<std::uint8_t>{255, 0, 0, 255, 0, 255, 0, 255});
    REQUIRE(s.images[1].rgba8.size() == 4);
    CHECK(s.images[1].rgba8[0] == 128);
    CHECK(s.images[1].rgba8[0] == s.images[1].rgba8[2]);
    CHECK(s.images[1].rgba8[3] == 255);
}

TEST_CASE(
    "a material's extras may ask for a procedural grassland or wall panels, or night-only emission, unknown "
    "values are warnings",
    "[scene][gltf]") {
    ScratchDir dir;
    Bytes b;
    b.add<float>({0, 0, 0, 1, 0, 0, 0, 1, 0});
    const std::string json = ct::test::gltfJson(
        R"("nodes":[{"mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0},"material":0}]}],)"
        R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
        R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3"}],)"
        R"("materials":[{"name":"ground","extras":{"proceduralSurface":"grassland"}},)"
        R"({"name":"moon","extras":{"proceduralSurface":"regolith"}},{"name":"plain","extras":{"note":1}},)"
        R"({"name":"window","extras":{"emissiveAtNight":true}},{"name":"odd","extras":{"emissiveAtNight":"yes"}},)"
        // Solar rows are made by the campus composer for its far views, never read from a file.
        R"({"name":"wall","extras":{"proceduralSurface":"precast"}},)"
        R"({"name":"rows","extras":{"proceduralSurface":"solar_rows"}}])",
        b);
    const auto result = loadGltf(dir.write("procedural.gltf", json));
    INFO(result.error);
    REQUIRE(result.ok());
    const auto& s = *result.scene;
    REQUIRE(s.materials.size() == 7);
    CHECK(s.materials[5].procedural == ct::scene::ProceduralSurface::PrecastPanels);
    CHECK(s.materials[6].procedural == ct::scene::ProceduralSurface::None);
    CHECK(s.materials[3].emissiveAtNight);
    CHECK_FALSE(s.materials[4].emissiveAtNight);
    CHECK_FALSE(s.materials[0].emissiveAtNight);
    CHECK(s.materials[0].procedural == ct::scene::ProceduralSurface::Grassland);
    CHECK(s.materials[1].procedural == ct::scene::ProceduralSurface::None);
    CHECK(s.materials[2].procedural == ct::scene::ProceduralSurface::None);
    const bool warned = std::any_of(s.warnings.begin(), s.warnings.end(), [](const std::string& w) {
        return w.find("proceduralSurface") != std::string::npos && w.find("materials[1]") != std::string::npos;
    });
    CHECK(warned);
    CHECK(std::any_of(s.warnings.begin(), s.warnings.end(), [](const std::string& w) {
        return w.find("emissiveAtNight") != std::string::npos && w.find("materials[4]") != std::string::npos;
    }));
}
