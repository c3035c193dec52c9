#version 450
// The second half of the edge reconstruction (engine/render/edge_reconstruction.h, whose CPU
// reference makes the same choices), drawn only where edge_classify.frag marked an edge: each of
// the pixel's four samples takes the colour of the nearest pixel among the 3x3 around whose
// centre saw the sample's surface, its own if none did.
layout(set = 0, binding = 0) uniform sampler2D shaded;         // rgb: the light, a: the centre's surface key
layout(set = 0, binding = 1) uniform sampler2DMS sampleKeys;  // each sample's surface key

layout(location = 0) out vec4 outColor;

// For each sample (Vulkan's standard four, from the pixel's top-left corner: (0.375, 0.125),
// (0.875, 0.375), (0.125, 0.625), (0.625, 0.875)), the 3x3's centres (row-major, 4 the pixel's
// own) from the nearest to the farthest: the reference's choice (no two are equally far).
const int kOrder[4][9] = int[4][9](int[9](4, 1, 3, 0, 5, 2, 7, 6, 8),  // (-0.125, -0.375)
                                   int[9](4, 5, 1, 2, 7, 8, 3, 0, 6),  // (0.375, -0.125)
                                   int[9](4, 3, 7, 6, 1, 0, 5, 8, 2),  // (-0.375, 0.125)
                                   int[9](4, 7, 5, 8, 3, 6, 1, 2, 0));  // (0.125, 0.375)

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
        // The nearest centre that saw the surface: the list walked from the farthest, each match
        // replacing the choice; none, the pixel's own.
        int best = 4;
        for (int k = 8; k >= 0; --k)
            if (centres[kOrder[s][k]].a == seen) best = kOrder[s][k];
        sum += centres[best].rgb;
    }
    outColor = vec4(sum * 0.25, 1.0);
}
