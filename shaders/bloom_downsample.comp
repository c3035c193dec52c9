#version 450
// One step down the bloom chain (engine/render/bloom.cpp is its CPU reference): a texel per 2x2
// of the source, the 4x4 tent around them ([1 3 3 1] / 8 a side, clamped at the edges), as four
// bilinear taps, each a quarter of the weight. The first step reads the exposed frame and keeps
// of each tap only what is bright enough to bloom.
layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0) uniform sampler2D source;  // linear filtering, clamped to the edge
layout(set = 0, binding = 1, rgba16f) uniform writeonly image2D destination;

layout(push_constant) uniform Constants {
    vec4 params;  // x: prefilter (1/0), y: threshold, z: knee, w: unused
} pc;

vec3 prefilter(vec3 c) {
    float brightness = max(max(c.r, c.g), c.b);
    float knee = max(pc.params.z, 1e-4);
    float soft = clamp(brightness - pc.params.y + knee, 0.0, 2.0 * knee);
    soft = soft * soft / (4.0 * knee);
    float kept = max(soft, brightness - pc.params.y);
    return c * (kept / max(brightness, 1e-4));
}

void main() {
    ivec2 texel = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(texel, imageSize(destination)))) return;
    // A tap a quarter of the way from texel 2x-1 to 2x weighs them 1:3, one from 2x+1 to 2x+2
    // weighs them 3:1: together [1 3 3 1] / 8.
    vec2 size = vec2(textureSize(source, 0));
    vec2 low = vec2(texel * 2) + 0.25;
    vec2 high = vec2(texel * 2) + 1.75;
    vec3 sum = vec3(0.0);
    for (int j = 0; j < 2; ++j) {
        for (int i = 0; i < 2; ++i) {
            vec2 at = vec2(i == 0 ? low.x : high.x, j == 0 ? low.y : high.y);
            vec3 c = textureLod(source, at / size, 0.0).rgb;
            if (pc.params.x > 0.5) c = prefilter(c);
            sum += 0.25 * c;
        }
    }
    imageStore(destination, texel, vec4(sum, 1.0));
}
