// OffscreenCapture: renders one frame with a Renderer and reads back its colour and node-id
// images to the CPU. Headless rendering, golden-image tests and GPU picking all go through here;
// nothing in it touches a window system.
#pragma once

#include "render/renderer.h"

#include <cstdint>
#include <vector>

namespace ct::render {

struct CapturedFrame {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba;  // sRGB, rows top to bottom
    std::vector<glm::uvec2> ids;     // per pixel: x = node index + 1 (0: none), y = instance
    FrameStats stats;

    glm::u8vec4 pixel(std::uint32_t x, std::uint32_t y) const;
    // The node under a pixel, or -1 for sky / nothing.
    int nodeAt(std::uint32_t x, std::uint32_t y) const;
    int instanceAt(std::uint32_t x, std::uint32_t y) const;
};

class OffscreenCapture {
public:
    OffscreenCapture(vk::Context& context, Renderer& renderer);
    CapturedFrame render(const Camera& camera, const Lighting& lighting);

private:
    vk::Context& context_;
    Renderer& renderer_;
    FrameRing frames_;
    vk::Buffer colorReadback_;
    vk::Buffer idReadback_;
};

}  // namespace ct::render
