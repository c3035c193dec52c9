// Tiled capture: renders an image larger than the device allows (or than a forced tile size) as
// a grid of equal tiles, each an off-centre crop of the full camera's projection (Camera::tile),
// and stitches colour and node ids into one CapturedFrame. Usage:
//   const TileGrid grid = planTiles(width, height, std::min(deviceTileLimit(ctx), forced));
//   Renderer renderer(ctx, shaders, {.extent = {grid.tileWidth, grid.tileHeight}});
//   OffscreenCapture capture(ctx, renderer);
//   CapturedFrame frame = renderTiled(capture, grid, camera, lighting);
// The shadow map and sky depend on the scene and the eye only, so tiles agree at their seams.
//
// A live renderer (a window's) can be captured at any size too, with everything it shows:
//   CapturedFrame shot = renderAtSize(ctx, windowRenderer, camera, lighting, 7680, 4320, 4096);
#pragma once

#include "render/camera.h"
#include "render/offscreen_capture.h"

#include <cstdint>

namespace ct::render {

struct TileGrid {
    std::uint32_t width = 0;  // the full image
    std::uint32_t height = 0;
    std::uint32_t tileWidth = 0;  // every tile; the last column / row is cropped to the image
    std::uint32_t tileHeight = 0;
    std::uint32_t columns = 1;
    std::uint32_t rows = 1;

    std::uint32_t count() const { return columns * rows; }
    // The tile's rectangle {x0, y0, x1, y1} in the full image's clip space (y down), for Camera::tile.
    glm::vec4 clipRect(std::uint32_t column, std::uint32_t row) const;
};

// Fewest equal tiles no larger than maxTile on a side covering width x height.
TileGrid planTiles(std::uint32_t width, std::uint32_t height, std::uint32_t maxTile);

// The largest square render target the device supports (image and framebuffer limits).
std::uint32_t deviceTileLimit(const VkPhysicalDeviceLimits& limits);

// The capture's renderer must have the grid's tile extent.
CapturedFrame renderTiled(OffscreenCapture& capture, const TileGrid& grid, const Camera& camera,
                          const Lighting& lighting);

// Renders what `renderer` draws now (its scene, overlay, node animations: all of its state) at
// width x height in tiles of at most maxTile: waits for the device to be idle, resizes the
// renderer to the tile, renders through a capture of its own and restores the renderer's extent
// (also when it throws). Call between two frames of the renderer's owner, never inside one.
CapturedFrame renderAtSize(vk::Context& context, Renderer& renderer, const Camera& camera, const Lighting& lighting,
                           std::uint32_t width, std::uint32_t height, std::uint32_t maxTile);

}  // namespace ct::render
