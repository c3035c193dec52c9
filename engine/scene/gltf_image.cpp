#include "scene/gltf_image.h"

#include <stb_image.h>

#include <cstdint>

namespace ct::scene::gltf {

namespace {

// Refuse before allocating: a few bytes of header can claim gigapixels.
constexpr std::int64_t kMaxPixels = std::int64_t{16384} * 16384;

bool fail(ImageDecodeContext& ctx, int index, const std::string& what) {
    ctx.error = "images[" + std::to_string(index) + "]: " + what;
    return false;
}

}  // namespace

bool decodeImageRgba8(tinygltf::Image* image, int index, std::string* /*err*/, std::string* /*warn*/, int /*reqWidth*/,
                      int /*reqHeight*/, const unsigned char* bytes, int size, void* user) {
    auto& ctx = *static_cast<ImageDecodeContext*>(user);
    if (image->bufferView >= 0) {
        const auto& views = ctx.model->bufferViews;
        const auto viewIndex = static_cast<std::size_t>(image->bufferView);
        if (viewIndex >= views.size()) {
            return fail(ctx, index, "bufferView " + std::to_string(image->bufferView) + " does not exist");
        }
        const auto& view = views[viewIndex];
        if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= ctx.model->buffers.size()) {
            return fail(ctx, index, "bufferViews[" + std::to_string(viewIndex) + "] names a missing buffer");
        }
        const std::size_t bufferSize = ctx.model->buffers[static_cast<std::size_t>(view.buffer)].data.size();
        if (view.byteLength > bufferSize || view.byteOffset > bufferSize - view.byteLength) {
            return fail(ctx, index,
                        "bufferViews[" + std::to_string(viewIndex) + "]: " + std::to_string(view.byteLength) +
                            " bytes at offset " + std::to_string(view.byteOffset) + " run past buffers[" +
                            std::to_string(view.buffer) + "] (" + std::to_string(bufferSize) + " bytes)");
        }
        if (view.byteLength > static_cast<std::size_t>(INT32_MAX)) {
            return fail(ctx, index, "image data larger than 2 GiB");
        }
    }
    if (bytes == nullptr || size <= 0) {
        return fail(ctx, index, "no image data");
    }
    int w = 0;
    int h = 0;
    int channels = 0;
    if (stbi_info_from_memory(bytes, size, &w, &h, &channels) == 0) {
        return fail(ctx, index,
                    std::string("cannot decode image \"") + image->name + "\" (" + stbi_failure_reason() + ")");
    }
    if (w < 1 || h < 1 || std::int64_t{w} * h > kMaxPixels) {
        return fail(ctx, index, "image size " + std::to_string(w) + "x" + std::to_string(h) + " is not supported");
    }
    // Decode in the file's own channel count and depth, then widen here: stb's own conversion
    // mishandles some 16-bit formats (16-bit PNM grey comes back with alpha 0).
    const bool sixteen = stbi_is_16_bit_from_memory(bytes, size) != 0;
    void* pixels = sixteen ? static_cast<void*>(stbi_load_16_from_memory(bytes, size, &w, &h, &channels, 0))
                           : static_cast<void*>(stbi_load_from_memory(bytes, size, &w, &h, &channels, 0));
    if (pixels == nullptr || channels < 1 || channels > 4) {
        stbi_image_free(pixels);
        return fail(ctx, index,
                    std::string("cannot decode image \"") + image->name + "\" (" + stbi_failure_reason() + ")");
    }
    const std::size_t count = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    const auto n = static_cast<std::size_t>(channels);
    auto channel = [&](std::size_t i) -> std::uint8_t {
        return sixteen ? static_cast<std::uint8_t>(static_cast<const std::uint16_t*>(pixels)[i] >> 8)
                       : static_cast<const std::uint8_t*>(pixels)[i];
    };
    image->image.resize(count * 4);
    for (std::size_t p = 0; p < count; ++p) {
        const std::size_t in = p * n;
        std::uint8_t* out = image->image.data() + p * 4;
        if (n <= 2) {  // grey, grey + alpha
            out[0] = out[1] = out[2] = channel(in);
            out[3] = n == 2 ? channel(in + 1) : 255;
        } else {
            out[0] = channel(in);
            out[1] = channel(in + 1);
            out[2] = channel(in + 2);
            out[3] = n == 4 ? channel(in + 3) : 255;
        }
    }
    stbi_image_free(pixels);
    image->width = w;
    image->height = h;
    image->component = 4;
    image->bits = 8;
    image->pixel_type = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
    return true;
}

}  // namespace ct::scene::gltf
