#version 450
// One level of the depth pyramid from the level below (engine/render/depth_pyramid_pass.h): the
// farthest of the 2x2 texels under each, 3 wide (tall) at the last column (row) where the level
// below is odd, as render::buildDepthPyramid does on the CPU.
layout(local_size_x = 8, local_size_y = 8) in;

layout(std430, set = 0, binding = 1) buffer Pyramid { float texels[]; };

layout(push_constant) uniform Levels {
    uvec4 below;  // first texel, width, height
    uvec4 here;
} levels;

void main() {
    uvec2 p = gl_GlobalInvocationID.xy;
    uvec2 size = levels.here.yz;
    if (p.x >= size.x || p.y >= size.y) return;
    uvec2 belowSize = levels.below.yz;
    uvec2 first = min(2u * p, belowSize - 1u);
    uvec2 last = min(2u * p + uvec2(p.x + 1u == size.x && (belowSize.x & 1u) != 0u ? 2u : 1u,
                                    p.y + 1u == size.y && (belowSize.y & 1u) != 0u ? 2u : 1u),
                     belowSize - 1u);
    float farthest = 0.0;
    for (uint y = first.y; y <= last.y; ++y)
        for (uint x = first.x; x <= last.x; ++x)
            farthest = max(farthest, texels[levels.below.x + y * belowSize.x + x]);
    texels[levels.here.x + p.y * size.x + p.x] = farthest;
}
