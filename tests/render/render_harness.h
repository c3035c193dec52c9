// Renders test scenes headless with validation on, for golden-image and pixel-probe tests.
#pragma once

#include "render/offscreen_capture.h"
#include "scene/load_gltf.h"

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ct::test {

std::filesystem::path testData(const std::string& name);

class RenderHarness {
public:
    // `samples`: MSAA samples per pixel of the main pass (RendererOptions::samples), shaded as
    // `shading` says.
    explicit RenderHarness(std::uint32_t width = 256, std::uint32_t height = 256, std::uint32_t samples = 1,
                           render::MultisampleShading shading = render::MultisampleShading::Auto);
    explicit RenderHarness(const render::RendererOptions& options);

    // Loads (REQUIREs success) and renders from the named glTF camera, or framed if empty.
    render::CapturedFrame render(const std::filesystem::path& file, const std::string& cameraName,
                                 const render::Lighting& lighting = {});
    render::CapturedFrame render(const scene::Scene& scene, const render::Camera& camera,
                                 const render::Lighting& lighting = {});
    // Renders the scene already set again (after renderer() changes such as node animations).
    render::CapturedFrame renderAgain(const render::Camera& camera, const render::Lighting& lighting = {}) {
        return capture_.render(camera, lighting);
    }
    const scene::Scene& lastScene() const { return *scene_; }
    vk::Context& context() { return context_; }
    render::Renderer& renderer() { return renderer_; }

private:
    vk::Context context_;
    render::Renderer renderer_;
    render::OffscreenCapture capture_;
    std::unique_ptr<scene::Scene> scene_;
};

// A scene of one quad of `material` (triangles 0 1 2 and 0 2 3: corners counter-clockwise seen
// from the side they face), one node named `name`, for tests of a surface's shading.
scene::Scene quadScene(const std::string& name, const scene::Material& material,
                       const std::array<scene::Vertex, 4>& corners);

// The linear luminance of each pixel of row `y`, left to right.
std::vector<float> rowLuminance(const render::CapturedFrame& frame, std::uint32_t y);

// Linear-light RGB of an sRGB pixel, divided by its largest channel (hue and saturation,
// without brightness), so colours can be compared whatever the lighting.
glm::vec3 normalizedColor(glm::u8vec4 pixel);
float luminance(glm::u8vec4 pixel);

}  // namespace ct::test
