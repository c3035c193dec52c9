#include "render/ambient_occlusion.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

namespace {

constexpr float kPi = 3.14159265358979f;
// sin of the lowest elevation above a surface's plane at which a sample occludes it (about 15 degrees).
constexpr float kMinElevation = 0.25f;

struct DepthImage {
    std::span<const float> depth;
    int width;
    int height;
    const AmbientOcclusionSettings& s;

    float at(glm::ivec2 q) const {
        q = glm::clamp(q, glm::ivec2(0), glm::ivec2(width - 1, height - 1));
        return depth[static_cast<std::size_t>(q.y) * width + q.x];
    }
    // The view-space position of texel q's centre at depth z.
    glm::vec3 position(glm::ivec2 q, float z) const {
        const glm::vec2 ndc = (glm::vec2(q) + 0.5f) / glm::vec2(width, height) * 2.0f - 1.0f;
        const glm::vec4 v = s.inverseProjection * glm::vec4(ndc, z, 1.0f);
        return glm::vec3(v) / v.w;
    }
};

// The same noise as the shader: Jimenez's interleaved gradient noise on the output pixel.
float rotationNoise(glm::ivec2 p) {
    const float f = 0.06711056f * static_cast<float>(p.x) + 0.00583715f * static_cast<float>(p.y);
    return std::fmod(52.9829189f * (f - std::floor(f)), 1.0f);
}

}  // namespace

std::vector<float> ambientOcclusionReference(std::span<const float> depth, std::uint32_t width, std::uint32_t height,
                                             const AmbientOcclusionSettings& s) {
    const DepthImage image{depth, static_cast<int>(width), static_cast<int>(height), s};
    const std::uint32_t outWidth = (width + 1) / 2;
    const std::uint32_t outHeight = (height + 1) / 2;
    std::vector<float> out(static_cast<std::size_t>(outWidth) * outHeight, 1.0f);
    for (std::uint32_t py = 0; py < outHeight; ++py) {
        for (std::uint32_t px = 0; px < outWidth; ++px) {
            const glm::ivec2 p(static_cast<int>(px), static_cast<int>(py));
            const glm::ivec2 q = p * 2;
            const float z = image.at(q);
            if (z >= 1.0f) continue;
            const glm::vec3 centre = image.position(q, z);
            // The normal from the nearer neighbour on each axis, so edges do not bend it.
            const glm::vec3 right = image.position(q + glm::ivec2(1, 0), image.at(q + glm::ivec2(1, 0))) - centre;
            const glm::vec3 left = centre - image.position(q - glm::ivec2(1, 0), image.at(q - glm::ivec2(1, 0)));
            const glm::vec3 down = image.position(q + glm::ivec2(0, 1), image.at(q + glm::ivec2(0, 1))) - centre;
            const glm::vec3 up = centre - image.position(q - glm::ivec2(0, 1), image.at(q - glm::ivec2(0, 1)));
            const glm::vec3 dx = glm::dot(right, right) < glm::dot(left, left) ? right : left;
            const glm::vec3 dy = glm::dot(down, down) < glm::dot(up, up) ? down : up;
            glm::vec3 normal = glm::normalize(glm::cross(dy, dx));
            const glm::vec3 view = glm::normalize(-centre);
            if (glm::dot(normal, view) < 0.0f) normal = -normal;
            const float radiusPixels = s.radius_m * s.projectionScale * 0.5f * static_cast<float>(height) / -centre.z;
            if (radiusPixels < 1.0f) continue;
            const float noise = rotationNoise(p);
            // Each slice's visible arc against what it would be with nothing in the way: with two
            // slices a pixel, the closed-form integrals of open ground differ from slice to slice
            // (a normal seen at a grazing angle), and the ratio keeps open ground at exactly 1.
            float visibility = 0.0f;
            float open = 0.0f;
            for (int d = 0; d < s.directions; ++d) {
                const float angle = (static_cast<float>(d) + noise) * kPi / static_cast<float>(s.directions);
                const glm::vec2 direction(std::cos(angle), std::sin(angle));
                float horizonCos[2] = {-1.0f, -1.0f};  // along -direction, +direction
                for (int side = 0; side < 2; ++side) {
                    const float sign = side == 0 ? -1.0f : 1.0f;
                    for (int k = 1; k <= s.steps; ++k) {
                        const float t = static_cast<float>(k) / static_cast<float>(s.steps);
                        const glm::vec2 offset = direction * (sign * t * radiusPixels);
                        const glm::ivec2 sample(
                            static_cast<int>(std::floor(static_cast<float>(q.x) + offset.x + 0.5f)),
                            static_cast<int>(std::floor(static_cast<float>(q.y) + offset.y + 0.5f)));
                        if (sample == q || sample.x < 0 || sample.y < 0 || sample.x >= image.width ||
                            sample.y >= image.height)
                            continue;
                        const float sz = image.at(sample);
                        if (sz >= 1.0f) continue;
                        const glm::vec3 delta = image.position(sample, sz) - centre;
                        const float distance2 = glm::dot(delta, delta);
                        if (distance2 < 1e-12f) continue;
                        // Within 15 degrees of the surface's own plane a sample is the surface
                        // itself (off by the depth's precision) or gentle relief like it, the
                        // terrain's facets: no occluder, else the ground seen at a grazing angle
                        // shows a dither of false occlusion in the pattern of its mesh.
                        if (glm::dot(delta, normal) < kMinElevation * std::sqrt(distance2)) continue;
                        const float falloff = std::clamp(1.0f - distance2 / (s.radius_m * s.radius_m), 0.0f, 1.0f);
                        const float cosine = glm::dot(delta, view) / std::sqrt(distance2);
                        horizonCos[side] = std::max(horizonCos[side], glm::mix(-1.0f, cosine, falloff));
                    }
                }
                // The slice: screen x right, y down; view space x right, y up.
                const glm::vec3 sliceDirection(direction.x, -direction.y, 0.0f);
                const glm::vec3 ortho = sliceDirection - glm::dot(sliceDirection, view) * view;
                const glm::vec3 axis = glm::normalize(glm::cross(ortho, view));
                const glm::vec3 projected = normal - axis * glm::dot(normal, axis);
                const float projectedLength = glm::length(projected);
                if (projectedLength < 1e-6f) continue;
                const float cosN = std::clamp(glm::dot(projected, view) / projectedLength, 0.0f, 1.0f);
                const float n = (glm::dot(ortho, projected) < 0.0f ? -1.0f : 1.0f) * std::acos(cosN);
                const float h0 = n + std::max(-std::acos(std::clamp(horizonCos[0], -1.0f, 1.0f)) - n, -0.5f * kPi);
                const float h1 = n + std::min(std::acos(std::clamp(horizonCos[1], -1.0f, 1.0f)) - n, 0.5f * kPi);
                const float sinN = std::sin(n);
                visibility += projectedLength * 0.25f *
                              ((cosN + 2.0f * h0 * sinN - std::cos(2.0f * h0 - n)) +
                               (cosN + 2.0f * h1 * sinN - std::cos(2.0f * h1 - n)));
                open += projectedLength * (cosN + n * sinN);  // h0 = n - pi/2, h1 = n + pi/2
            }
            if (open > 1e-6f)
                out[static_cast<std::size_t>(py) * outWidth + px] = std::clamp(visibility / open, 0.0f, 1.0f);
        }
    }
    return out;
}

}  // namespace ct::render
