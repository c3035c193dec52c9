// The luminance of an sRGB pixel in linear light (Rec. 709 weights), for pixel checks.
#pragma once

#include <glm/glm.hpp>

#include <cmath>
#include <cstdint>

namespace ct::test {

inline float linearFromSrgb8(std::uint8_t srgb) {
    const float c = static_cast<float>(srgb) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

inline float linearLuminance(glm::u8vec4 p) {
    return 0.2126f * linearFromSrgb8(p.r) + 0.7152f * linearFromSrgb8(p.g) + 0.0722f * linearFromSrgb8(p.b);
}

}  // namespace ct::test
