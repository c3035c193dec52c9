#include "render_harness.h"

#include "support/pixel_luminance.h"

#include "render/data_dir.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace ct::test {

std::filesystem::path testData(const std::string& name) {
    return std::filesystem::u8path(std::string(CT_TEST_DATA_DIR) + "/" + name);
}

RenderHarness::RenderHarness(std::uint32_t width, std::uint32_t height, std::uint32_t samples,
                             render::MultisampleShading shading)
    : RenderHarness(
          render::RendererOptions{.extent = {width, height}, .samples = samples, .multisampleShading = shading}) {}

RenderHarness::RenderHarness(const render::RendererOptions& options)
    : context_({.validation = true, .quiet = true}),
      renderer_(context_, render::shaderDir(), options),
      capture_(context_, renderer_) {}

render::CapturedFrame RenderHarness::render(const std::filesystem::path& file, const std::string& cameraName,
                                            const render::Lighting& lighting) {
    scene::LoadResult loaded = scene::loadGltf(file);
    INFO(loaded.error);
    REQUIRE(loaded.ok());
    scene_ = std::make_unique<scene::Scene>(std::move(*loaded.scene));
    const VkExtent2D extent = renderer_.extent();
    render::Camera camera;
    if (cameraName.empty()) {
        camera = render::frameBounds(scene_->bounds, static_cast<float>(extent.width) / extent.height);
    } else {
        const int index = render::findSceneCamera(*scene_, cameraName);
        REQUIRE(index >= 0);
        camera = render::cameraFromScene(*scene_, index);
    }
    return render(*scene_, camera, lighting);
}

render::CapturedFrame RenderHarness::render(const scene::Scene& scene, const render::Camera& camera,
                                            const render::Lighting& lighting) {
    renderer_.setScene(scene);
    return capture_.render(camera, lighting);
}

glm::vec3 normalizedColor(glm::u8vec4 pixel) {
    const glm::vec3 linear(linearFromSrgb8(pixel.r), linearFromSrgb8(pixel.g), linearFromSrgb8(pixel.b));
    const float peak = std::max({linear.r, linear.g, linear.b, 1e-4f});
    return linear / peak;
}

scene::Scene quadScene(const std::string& name, const scene::Material& material,
                       const std::array<scene::Vertex, 4>& corners) {
    scene::Scene scene;
    scene.materials.push_back(material);
    scene::Primitive quad;
    for (const scene::Vertex& corner : corners) {
        quad.vertices.push_back(corner);
        quad.bounds.extend(corner.position);
    }
    quad.indices = {0, 1, 2, 0, 2, 3};
    quad.material = 0;
    scene.meshes.push_back({name, {quad}});
    scene::Node node;
    node.name = name;
    node.mesh = 0;
    scene.nodes.push_back(node);
    scene.roots.push_back(0);
    scene.bounds = quad.bounds;
    return scene;
}

std::vector<float> rowLuminance(const render::CapturedFrame& frame, std::uint32_t y) {
    std::vector<float> row;
    for (std::uint32_t x = 0; x < frame.width; ++x)
        row.push_back(luminance(frame.pixel(x, y)));
    return row;
}

float luminance(glm::u8vec4 pixel) {
    return 0.2126f * linearFromSrgb8(pixel.r) + 0.7152f * linearFromSrgb8(pixel.g) + 0.0722f * linearFromSrgb8(pixel.b);
}

}  // namespace ct::test
