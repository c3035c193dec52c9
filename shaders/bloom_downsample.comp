#version 450
// One step down the bloom chain (engine/render/bloom.cpp is its CPU reference): a texel per 2x2
// of the source, the 4x4 tent around them ([1 3 3 1] / 8 a side, clamped at the edges). The first
// step reads the exposed frame and keeps only what is bright enough to bloom.
layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0) uniform sampler2D source;
layout(set = 0, binding = 1, rgba16f) uniform writeonly image2D destination;

layout(push_constant) uniform Constants {
    vec4 params;  // x: prefilter (1/0), y: threshold, z: knee, w: unused
} pc;

const float kTent[4] = float[4](0.125, 0.375, 0.375, 0.125);

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
    ivec2 last = textureSize(source, 0) - 1;
    vec3 sum = vec3(0.0);
    for (int j = 0; j < 4; ++j) {
        for (int i = 0; i < 4; ++i) {
            vec3 c = texelFetch(source, clamp(texel * 2 - 1 + ivec2(i, j), ivec2(0), last), 0).rgb;
            if (pc.params.x > 0.5) c = prefilter(c);
            sum += kTent[i] * kTent[j] * c;
        }
    }
    imageStore(destination, texel, vec4(sum, 1.0));
}
