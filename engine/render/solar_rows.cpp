#include "render/solar_rows.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

float bandIntegral(float x, float width) {
    const float whole = std::floor(x);
    return whole * width + std::clamp(x - whole - 0.5f + 0.5f * width, 0.0f, width);
}

float bandIntegralIntegral(float x, float width) {
    const float n = std::floor(x);
    const float f = x - n;
    const float c = 0.5f - 0.5f * width;  // where the band starts within its period
    const float partial = f < c ? 0.0f : (f < c + width ? 0.5f * (f - c) * (f - c) : width * (f - c - 0.5f * width));
    return width * (0.5f * n * n + n * f) + partial;
}

float gapShade(float gapStart, float gap, float shade, float spread) {
    if (spread < 0.01f) return (bandIntegral(gapStart + gap, shade) - bandIntegral(gapStart, shade)) / gap;
    // Periodic in gapStart: a small positive period keeps the integrals exact enough in floats.
    const float h = 0.5f * std::min(spread, 64.0f);
    const float x = gapStart - std::floor(gapStart) + std::ceil(h) + 1.0f;
    return (bandIntegralIntegral(x + gap + h, shade) - bandIntegralIntegral(x + gap - h, shade) -
            bandIntegralIntegral(x + h, shade) + bandIntegralIntegral(x - h, shade)) /
           (gap * 2.0f * h);
}

float projectedShare(float share, float tilt, glm::vec2 ray) {
    return share * std::abs(std::cos(tilt) - std::sin(tilt) * ray.x / std::max(ray.y, 1e-3f));
}

SolarRowsShares solarRowsShares(const glm::vec4& params, glm::vec2 eye, glm::vec2 sun, float offsetSpread) {
    const float share = params.x;
    const float height = params.y;
    const float tilt = params.z;
    eye.y = std::max(eye.y, 1e-3f);
    SolarRowsShares out;
    out.modulesSeen = std::min(projectedShare(share, tilt, eye), 1.0f);
    if (sun.y <= 1e-3f) {
        out.groundShaded = 1.0f;
        return out;
    }
    const float shade = std::min(projectedShare(share, tilt, sun), 1.0f);
    // The gap beside each module, carried to where the sun's rays from its ground arrive at the
    // modules' height, against the shade bands there.
    const float offset = height * (sun.x / sun.y - eye.x / eye.y);
    const float gap = 1.0f - out.modulesSeen;
    const float gapStart = 0.5f + 0.5f * out.modulesSeen + offset;
    const float run = height * (std::abs(eye.x) / eye.y + std::abs(sun.x) / sun.y);
    out.groundShaded = gap > 1e-3f ? gapShade(gapStart, gap, shade, offsetSpread + kRowIrregularity * run) : 1.0f;
    return out;
}

}  // namespace ct::render
