// Screenshots of the live view: a PNG of what a renderer shows now (its scene, ground overlay,
// node animations: all of its state, so the file matches the window), at any size up to
// 7680x4320, rendered in tiles where the device or the tile cap is smaller. No window in here:
// the campus window calls exportView between two frames with its own renderer, and the tests
// call it on a headless one.
//
//   ViewExport job{.width = 3840, .height = 2160, .folder = defaultScreenshotFolder()};
//   const ui::ScreenshotStatus done = exportView(context, renderer, camera, lighting, job);
//   // done.path: the PNG written, or done.error: why not (the renderer is unchanged either way)
#pragma once

#include "render/camera.h"
#include "render/lighting.h"
#include "render/renderer.h"
#include "ui/campus_commands.h"
#include "vk/context.h"

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <string>

namespace ct::campus {

// Tiles of a window export are at most this wide and high, so the transient targets and their
// readback stay a few hundred MB whatever the device allows (an 8K image is 2x2 tiles).
inline constexpr std::uint32_t kViewExportMaxTile = 4096;

struct ViewExport {
    unsigned width = 0;
    unsigned height = 0;
    std::filesystem::path folder;  // created if missing; the file is named by screenshotName()
    std::filesystem::path path;    // if not empty: this file instead of folder / screenshotName()
    std::uint32_t maxTile = 0;     // 0: min(the device's limit or $CT_TILE_SIZE, kViewExportMaxTile)
};

// "" when width x height can be exported, else why not.
std::string screenshotSizeError(unsigned width, unsigned height);
// $XDG_PICTURES_DIR when it names a folder, else the current directory.
std::filesystem::path defaultScreenshotFolder();
// "campus-twin_20260715-183000_3840x2160.png" (local time), with "-2", "-3".. before the
// extension where `folder` already holds that name.
std::filesystem::path screenshotName(const std::filesystem::path& folder, unsigned width, unsigned height,
                                     std::time_t when);

// Renders and writes the PNG; waits for the device to be idle first (render/tiled_capture.h:
// renderAtSize) and restores the renderer's extent. Never throws: failures come back as
// status.error (a size out of range, a folder or file that cannot be written, out of memory).
ui::ScreenshotStatus exportView(vk::Context& context, render::Renderer& renderer, const render::Camera& camera,
                                const render::Lighting& lighting, const ViewExport& job);

}  // namespace ct::campus
