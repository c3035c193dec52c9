#version 450
// One step up the bloom chain (engine/render/bloom.cpp): this level's texel plus the bilinear
// enlargement of the coarser level's result.
#include "bloom_enlarge.glsl"

layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0) uniform sampler2D fine;
layout(set = 0, binding = 1) uniform sampler2D coarse;
layout(set = 0, binding = 2, rgba16f) uniform writeonly image2D destination;

void main() {
    ivec2 texel = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(texel, imageSize(destination)))) return;
    vec3 sum = texelFetch(fine, texel, 0).rgb + bloomEnlarge(coarse, texel);
    imageStore(destination, texel, vec4(sum, 1.0));
}
