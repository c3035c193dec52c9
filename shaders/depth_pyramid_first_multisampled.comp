#version 450
// The depth pyramid's level 0 from a multisampled depth (engine/render/depth_pyramid_pass.h): per
// pixel the farthest of its samples, so that a box behind every sample of a pixel is behind the
// pixel, as the resolved frame shows it.
layout(local_size_x = 8, local_size_y = 8) in;

layout(set = 0, binding = 0) uniform sampler2DMS depth;
layout(std430, set = 0, binding = 1) buffer Pyramid { float texels[]; };

layout(push_constant) uniform Levels {
    uvec4 below;  // w: the depth's samples a pixel
    uvec4 here;   // first texel, width, height
} levels;

void main() {
    uvec2 p = gl_GlobalInvocationID.xy;
    if (p.x >= levels.here.y || p.y >= levels.here.z) return;
    float farthest = 0.0;
    for (int s = 0; s < int(levels.below.w); ++s)
        farthest = max(farthest, texelFetch(depth, ivec2(p), s).r);
    texels[levels.here.x + p.y * levels.here.y + p.x] = farthest;
}
