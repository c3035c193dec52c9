// Pixel probes: at pixels where the scene dictates the answer (tests/data/probes.json, written
// by tools/make_test_scenes.py with each probe's projected pixel and expected surface colour),
// the render must show that surface, in that colour, with that node in the picking buffer.
#include "render_harness.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using ct::test::RenderHarness;

namespace {

nlohmann::json loadProbes() {
    std::ifstream in(ct::test::testData("probes.json"));
    REQUIRE(in);
    return nlohmann::json::parse(in);
}

void checkProbes(const std::string& file) {
    const nlohmann::json probes = loadProbes().at(file);
    RenderHarness harness;
    const ct::render::CapturedFrame frame = harness.render(ct::test::testData(file), "main");
    for (const auto& probe : probes) {
        const unsigned x = probe.at("pixel")[0];
        const unsigned y = probe.at("pixel")[1];
        const std::string expect = probe.at("expect");
        const glm::u8vec4 pixel = frame.pixel(x, y);
        INFO(file << " probe " << probe.at("name").get<std::string>() << " at " << x << "," << y << " expects "
                  << expect << "; got rgb " << int(pixel.r) << "," << int(pixel.g) << "," << int(pixel.b) << " node "
                  << frame.nodeAt(x, y));
        if (expect == "clear") {
            CHECK(frame.nodeAt(x, y) == -1);
            continue;
        }
        CHECK(frame.nodeAt(x, y) >= 0);
        glm::vec3 albedo(probe.at("albedo")[0], probe.at("albedo")[1], probe.at("albedo")[2]);
        if (expect == "emissive_orange") albedo = {1.0f, 0.5f, 0.0f};
        if (expect.rfind("ground_", 0) == 0) continue;  // brightness, checked by the shadow test
        const glm::vec3 expected = albedo / std::max({albedo.r, albedo.g, albedo.b, 1e-4f});
        const glm::vec3 actual = ct::test::normalizedColor(pixel);
        // Sun, sky tint and tonemapping shift hues a little; a wrong surface shifts them a lot.
        CHECK(std::abs(actual.r - expected.r) < 0.3f);
        CHECK(std::abs(actual.g - expected.g) < 0.3f);
        CHECK(std::abs(actual.b - expected.b) < 0.3f);
    }
    CHECK(harness.context().validationCounts().total() == 0);
}

}  // namespace

TEST_CASE("lit cube: the red cube's pixels are red", "[render][probe]") {
    checkProbes("lit_cube.gltf");
}
TEST_CASE("binary .glb renders like its .gltf twin", "[render][probe]") {
    checkProbes("lit_cube.glb");
}
TEST_CASE("textured quad: each quadrant shows its texel colour", "[render][probe]") {
    checkProbes("textured_quad.gltf");
}
TEST_CASE("transform hierarchy: TRS, matrix and negative scale place each cube", "[render][probe]") {
    checkProbes("hierarchy.gltf");
}
TEST_CASE("alpha: blended quads composite back to front, mask cut out", "[render][probe]") {
    checkProbes("alpha_blend.gltf");
}
TEST_CASE("instanced mesh: corner and middle instances drawn", "[render][probe]") {
    checkProbes("instanced.gltf");
}
TEST_CASE("sparse accessor: the substituted vertex moves the quad", "[render][probe]") {
    checkProbes("sparse.gltf");
}
TEST_CASE("uint8 indices are widened and drawn", "[render][probe]") {
    checkProbes("uint8_indices.gltf");
}
TEST_CASE("interleaved vertex colours reach the corners", "[render][probe]") {
    checkProbes("interleaved.gltf");
}
TEST_CASE("one mesh, two materials", "[render][probe]") {
    checkProbes("multi_material.gltf");
}
TEST_CASE("emissive strength lights a black cube", "[render][probe]") {
    checkProbes("emissive.gltf");
}
TEST_CASE("percent-encoded buffer URI", "[render][probe]") {
    checkProbes("separate bin.gltf");
}
TEST_CASE("Unicode file and buffer names", "[render][probe]") {
    checkProbes(
        "\xC3\xBCn\xC3\xAF"
        "code_\xE5\x90\x8D\xE5\x89\x8D.gltf");
}

TEST_CASE("shadow: a ground point under the caster is darker than the same ground lit", "[render][shadow]") {
    RenderHarness harness;
    ct::render::Lighting overhead;
    overhead.sunDirection = {0.0f, 1.0f, 0.0f};
    const auto frame = harness.render(ct::test::testData("shadow_plane.gltf"), "main", overhead);
    const nlohmann::json probes = loadProbes().at("shadow_plane.gltf");
    auto at = [&](const std::string& name) {
        for (const auto& p : probes)
            if (p.at("name") == name) return frame.pixel(p.at("pixel")[0], p.at("pixel")[1]);
        FAIL("no probe " << name);
        return glm::u8vec4{};
    };
    const float shadowed = ct::test::luminance(at("ground_shadow_safe"));
    const float lit = ct::test::luminance(at("ground_lit_pos_x"));
    INFO("shadowed luminance " << shadowed << ", lit " << lit);
    CHECK(shadowed < 0.5f * lit);

    // The same point with shadows off is as bright as lit ground: the darkening is the shadow.
    overhead.shadows = false;
    const auto unshadowed = harness.render(ct::test::testData("shadow_plane.gltf"), "main", overhead);
    const nlohmann::json::array_t list = probes;
    for (const auto& p : list) {
        if (p.at("name") != "ground_shadow_safe") continue;
        const float noShadow = ct::test::luminance(unshadowed.pixel(p.at("pixel")[0], p.at("pixel")[1]));
        CHECK(noShadow > 0.9f * lit);
    }

    // A caster marked as lying flat on the ground (a road, a pond) is left out of the shadow pass.
    overhead.shadows = true;
    ct::scene::LoadResult loaded = ct::scene::loadGltf(ct::test::testData("shadow_plane.gltf"));
    REQUIRE(loaded.ok());
    ct::scene::Scene flat = *loaded.scene;
    for (ct::scene::Node& node : flat.nodes)
        if (node.name != "ground") node.castsShadow = false;
    const auto camera = ct::render::cameraFromScene(flat, ct::render::findSceneCamera(flat, "main"));
    const auto noCaster = harness.render(flat, camera, overhead);
    for (const auto& p : list) {
        if (p.at("name") != "ground_shadow_safe") continue;
        const float uncast = ct::test::luminance(noCaster.pixel(p.at("pixel")[0], p.at("pixel")[1]));
        INFO("under a caster that casts nothing: " << uncast);
        CHECK(uncast > 0.9f * lit);
    }
    CHECK(harness.context().validationCounts().total() == 0);
}
