#version 450
// The half-resolution occlusion widened to full resolution and multiplied into the frame (the
// pipeline blends dst * src): of the four half-resolution texels around the pixel, bilinear
// weights times how near each one's depth is to the pixel's, so occlusion does not bleed across
// a roof's edge onto the ground far below it.
layout(set = 0, binding = 0) uniform sampler2D depthImage;
layout(set = 0, binding = 1) uniform sampler2D occlusion;

layout(push_constant) uniform Apply {
    vec4 params;  // strength (0..1), near plane term a, b: linear depth = b / (z - a), unused
} pc;

layout(location = 0) in vec2 inUv;
layout(location = 0) out vec4 outColor;

float linearDepth(float z) { return pc.params.z / max(z - pc.params.y, 1e-9); }

void main() {
    ivec2 full = ivec2(gl_FragCoord.xy);
    float z = texelFetch(depthImage, full, 0).r;
    if (z >= 1.0) {
        outColor = vec4(1.0);
        return;
    }
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
    float ao = sum / weights;
    outColor = vec4(vec3(mix(1.0, ao, pc.params.x)), 1.0);
}
