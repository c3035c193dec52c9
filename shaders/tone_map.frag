#version 450
// The frame's last step: the exposed image (half float, drawn pre-exposed by the scene's
// shaders), darkened by the ambient occlusion where it is on, its bloom added, through the
// filmic tone curve into the display image (sRGB, encoded by the attachment).
//
// The occlusion is computed at half resolution; here it is widened with depth-aware weights: of
// the four half-resolution texels around the pixel, bilinear weights times how near each one's
// depth is to the pixel's, so occlusion does not bleed across a roof's edge onto the ground far
// below it.
#include "tone_curve.glsl"
#include "bloom_enlarge.glsl"

layout(set = 0, binding = 0) uniform sampler2D exposedImage;
layout(set = 0, binding = 1) uniform sampler2D bloomImage;
layout(set = 0, binding = 2) uniform sampler2D depthImage;
layout(set = 0, binding = 3) uniform sampler2D occlusion;

layout(push_constant) uniform ToneMap {
    vec4 occlusionParams;  // strength (0: off), near plane terms a, b: linear depth = b / (z - a), unused
    vec4 bloomParams;      // strength / levels (0: off), unused
} pc;

layout(location = 0) in vec2 inUv;
layout(location = 0) out vec4 outColor;

float linearDepth(float z) { return pc.occlusionParams.z / max(z - pc.occlusionParams.y, 1e-9); }

float ambientOcclusion(ivec2 full) {
    float z = texelFetch(depthImage, full, 0).r;
    if (z >= 1.0) return 1.0;  // the sky
    float here = linearDepth(z);
    ivec2 halfSize = textureSize(occlusion, 0);
    vec2 at = (vec2(full) + 0.5) * 0.5 - 0.5;  // in half-resolution texels, centres at integers
    ivec2 base = ivec2(floor(at));
    vec2 f = at - vec2(base);
    float sum = 0.0;
    float weights = 0.0;
    for (int j = 0; j <= 1; ++j) {
        for (int i = 0; i <= 1; ++i) {
            ivec2 t = clamp(base + ivec2(i, j), ivec2(0), halfSize - 1);
            float bilinear = (i == 0 ? 1.0 - f.x : f.x) * (j == 0 ? 1.0 - f.y : f.y);
            float there = linearDepth(texelFetch(depthImage, min(t * 2, textureSize(depthImage, 0) - 1), 0).r);
            float similar = exp(-abs(there - here) / (0.02 * here));
            float w = bilinear * similar + 1e-4;
            sum += w * texelFetch(occlusion, t, 0).r;
            weights += w;
        }
    }
    return mix(1.0, sum / weights, pc.occlusionParams.x);
}

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec3 exposed = texelFetch(exposedImage, pixel, 0).rgb;
    if (pc.occlusionParams.x > 0.0) exposed *= ambientOcclusion(pixel);
    if (pc.bloomParams.x > 0.0) exposed += pc.bloomParams.x * bloomEnlarge(bloomImage, pixel);
    outColor = vec4(toneCurve(exposed), 1.0);
}
