#include "render/supersample.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ct::render {

namespace {

// sRGB byte to linear light, as a table: 256 entries read millions of times.
const std::array<float, 256>& srgbToLinear() {
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const float c = static_cast<float>(i) / 255.0f;
            t[i] = c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
        }
        return t;
    }();
    return table;
}

std::uint8_t linearToSrgb(float linear) {
    const float c = linear <= 0.0031308f ? linear * 12.92f : 1.055f * std::pow(linear, 1.0f / 2.4f) - 0.055f;
    return static_cast<std::uint8_t>(std::lround(std::clamp(c, 0.0f, 1.0f) * 255.0f));
}

}  // namespace

CapturedFrame downsample(const CapturedFrame& frame, std::uint32_t factor) {
    if (factor <= 1) return frame;
    if (frame.width % factor != 0 || frame.height % factor != 0)
        throw std::invalid_argument("downsample: " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                                    " does not divide by " + std::to_string(factor));
    const std::array<float, 256>& linear = srgbToLinear();
    CapturedFrame out;
    out.width = frame.width / factor;
    out.height = frame.height / factor;
    out.stats = frame.stats;
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    out.ids.resize(static_cast<std::size_t>(out.width) * out.height);
    const float weight = 1.0f / static_cast<float>(factor * factor);
    const std::uint32_t centre = factor / 2;
    for (std::uint32_t y = 0; y < out.height; ++y) {
        for (std::uint32_t x = 0; x < out.width; ++x) {
            float sum[4] = {0, 0, 0, 0};
            for (std::uint32_t dy = 0; dy < factor; ++dy) {
                const std::uint8_t* row =
                    &frame.rgba[((static_cast<std::size_t>(y) * factor + dy) * frame.width + x * factor) * 4];
                for (std::uint32_t dx = 0; dx < factor; ++dx) {
                    for (int c = 0; c < 3; ++c)
                        sum[c] += linear[row[dx * 4 + c]];
                    sum[3] += static_cast<float>(row[dx * 4 + 3]);  // alpha is linear already
                }
            }
            const std::size_t o = (static_cast<std::size_t>(y) * out.width + x) * 4;
            for (int c = 0; c < 3; ++c)
                out.rgba[o + c] = linearToSrgb(sum[c] * weight);
            out.rgba[o + 3] = static_cast<std::uint8_t>(std::lround(sum[3] * weight));
            out.ids[o / 4] =
                frame.ids[(static_cast<std::size_t>(y) * factor + centre) * frame.width + x * factor + centre];
        }
    }
    return out;
}

}  // namespace ct::render
