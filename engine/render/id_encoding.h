// How the id target stores a pixel's node and instance (render/renderer.h, kIdFormat): node
// index + 1 (0: nothing) and instance index as two floats, exact below 2^24 (16.7 million), so
// that the target can be multisampled on devices that multisample no integer format.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <cstring>

namespace ct::render {

// The ids of one texel as read back: two 32-bit floats.
inline glm::uvec2 decodeIds(const void* texel) {
    float stored[2];
    std::memcpy(stored, texel, sizeof stored);
    const auto index = [](float f) { return f > 0.0f ? static_cast<std::uint32_t>(f + 0.5f) : 0u; };
    return {index(stored[0]), index(stored[1])};
}

}  // namespace ct::render
