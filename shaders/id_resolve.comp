#version 450
// The node-id image of a multisampled frame, resolved: each pixel takes its first sample's ids
// whole. Ids are names, not amounts, so they are never averaged as colour is.
layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0) uniform sampler2DMS multisampled;
layout(set = 0, binding = 1, rg32f) uniform writeonly image2D resolved;

void main() {
    ivec2 pixel = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(pixel, imageSize(resolved)))) return;
    imageStore(resolved, pixel, texelFetch(multisampled, pixel, 0));
}
