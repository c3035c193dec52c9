#version 450
// The second half of the edge reconstruction (engine/render/edge_reconstruction.h, whose CPU
// reference makes the same choices), drawn only where edge_classify.frag marked an edge: each of
// the pixel's four samples that saw its centre's surface takes the centre's colour; one that saw
// another takes the mean of the colours of the 3x3's centres that saw that surface, each weighted
// by the inverse square of its distance to the sample; if none did, the centre's.
layout(set = 0, binding = 0) uniform sampler2D shaded;         // rgb: the light, a: the centre's surface key
layout(set = 0, binding = 1) uniform sampler2DMS sampleKeys;  // each sample's surface key

layout(location = 0) out vec4 outColor;

// Vulkan's standard four sample locations, from the pixel's centre (y down).
const vec2 kSampleOffsets[4] = vec2[4](vec2(-0.125, -0.375), vec2(0.375, -0.125), vec2(-0.375, 0.125),
                                       vec2(0.125, 0.375));

void main() {
    ivec2 size = textureSize(shaded, 0);
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    // The 3x3's centres (row-major); outside the image, a key no sample has (they are >= 0).
    vec4 centres[9];
    for (int k = 0; k < 9; ++k) {
        ivec2 q = pixel + ivec2(k % 3 - 1, k / 3 - 1);
        bool inside = all(greaterThanEqual(q, ivec2(0))) && all(lessThan(q, size));
        centres[k] = inside ? texelFetch(shaded, q, 0) : vec4(0.0, 0.0, 0.0, -1.0);
    }
    vec3 sum = vec3(0.0);
    for (int s = 0; s < 4; ++s) {
        float seen = texelFetch(sampleKeys, pixel, s).r;
        bool own = centres[4].a == seen;
        vec3 weighted = vec3(0.0);
        float weights = 0.0;
        for (int k = 0; k < 9; ++k) {
            vec2 d = kSampleOffsets[s] - vec2(k % 3 - 1, k / 3 - 1);
            float w = centres[k].a == seen && (!own || k == 4) ? 1.0 / dot(d, d) : 0.0;
            weighted += w * centres[k].rgb;
            weights += w;
        }
        sum += weights > 0.0 ? weighted / weights : centres[4].rgb;
    }
    outColor = vec4(sum * 0.25, 1.0);
}
