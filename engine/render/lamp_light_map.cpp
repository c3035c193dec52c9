#include "render/lamp_light_map.h"

#include <algorithm>
#include <cmath>

namespace ct::render {

namespace {

// Where a lamp's light on the ground falls to the cutoff: I h / d^3 = cutoff.
float reachOf(const Lamp& lamp) {
    const float h = std::max(lamp.position.y, 0.5f);
    const float d = std::cbrt(lamp.intensity_cd * h / kLampCutoff_lux);
    return std::sqrt(std::max(d * d - h * h, 0.0f));
}

}  // namespace

float lampIlluminance(const Lamp& lamp, float r_m) {
    const float h = std::max(lamp.position.y, 0.5f);
    const float d2 = r_m * r_m + h * h;
    const float e = lamp.intensity_cd * h / (d2 * std::sqrt(d2));
    return e >= kLampCutoff_lux ? e : 0.0f;
}

float LampLightMap::sample(float x, float z) const {
    if (empty()) return 0.0f;
    const float fx = (x - origin.x) / cell_m;
    const float fz = (z - origin.y) / cell_m;
    if (fx < -0.5f || fz < -0.5f || fx > nx - 0.5f || fz > nz - 0.5f) return 0.0f;
    const int x0 = std::clamp(static_cast<int>(std::floor(fx)), 0, nx - 1);
    const int z0 = std::clamp(static_cast<int>(std::floor(fz)), 0, nz - 1);
    const int x1 = std::min(x0 + 1, nx - 1);
    const int z1 = std::min(z0 + 1, nz - 1);
    const float tx = std::clamp(fx - x0, 0.0f, 1.0f);
    const float tz = std::clamp(fz - z0, 0.0f, 1.0f);
    const auto at = [&](int i, int k) { return lux[static_cast<std::size_t>(k) * nx + i]; };
    return (at(x0, z0) * (1 - tx) + at(x1, z0) * tx) * (1 - tz) + (at(x0, z1) * (1 - tx) + at(x1, z1) * tx) * tz;
}

LampLightMap bakeLampLight(std::span<const Lamp> lamps, std::span<const char> shown, float cell_m) {
    LampLightMap map;
    map.cell_m = cell_m;
    glm::vec2 lo(1e30f);
    glm::vec2 hi(-1e30f);
    for (std::size_t i = 0; i < lamps.size(); ++i) {
        const Lamp& lamp = lamps[i];
        if (!lamp.lightsGround || (i < shown.size() && !shown[i])) continue;
        const float reach = reachOf(lamp);
        lo = glm::min(lo, glm::vec2(lamp.position.x, lamp.position.z) - reach);
        hi = glm::max(hi, glm::vec2(lamp.position.x, lamp.position.z) + reach);
    }
    if (lo.x > hi.x) return map;
    map.origin = lo;
    map.nx = static_cast<int>(std::ceil((hi.x - lo.x) / cell_m)) + 1;
    map.nz = static_cast<int>(std::ceil((hi.y - lo.y) / cell_m)) + 1;
    map.lux.assign(static_cast<std::size_t>(map.nx) * map.nz, 0.0f);
    for (std::size_t i = 0; i < lamps.size(); ++i) {
        const Lamp& lamp = lamps[i];
        if (!lamp.lightsGround || (i < shown.size() && !shown[i])) continue;
        const float reach = reachOf(lamp);
        const int x0 = std::max(0, static_cast<int>(std::floor((lamp.position.x - reach - lo.x) / cell_m)));
        const int x1 = std::min(map.nx - 1, static_cast<int>(std::ceil((lamp.position.x + reach - lo.x) / cell_m)));
        const int z0 = std::max(0, static_cast<int>(std::floor((lamp.position.z - reach - lo.y) / cell_m)));
        const int z1 = std::min(map.nz - 1, static_cast<int>(std::ceil((lamp.position.z + reach - lo.y) / cell_m)));
        for (int k = z0; k <= z1; ++k)
            for (int j = x0; j <= x1; ++j) {
                const float dx = lo.x + j * cell_m - lamp.position.x;
                const float dz = lo.y + k * cell_m - lamp.position.z;
                map.lux[static_cast<std::size_t>(k) * map.nx + j] +=
                    lampIlluminance(lamp, std::sqrt(dx * dx + dz * dz));
            }
    }
    return map;
}

}  // namespace ct::render
