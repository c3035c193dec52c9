#include "twin/cloud_field.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace ct::twin {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kOctaves = 4;
// The sun's lowest elevation the shadow ray is taken at (see cloudShadeAt).
constexpr double kLowestShadowSun_deg = 3.0;

// An integer hash of a lattice point (a multiply-xorshift mix, the same on the GPU: 32-bit
// unsigned arithmetic wraps identically in C++ and GLSL).
std::uint32_t latticeHash(std::uint32_t x, std::uint32_t z, std::uint32_t key) {
    std::uint32_t h = (x * 0x8da6b343u) ^ (z * 0xd8163841u) ^ (key * 0xcb1ab31fu);
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

// 0..1 in steps of 2^-24: exact in a float.
float latticeValue(std::uint32_t x, std::uint32_t z, std::uint32_t key) {
    return static_cast<float>(latticeHash(x, z, key) >> 8) * (1.0f / 16777216.0f);
}

float quinticFade(float t) {
    return t * t * t * (t * (t * 6.0f - 15.0f) + 10.0f);
}

float blend(float a, float b, float t) {
    return a + (b - a) * t;
}

// Value noise on a lattice of unit cells repeating every `period` cells (a power of two).
float valueNoise(float x, float z, std::uint32_t period, std::uint32_t key) {
    const float cellX = std::floor(x);
    const float cellZ = std::floor(z);
    const float fx = quinticFade(x - cellX);
    const float fz = quinticFade(z - cellZ);
    const std::uint32_t mask = period - 1u;
    const std::uint32_t x0 = static_cast<std::uint32_t>(static_cast<std::int32_t>(cellX)) & mask;
    const std::uint32_t z0 = static_cast<std::uint32_t>(static_cast<std::int32_t>(cellZ)) & mask;
    const std::uint32_t x1 = (x0 + 1u) & mask;
    const std::uint32_t z1 = (z0 + 1u) & mask;
    const float north = blend(latticeValue(x0, z0, key), latticeValue(x1, z0, key), fx);
    const float south = blend(latticeValue(x0, z1, key), latticeValue(x1, z1, key), fx);
    return blend(north, south, fz);
}

// The pattern's value at 16,384 points spread over a period (the distribution barely depends on
// the seed; that of seed 0 stands for all).
std::vector<float> patternSamples() {
    constexpr int kSide = 128;
    std::vector<float> values;
    values.reserve(kSide * kSide);
    const float spacing = static_cast<float>(kCloudPeriod_m / kSide);
    for (int i = 0; i < kSide; ++i)
        for (int j = 0; j < kSide; ++j)
            values.push_back(cloudPattern(0u, (i + 0.37f) * spacing, (j + 0.61f) * spacing));
    return values;
}

float densityAbove(float threshold, float pattern) {
    const float t = std::clamp((pattern - threshold) / kCloudEdge, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// The threshold for each cover in steps of 1 / kCoverSteps: the mean density over the samples,
// soft edges included, equals the cover (found by bisection; the mean falls as the threshold rises).
constexpr int kCoverSteps = 100;
const std::array<double, kCoverSteps + 1>& thresholdTable() {
    static const std::array<double, kCoverSteps + 1> table = [] {
        const std::vector<float> samples = patternSamples();
        const auto meanDensity = [&](float threshold) {
            double sum = 0.0;
            for (const float value : samples)
                sum += densityAbove(threshold, value);
            return sum / static_cast<double>(samples.size());
        };
        std::array<double, kCoverSteps + 1> out{};
        for (int i = 0; i <= kCoverSteps; ++i) {
            const double cover = static_cast<double>(i) / kCoverSteps;
            float low = -kCloudEdge, high = 1.0f;  // mean density 1 at low, 0 at high
            for (int step = 0; step < 24; ++step) {
                const float middle = 0.5f * (low + high);
                (meanDensity(middle) > cover ? low : high) = middle;
            }
            out[i] = 0.5 * (low + high);
        }
        return out;
    }();
    return table;
}

double wrapDrift(double drift_m) {
    const double wrapped = std::fmod(drift_m, kCloudPeriod_m);
    return wrapped < 0.0 ? wrapped + kCloudPeriod_m : wrapped;
}

}  // namespace

float cloudPattern(std::uint32_t seed, float x_m, float z_m) {
    const float cellsX = x_m * static_cast<float>(1.0 / kCloudCell_m);
    const float cellsZ = z_m * static_cast<float>(1.0 / kCloudCell_m);
    float sum = 0.0f;
    float amplitude = 0.5f;
    float scale = 1.0f;
    std::uint32_t period = kCloudPeriodCells;
    for (int octave = 0; octave < kOctaves; ++octave) {
        sum += amplitude * valueNoise(cellsX * scale, cellsZ * scale, period, seed + 0x9e3779b9u * octave);
        amplitude *= 0.5f;
        scale *= 2.0f;
        period *= 2u;
    }
    return sum * (1.0f / 0.9375f);  // the amplitudes' sum: the pattern spans 0..1
}

float cloudDensity(const CloudLayer& layer, float pattern) {
    return densityAbove(static_cast<float>(layer.threshold), pattern);
}

double cloudThresholdFor(double cover) {
    if (!(cover > 0.0)) return 1.0 + kCloudEdge;  // above every value: no cloud
    if (cover >= 1.0) return -1.0;                // below every value: overcast
    const auto& table = thresholdTable();
    const double position = cover * kCoverSteps;
    const int below = std::min(static_cast<int>(position), kCoverSteps - 1);
    const double weight = position - below;
    return table[below] + (table[below + 1] - table[below]) * weight;
}

CloudLayer cloudLayerFor(std::uint32_t seed, double cloudiness, const CloudLayer& previous, double dt_s,
                         double baseWind_ms, double windFrom_deg) {
    CloudLayer layer;
    layer.seed = seed;
    const double lost = std::isfinite(cloudiness) ? std::clamp(cloudiness, 0.0, 1.0) : 0.0;
    // Scattered cumulus cover more of the sky as the loss grows; past full cover the deck thickens.
    layer.cover = std::min(1.0, lost / kCloudCoreLoss);
    layer.coreLoss = std::max(kCloudCoreLoss, lost);
    layer.threshold = cloudThresholdFor(layer.cover);
    const double dt = std::isfinite(dt_s) ? std::max(dt_s, 0.0) : 0.0;
    layer.driftX_m = wrapDrift(previous.driftX_m + previous.velocityX_ms * dt);
    layer.driftZ_m = wrapDrift(previous.driftZ_m + previous.velocityZ_ms * dt);
    // Clouds move downwind: towards the bearing opposite where the wind comes from (x east, z south).
    const double speed = std::isfinite(baseWind_ms) ? std::max(baseWind_ms, 0.0) : 0.0;
    const double from = (std::isfinite(windFrom_deg) ? windFrom_deg : 0.0) * kPi / 180.0;
    layer.velocityX_ms = -std::sin(from) * speed;
    layer.velocityZ_ms = std::cos(from) * speed;
    return layer;
}

CloudLayer cloudLayerAfter(const CloudLayer& layer, double elapsed_s) {
    CloudLayer moved = layer;
    const double elapsed = std::isfinite(elapsed_s) ? elapsed_s : 0.0;
    moved.driftX_m = wrapDrift(layer.driftX_m + layer.velocityX_ms * elapsed);
    moved.driftZ_m = wrapDrift(layer.driftZ_m + layer.velocityZ_ms * elapsed);
    return moved;
}

double cloudShadeAt(const CloudLayer& layer, double x_m, double z_m, double towardsSunX, double towardsSunY,
                    double towardsSunZ) {
    if (layer.cover <= 0.0) return 0.0;
    // The ray to the sun meets the cloud base this far across the ground.
    const double lowest = std::sin(kLowestShadowSun_deg * kPi / 180.0);
    const double reach = kCloudBase_m / std::max(towardsSunY, lowest);
    const float cloudX = static_cast<float>(x_m + towardsSunX * reach - layer.driftX_m);
    const float cloudZ = static_cast<float>(z_m + towardsSunZ * reach - layer.driftZ_m);
    return cloudDensity(layer, cloudPattern(layer.seed, cloudX, cloudZ)) * layer.coreLoss;
}

double cloudShadeAt(const CloudLayer& layer, double x_m, double z_m, const SolarPosition& sun) {
    const double elevation = sun.elevation_deg * kPi / 180.0;
    const double azimuth = sun.azimuth_deg * kPi / 180.0;
    // Towards the sun in site axes: x east, y up, z south.
    return cloudShadeAt(layer, x_m, z_m, std::sin(azimuth) * std::cos(elevation), std::sin(elevation),
                        -std::cos(azimuth) * std::cos(elevation));
}

}  // namespace ct::twin
