#include "render/image_file.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <system_error>

namespace ct::render {

std::string writePng(const std::filesystem::path& path, const RgbaImage& image) {
    if (image.width == 0 || image.height == 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * image.height * 4)
        return path.string() + ": image has no pixels or a wrong size";
    if (path.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(path.parent_path(), error);
        if (error) return path.parent_path().string() + ": cannot create folder: " + error.message();
    }
    const int ok = stbi_write_png(path.string().c_str(), static_cast<int>(image.width), static_cast<int>(image.height),
                                  4, image.rgba.data(), static_cast<int>(image.width * 4));
    return ok ? std::string() : path.string() + ": cannot write PNG";
}

std::string readPng(const std::filesystem::path& path, RgbaImage& image) {
    int width = 0;
    int height = 0;
    int channels = 0;
    stbi_uc* pixels = stbi_load(path.string().c_str(), &width, &height, &channels, 4);
    if (!pixels) return path.string() + ": cannot read image: " + stbi_failure_reason();
    image.width = static_cast<std::uint32_t>(width);
    image.height = static_cast<std::uint32_t>(height);
    image.rgba.assign(pixels, pixels + static_cast<std::size_t>(width) * height * 4);
    stbi_image_free(pixels);
    return {};
}

}  // namespace ct::render
