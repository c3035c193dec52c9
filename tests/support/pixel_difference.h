// Comparing two RGBA8 images of the same size pixel by pixel: a pixel differs by its largest
// channel difference, and counts as differing above a threshold.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

namespace ct::test {

enum class Channels { Rgb, Rgba };  // Rgb: alpha is not compared

// The largest channel difference between the RGBA8 pixels at `a` and `b`.
inline int pixelDifference(const std::uint8_t* a, const std::uint8_t* b, Channels channels) {
    const int count = channels == Channels::Rgba ? 4 : 3;
    int worst = 0;
    for (int c = 0; c < count; ++c)
        worst = std::max(worst, std::abs(int(a[c]) - int(b[c])));
    return worst;
}

struct ImageDifference {
    std::size_t pixels = 0;  // differing by more than the threshold
    int largest = 0;         // the largest channel difference anywhere
};

// Over the pixels both images have (RGBA8, rows alike).
inline ImageDifference compareImages(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b, int threshold,
                                     Channels channels = Channels::Rgba) {
    ImageDifference d;
    const std::size_t size = std::min(a.size(), b.size());
    for (std::size_t i = 0; i + 3 < size; i += 4) {
        const int worst = pixelDifference(&a[i], &b[i], channels);
        d.largest = std::max(d.largest, worst);
        if (worst > threshold) ++d.pixels;
    }
    return d;
}

}  // namespace ct::test
