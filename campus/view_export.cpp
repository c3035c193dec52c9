#include "campus/view_export.h"

#include "campus/scene_output.h"
#include "render/image_file.h"
#include "render/tiled_capture.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <new>
#include <system_error>

namespace ct::campus {

namespace {

// Creates the folder and opens the file for writing (without truncating one already there), so
// an unwritable place is reported before seconds of rendering rather than after.
std::string prepareFile(const std::filesystem::path& path) {
    if (path.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(path.parent_path(), error);
        if (error) return path.parent_path().string() + ": cannot create folder: " + error.message();
    }
    std::ofstream file(path, std::ios::binary | std::ios::app);
    if (!file) return path.string() + ": cannot write: " + std::strerror(errno);
    return {};
}

}  // namespace

std::string screenshotSizeError(unsigned width, unsigned height) {
    if (width < ui::kScreenshotMinSide || height < ui::kScreenshotMinSide || width > ui::kScreenshotMaxWidth ||
        height > ui::kScreenshotMaxHeight) {
        char text[128];
        std::snprintf(text, sizeof text, "size %ux%u is out of range (%ux%u to %ux%u)", width, height,
                      ui::kScreenshotMinSide, ui::kScreenshotMinSide, ui::kScreenshotMaxWidth,
                      ui::kScreenshotMaxHeight);
        return text;
    }
    return {};
}

std::filesystem::path defaultScreenshotFolder() {
    if (const char* pictures = std::getenv("XDG_PICTURES_DIR"); pictures && *pictures) {
        std::error_code error;
        if (std::filesystem::is_directory(pictures, error)) return pictures;
    }
    std::error_code error;
    std::filesystem::path here = std::filesystem::current_path(error);
    return error ? std::filesystem::path(".") : here;
}

std::filesystem::path screenshotName(const std::filesystem::path& folder, unsigned width, unsigned height,
                                     std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::string stem =
        std::string("campus-twin_") + stamp + "_" + std::to_string(width) + "x" + std::to_string(height);
    std::filesystem::path path = folder / (stem + ".png");
    std::error_code error;
    for (int n = 2; std::filesystem::exists(path, error) && n < 1000; ++n)
        path = folder / (stem + "-" + std::to_string(n) + ".png");
    return path;
}

ui::ScreenshotStatus exportView(vk::Context& context, render::Renderer& renderer, const render::Camera& camera,
                                const render::Lighting& lighting, const ViewExport& job) {
    ui::ScreenshotStatus status;
    if (status.error = screenshotSizeError(job.width, job.height); !status.error.empty()) return status;
    const std::filesystem::path path =
        job.path.empty() ? screenshotName(job.folder, job.width, job.height, std::time(nullptr)) : job.path;
    std::error_code existence;
    const bool existed = std::filesystem::exists(path, existence);
    if (status.error = prepareFile(path); !status.error.empty()) return status;

    const std::uint32_t maxTile = job.maxTile ? job.maxTile : std::min(tileLimit(context, 0), kViewExportMaxTile);
    try {
        render::CapturedFrame frame =
            render::renderAtSize(context, renderer, camera, lighting, job.width, job.height, maxTile);
        decltype(frame.ids)().swap(frame.ids);  // not written: free their memory before encoding
        status.error = render::writePng(path, {frame.width, frame.height, std::move(frame.rgba)});
    } catch (const std::bad_alloc&) {
        status.error = "out of memory rendering " + std::to_string(job.width) + "x" + std::to_string(job.height);
    } catch (const std::exception& e) {
        status.error = e.what();
    }
    if (!status.error.empty()) {
        std::error_code ignored;
        if (!existed) std::filesystem::remove(path, ignored);  // no empty or partial file left behind
        return status;
    }
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    status.path = (error ? path : absolute).string();
    return status;
}

}  // namespace ct::campus
