#version 450
// Levels 1 and up of the prefiltered sky (engine/render/sky_specular.cpp's prefilterSkySpecular
// is the CPU reference): each texel the GGX-weighted mean of level 0 within the lobe's reach
// (level 1) or of its coarse blocks (levels 2 and up) around its direction, D(n.h) (n.l) dOmega,
// normal and view along the texel's direction. One invocation per texel of the levels above 0;
// level 0 (rows 0 .. height-1) is read, the rows above are written.
#include "sky_specular.glsl"

layout(local_size_x = 64) in;  // kSkySpecularWidth: a workgroup fills columnAzimuth
layout(set = 0, binding = 1, rgba32f) uniform image2D map;

// Each column's azimuth (cos, sin), made once per workgroup: the loop below walks every texel of
// level 0 for every texel it writes, and on a CPU device the sines and cosines of each sample's
// direction were most of the pass's time.
shared vec2 columnAzimuth[kSkySpecularWidth];

// Levels 2 and up convolve level 0's blocks of kSkySpecularCoarseBlock^2 texels (CPU reference:
// coarseSamples in engine/render/sky_specular.cpp): each block's solid-angle-weighted mean, its
// summed solid angle and the direction through its centre.
const int kCoarseBlock = 4;
const int kCoarseWidth = kSkySpecularWidth / kCoarseBlock;
const int kCoarseTexels = kCoarseWidth * (kSkySpecularHeight / kCoarseBlock);
shared vec4 coarseValue[kCoarseTexels];
shared vec4 coarseDirection[kCoarseTexels];  // xyz the direction, w the solid angle

float ggx(float nDotH, float alpha) {
    float a2 = alpha * alpha;
    float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    return a2 / (kSkySpecularPi * d * d);
}

float rowSolidAngle(int row) {
    float cell = (kSkySpecularPi / float(kSkySpecularHeight)) * (2.0 * kSkySpecularPi / float(kSkySpecularWidth));
    return sin((float(row) + 0.5) / float(kSkySpecularHeight) * kSkySpecularPi) * cell;
}

void main() {
    // The workgroup is one row of the map wide, so a workgroup lies within one level.
    int column = int(gl_LocalInvocationID.x);
    float phi = ((float(column) + 0.5) / float(kSkySpecularWidth) - 0.5) * 2.0 * kSkySpecularPi;
    columnAzimuth[column] = vec2(cos(phi), sin(phi));

    const int texels = kSkySpecularWidth * kSkySpecularHeight;
    int t = int(gl_GlobalInvocationID.x);
    int level = 1 + t / texels;
    bool coarse = level >= 2;
    if (coarse) {
        for (int c = column; c < kCoarseTexels; c += kSkySpecularWidth) {
            int bi = c % kCoarseWidth;
            int bj = c / kCoarseWidth;
            vec4 sum = vec4(0.0);
            float solidAngle = 0.0;
            for (int y = 0; y < kCoarseBlock; ++y) {
                float w = rowSolidAngle(bj * kCoarseBlock + y);
                for (int x = 0; x < kCoarseBlock; ++x)
                    sum += imageLoad(map, ivec2(bi * kCoarseBlock + x, bj * kCoarseBlock + y)) * w;
                solidAngle += w * float(kCoarseBlock);
            }
            coarseValue[c] = sum / solidAngle;
            float centre = 0.5 * float(kCoarseBlock - 1);
            coarseDirection[c] = vec4(skySpecularDirection(float(bi * kCoarseBlock) + centre,
                                                           float(bj * kCoarseBlock) + centre),
                                      solidAngle);
        }
    }
    barrier();

    if (t >= texels * (kSkySpecularLevels - 1)) return;
    int i = (t % texels) % kSkySpecularWidth;
    int j = (t % texels) / kSkySpecularWidth;
    float roughness = float(level) / float(kSkySpecularLevels - 1);
    float alpha = roughness * roughness;
    vec3 n = skySpecularDirection(float(i), float(j));
    vec4 sum = vec4(0.0);
    float weights = 0.0;
    if (coarse) {
        for (int c = 0; c < kCoarseTexels; ++c) {
            vec4 l = coarseDirection[c];
            float nDotL = dot(n, l.xyz);
            if (nDotL <= 0.0) continue;
            // n.h with h the unit bisector of the unit n and l: sqrt((1 + n.l) / 2).
            float w = ggx(sqrt(0.5 + 0.5 * nDotL), alpha) * nDotL * l.w;
            sum += coarseValue[c] * w;
            weights += w;
        }
    } else {
        // Only the texels within kSkySpecularLevel1Reach of n, by rows and then by columns either
        // side of n's: the bounds depend on the row alone, so a workgroup (one row) loops alike.
        float rowStep = kSkySpecularPi / float(kSkySpecularHeight);
        float columnStep = 2.0 * kSkySpecularPi / float(kSkySpecularWidth);
        float thetaN = (float(j) + 0.5) * rowStep;
        float cosReach = cos(kSkySpecularLevel1Reach);
        int rowReach = int(kSkySpecularLevel1Reach / rowStep);
        for (int sj = max(j - rowReach, 0); sj <= min(j + rowReach, kSkySpecularHeight - 1); ++sj) {
            float theta = (float(sj) + 0.5) * rowStep;
            float sinTheta = sin(theta);
            float cosTheta = cos(theta);
            float solidAngle = rowSolidAngle(sj);
            // The angle to n is within reach where cos(dphi) >= (cos reach - cos cos) / (sin sin).
            float sines = sin(thetaN) * sinTheta;
            float least = sines > 1e-6 ? (cosReach - cos(thetaN) * cosTheta) / sines : -1.0;
            if (least > 1.0) continue;
            int columnReach = least <= -1.0 ? kSkySpecularWidth : int(acos(least) / columnStep);
            int first = columnReach * 2 + 1 >= kSkySpecularWidth ? 0 : i - columnReach;
            int count = min(columnReach * 2 + 1, kSkySpecularWidth);
            for (int c = 0; c < count; ++c) {
                int si = (first + c + kSkySpecularWidth) % kSkySpecularWidth;
                vec2 azimuth = columnAzimuth[si];
                vec3 l = vec3(sinTheta * azimuth.x, cosTheta, sinTheta * azimuth.y);  // skySpecularDirection(si, sj)
                float nDotL = dot(n, l);
                if (nDotL <= cosReach) continue;
                float w = ggx(sqrt(0.5 + 0.5 * nDotL), alpha) * nDotL * solidAngle;
                sum += imageLoad(map, ivec2(si, sj)) * w;
                weights += w;
            }
        }
    }
    imageStore(map, ivec2(i, level * kSkySpecularHeight + j), sum / max(weights, 1e-30));
}
