#version 450
// Levels 1 and up of the prefiltered sky (engine/render/sky_specular.cpp's prefilterSkySpecular
// is the CPU reference): each texel the GGX-weighted mean of level 0 around its direction,
// D(n.h) (n.l) dOmega, normal and view along the texel's direction. One invocation per texel of
// the levels above 0; level 0 (rows 0 .. height-1) is read, the rows above are written.
#include "sky_specular.glsl"

layout(local_size_x = 64) in;
layout(set = 0, binding = 1, rgba32f) uniform image2D map;

float ggx(float nDotH, float alpha) {
    float a2 = alpha * alpha;
    float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    return a2 / (kSkySpecularPi * d * d);
}

void main() {
    const int texels = kSkySpecularWidth * kSkySpecularHeight;
    int t = int(gl_GlobalInvocationID.x);
    if (t >= texels * (kSkySpecularLevels - 1)) return;
    int level = 1 + t / texels;
    int i = (t % texels) % kSkySpecularWidth;
    int j = (t % texels) / kSkySpecularWidth;
    float roughness = float(level) / float(kSkySpecularLevels - 1);
    float alpha = roughness * roughness;
    vec3 n = skySpecularDirection(float(i), float(j));
    float cell = (kSkySpecularPi / float(kSkySpecularHeight)) * (2.0 * kSkySpecularPi / float(kSkySpecularWidth));
    vec4 sum = vec4(0.0);
    float weights = 0.0;
    for (int sj = 0; sj < kSkySpecularHeight; ++sj) {
        float solidAngle = sin((float(sj) + 0.5) / float(kSkySpecularHeight) * kSkySpecularPi) * cell;
        for (int si = 0; si < kSkySpecularWidth; ++si) {
            vec3 l = skySpecularDirection(float(si), float(sj));
            float nDotL = dot(n, l);
            if (nDotL <= 0.0) continue;
            float w = ggx(dot(n, normalize(n + l)), alpha) * nDotL * solidAngle;
            sum += imageLoad(map, ivec2(si, sj)) * w;
            weights += w;
        }
    }
    imageStore(map, ivec2(i, level * kSkySpecularHeight + j), sum / max(weights, 1e-30));
}
