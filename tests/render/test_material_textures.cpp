// A material without textures is drawn by a pipeline that samples none (render::DrawBatch::textured,
// mesh.frag's kMaterialTextures): it must shade as the textured pipeline does with the default
// textures glTF implies (white, and a flat normal map), and the textured pipeline must still
// sample what a material names.
#include "render_harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

namespace {

// A 1x1 texture of one colour, appended to the scene; returns the reference to it.
ct::scene::TextureRef addTexture(ct::scene::Scene& scene, glm::u8vec4 colour) {
    ct::scene::Image image;
    image.name = "1x1";
    image.width = 1;
    image.height = 1;
    image.rgba8 = {colour.r, colour.g, colour.b, colour.a};
    scene.images.push_back(image);
    scene.textures.push_back({static_cast<int>(scene.images.size()) - 1, -1});
    return {static_cast<int>(scene.textures.size()) - 1, 0};
}

// A glossy, partly metallic, faintly glowing panel 4 m square facing the camera, its normals
// leaning apart towards the corners so the sun's highlight and the sky's reflection vary across it.
ct::scene::Scene panel() {
    ct::scene::Material material;
    material.name = "panel";
    material.baseColorFactor = {0.62f, 0.34f, 0.21f, 1.0f};
    material.metallicFactor = 0.4f;
    material.roughnessFactor = 0.35f;
    material.emissiveFactor = {0.02f, 0.03f, 0.05f};
    material.doubleSided = true;
    std::array<ct::scene::Vertex, 4> corners;
    const glm::vec2 face[] = {{-2.0f, -2.0f}, {2.0f, -2.0f}, {2.0f, 2.0f}, {-2.0f, 2.0f}};
    for (int i = 0; i < 4; ++i) {
        corners[i].position = {face[i].x, face[i].y, 0.0f};
        corners[i].normal = glm::normalize(glm::vec3(0.3f * face[i].x, 0.3f * face[i].y, 2.0f));
        corners[i].uv0 = face[i] * 0.25f + 0.5f;
    }
    return ct::test::quadScene("panel", material, corners);
}

int largestDifference(const ct::render::CapturedFrame& a, const ct::render::CapturedFrame& b) {
    int largest = 0;
    for (std::uint32_t y = 0; y < a.height; ++y)
        for (std::uint32_t x = 0; x < a.width; ++x)
            for (int c = 0; c < 3; ++c)
                largest = std::max(largest, std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x, y)[c])));
    return largest;
}

}  // namespace

TEST_CASE("a material without textures shades as with the default ones, and textures are still sampled",
          "[render][materials]") {
    ct::test::RenderHarness harness(128, 128);
    ct::render::Lighting lighting;
    lighting.shadows = false;
    ct::render::Camera camera;
    camera.eye = {1.0f, 0.5f, 6.0f};
    camera.target = {0.0f, 0.0f, 0.0f};

    const ct::scene::Scene plain = panel();
    ct::scene::Scene defaults = panel();
    ct::scene::Material& material = defaults.materials[0];
    material.baseColorTexture = addTexture(defaults, {255, 255, 255, 255});
    material.metallicRoughnessTexture = addTexture(defaults, {255, 255, 255, 255});
    material.normalTexture = addTexture(defaults, {128, 128, 255, 255});
    material.occlusionTexture = addTexture(defaults, {255, 255, 255, 255});
    material.emissiveTexture = addTexture(defaults, {255, 255, 255, 255});
    ct::scene::Scene tinted = defaults;
    tinted.images[0].rgba8 = {255, 64, 64, 255};  // the base colour's texture

    const auto untextured = harness.render(plain, camera, lighting);
    const auto withDefaults = harness.render(defaults, camera, lighting);
    const auto withTint = harness.render(tinted, camera, lighting);

    // The panel fills the middle of the image, lit (not the sky behind it).
    const glm::u8vec4 centre = untextured.pixel(64, 64);
    CHECK(centre.r > centre.b + 20);
    // The default normal map's 128 is a hair off flat (0.502): within two levels everywhere.
    CHECK(largestDifference(untextured, withDefaults) <= 2);
    // A texture that is there changes the colour: the tint takes green and blue out.
    const glm::u8vec4 tintedCentre = withTint.pixel(64, 64);
    CHECK(tintedCentre.g + 15 < centre.g);
    CHECK(std::abs(int(tintedCentre.r) - int(centre.r)) < 25);
}
