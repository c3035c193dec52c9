#include "render/tiled_capture.h"

#include <algorithm>
#include <cstring>

namespace ct::render {

glm::vec4 TileGrid::clipRect(std::uint32_t column, std::uint32_t row) const {
    const auto toClip = [](std::uint32_t pixel, std::uint32_t size) {
        return -1.0f + 2.0f * static_cast<float>(pixel) / static_cast<float>(size);
    };
    return {toClip(column * tileWidth, width), toClip(row * tileHeight, height),
            toClip((column + 1) * tileWidth, width), toClip((row + 1) * tileHeight, height)};
}

TileGrid planTiles(std::uint32_t width, std::uint32_t height, std::uint32_t maxTile) {
    maxTile = std::max(maxTile, 1u);
    TileGrid grid;
    grid.width = width;
    grid.height = height;
    grid.columns = std::max((width + maxTile - 1) / maxTile, 1u);
    grid.rows = std::max((height + maxTile - 1) / maxTile, 1u);
    grid.tileWidth = (width + grid.columns - 1) / grid.columns;
    grid.tileHeight = (height + grid.rows - 1) / grid.rows;
    return grid;
}

std::uint32_t deviceTileLimit(const VkPhysicalDeviceLimits& limits) {
    return std::min({limits.maxImageDimension2D, limits.maxFramebufferWidth, limits.maxFramebufferHeight});
}

CapturedFrame renderTiled(OffscreenCapture& capture, const TileGrid& grid, const Camera& camera,
                          const Lighting& lighting) {
    CapturedFrame full;
    full.width = grid.width;
    full.height = grid.height;
    const std::size_t pixels = static_cast<std::size_t>(grid.width) * grid.height;
    full.rgba.resize(pixels * 4);
    full.ids.resize(pixels);

    Camera tileCamera = camera;
    tileCamera.fullAspect = static_cast<float>(grid.width) / static_cast<float>(grid.height);
    for (std::uint32_t row = 0; row < grid.rows; ++row) {
        for (std::uint32_t column = 0; column < grid.columns; ++column) {
            tileCamera.tile = grid.clipRect(column, row);
            const CapturedFrame tile = capture.render(tileCamera, lighting);
            const std::uint32_t x0 = column * grid.tileWidth;
            const std::uint32_t y0 = row * grid.tileHeight;
            const std::uint32_t copyWidth = std::min(tile.width, grid.width - x0);
            const std::uint32_t copyHeight = std::min(tile.height, grid.height - y0);
            for (std::uint32_t y = 0; y < copyHeight; ++y) {
                const std::size_t src = static_cast<std::size_t>(y) * tile.width;
                const std::size_t dst = static_cast<std::size_t>(y0 + y) * grid.width + x0;
                std::memcpy(&full.rgba[dst * 4], &tile.rgba[src * 4], copyWidth * 4);
                std::memcpy(&full.ids[dst], &tile.ids[src], copyWidth * sizeof(glm::uvec2));
            }
            full.stats.drawCalls += tile.stats.drawCalls;
            full.stats.shadowDrawCalls += tile.stats.shadowDrawCalls;
            full.stats.mainTriangles += tile.stats.mainTriangles;
            full.stats.shadowTriangles += tile.stats.shadowTriangles;
            full.stats.coverageTriangles += tile.stats.coverageTriangles;
            full.stats.visibleInstances = std::max(full.stats.visibleInstances, tile.stats.visibleInstances);
            full.stats.instances = tile.stats.instances;
            full.stats.triangles = tile.stats.triangles;
            full.stats.culledOnGpu = tile.stats.culledOnGpu;
            full.stats.plumes = std::max(full.stats.plumes, tile.stats.plumes);
            // Every tile is exposed alike: the meter reads the sun and sky, not the tile's pixels.
            full.stats.exposureEv100 = tile.stats.exposureEv100;
            full.stats.exposureAuto = tile.stats.exposureAuto;
            full.stats.sunIlluminance_lux = tile.stats.sunIlluminance_lux;
            full.stats.skyIlluminance_lux = tile.stats.skyIlluminance_lux;
            // A pass of the whole image costs what it cost over all the tiles.
            for (const PassTime& pass : tile.stats.passes) {
                auto same = std::find_if(full.stats.passes.begin(), full.stats.passes.end(),
                                         [&](const PassTime& p) { return p.name == pass.name; });
                if (same == full.stats.passes.end())
                    full.stats.passes.push_back(pass);
                else
                    same->ms += pass.ms;
            }
        }
    }
    return full;
}

CapturedFrame renderAtSize(vk::Context& context, Renderer& renderer, const Camera& camera, const Lighting& lighting,
                           std::uint32_t width, std::uint32_t height, std::uint32_t maxTile) {
    const TileGrid grid = planTiles(width, height, maxTile);
    const VkExtent2D shown = renderer.extent();
    // The owner's frames in flight use the renderer's per-frame buffers and its targets: let
    // them finish before the capture's own frames reuse the buffers and the targets change.
    context.waitIdle();
    renderer.resize({grid.tileWidth, grid.tileHeight});
    CapturedFrame frame;
    try {
        OffscreenCapture capture(context, renderer);
        frame = renderTiled(capture, grid, camera, lighting);
    } catch (...) {
        renderer.resize(shown);
        throw;
    }
    renderer.resize(shown);  // the tile targets are retired through the deletion queue
    return frame;
}

}  // namespace ct::render
