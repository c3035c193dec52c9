#version 450
// Level 0 of the prefiltered sky (engine/render/sky_specular.cpp's resampleSkyView is the CPU
// reference, term for term): each texel the mean of 4x4 points read from the sky-view table with
// bilinear weights, alpha the share of the points below the horizon.
#include "sky_specular.glsl"

layout(local_size_x = 64) in;
layout(set = 0, binding = 0) uniform sampler2D skyView;
layout(set = 0, binding = 1, rgba32f) uniform image2D map;

layout(push_constant) uniform Parameters {
    vec4 params;  // xy: towards the sun in the ground plane (x, z), z: horizon zenith angle (rad)
} pc;

vec3 sampleTable(float fx, float fy) {
    ivec2 size = textureSize(skyView, 0);
    int x0 = clamp(int(fx), 0, size.x - 2);
    int y0 = clamp(int(fy), 0, size.y - 2);
    float tx = clamp(fx - float(x0), 0.0, 1.0);
    float ty = clamp(fy - float(y0), 0.0, 1.0);
    vec3 bottom = mix(texelFetch(skyView, ivec2(x0, y0), 0).rgb, texelFetch(skyView, ivec2(x0 + 1, y0), 0).rgb, tx);
    vec3 top = mix(texelFetch(skyView, ivec2(x0, y0 + 1), 0).rgb, texelFetch(skyView, ivec2(x0 + 1, y0 + 1), 0).rgb, tx);
    return mix(bottom, top, ty);
}

void main() {
    int t = int(gl_GlobalInvocationID.x);
    if (t >= kSkySpecularWidth * kSkySpecularHeight) return;
    int i = t % kSkySpecularWidth;
    int j = t / kSkySpecularWidth;
    ivec2 size = textureSize(skyView, 0);
    vec2 sun = length(pc.params.xy) > 1e-6 ? normalize(pc.params.xy) : vec2(1.0, 0.0);
    float horizon = pc.params.z;
    const int n = 4;
    vec3 sum = vec3(0.0);
    float ground = 0.0;
    for (int b = 0; b < n; ++b)
        for (int a = 0; a < n; ++a) {
            vec3 d = skySpecularDirection(float(i) + (float(a) + 0.5) / float(n) - 0.5,
                                          float(j) + (float(b) + 0.5) / float(n) - 0.5);
            float zenith = acos(clamp(d.y, -1.0, 1.0));
            if (zenith >= horizon) {
                ground += 1.0;
                continue;
            }
            vec2 across = d.xz;
            float azimuth = 0.0;
            if (length(across) > 1e-9) azimuth = acos(clamp(dot(normalize(across), sun), -1.0, 1.0));
            float y = 0.5 * (1.0 - sqrt(max(1.0 - zenith / horizon, 0.0)));
            float x = sqrt(azimuth / kSkySpecularPi);
            sum += sampleTable(x * float(size.x - 1), y * float(size.y - 1));
        }
    imageStore(map, ivec2(i, j), vec4(sum, ground) / float(n * n));
}
