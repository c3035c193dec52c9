// The cloud field of the CPU reference (twin/cloud_field.cpp), operation for operation in 32-bit floats and
// unsigned integers, so the shadow drawn is the shadow the twin's solar blocks lose their light
// to. Reads frame.cloudLayer and frame.cloudShape (common.glsl): change all three together.
#ifndef CT_CLOUD_FIELD_GLSL
#define CT_CLOUD_FIELD_GLSL

#include "common.glsl"

const uint kCloudPeriodCells = 256u;  // twin::kCloudPeriodCells
const int kCloudOctaves = 4;

bool cloudsPresent() {
    return frame.cloudLayer.w > 0.0;
}

uint cloudLatticeHash(uint x, uint z, uint key) {
    uint h = (x * 0x8da6b343u) ^ (z * 0xd8163841u) ^ (key * 0xcb1ab31fu);
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

float cloudLatticeValue(uint x, uint z, uint key) {
    return float(cloudLatticeHash(x, z, key) >> 8) * (1.0 / 16777216.0);
}

float cloudFade(float t) {
    return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

float cloudBlend(float a, float b, float t) {
    return a + (b - a) * t;
}

float cloudValueNoise(vec2 p, uint period, uint key) {
    vec2 cell = floor(p);
    vec2 f = vec2(cloudFade(p.x - cell.x), cloudFade(p.y - cell.y));
    uint mask = period - 1u;
    uint x0 = uint(int(cell.x)) & mask;
    uint z0 = uint(int(cell.y)) & mask;
    uint x1 = (x0 + 1u) & mask;
    uint z1 = (z0 + 1u) & mask;
    float north = cloudBlend(cloudLatticeValue(x0, z0, key), cloudLatticeValue(x1, z0, key), f.x);
    float south = cloudBlend(cloudLatticeValue(x0, z1, key), cloudLatticeValue(x1, z1, key), f.x);
    return cloudBlend(north, south, f.y);
}

// The pattern at a point of the layer in pattern metres (the drift taken away), 0..1.
float cloudPattern(vec2 layer_m) {
    vec2 cells = layer_m * (1.0 / frame.cloudShape.y);
    uint seed = floatBitsToUint(frame.cloudShape.w);
    float sum = 0.0;
    float amplitude = 0.5;
    float scale = 1.0;
    uint period = kCloudPeriodCells;
    for (int octave = 0; octave < kCloudOctaves; ++octave) {
        sum += amplitude * cloudValueNoise(cells * scale, period, seed + 0x9e3779b9u * uint(octave));
        amplitude *= 0.5;
        scale *= 2.0;
        period *= 2u;
    }
    return sum * (1.0 / 0.9375);
}

// 0 clear to 1 a cloud's core, at a point of the layer in world metres (x, z).
float cloudDensityAt(vec2 world_m) {
    float t = clamp((cloudPattern(world_m - frame.cloudLayer.xy) - frame.cloudLayer.z) / frame.cloudShape.z, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// How much of the sun's beam the clouds take at a point of the ground (or anything on it): the
// density where the ray towards the sun crosses the cloud base (twin::cloudShadeAt over the
// core loss; the sun below 3 degrees taken at 3). Once the sun has set there is no beam to take:
// the night's light (frame.atmosphere.w) comes from the whole sky, and clouds cast nothing.
float cloudShadowAt(vec3 position) {
    if (!cloudsPresent()) return 0.0;
    vec3 sun = frame.sunDirection.xyz;
    float reach = frame.cloudShape.x / max(sun.y, 0.052335956);
    return cloudDensityAt(position.xz + sun.xz * reach) * (1.0 - frame.atmosphere.w);
}

// The light a cloud overhead still lets through, scattered: white and from the whole cloud, so
// it lights every face alike. A core passes (1 - opacity) of the sun's light on level ground.
vec3 cloudScatteredIrradiance(float cloud) {
    float passed = max(1.0 - frame.cloudLayer.w, 0.05);
    return frame.sunRadiance.rgb * max(frame.sunDirection.y, 0.0) * passed * cloud;
}

// What is left of the blue sky's light under a cloud: the cloud hides most of the dome (its own
// grey light is the scattered light above).
float cloudOpenSky(float cloud) {
    return 1.0 - 0.7 * cloud;
}

#endif
