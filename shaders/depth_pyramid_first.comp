#version 450
// The depth pyramid's level 0 (engine/render/depth_pyramid_pass.h): the frame's depth, copied into
// the buffer the levels above are reduced in, rows top to bottom.
layout(local_size_x = 8, local_size_y = 8) in;

layout(set = 0, binding = 0) uniform sampler2D depth;
layout(std430, set = 0, binding = 1) buffer Pyramid { float texels[]; };

layout(push_constant) uniform Levels {
    uvec4 below;  // unused here
    uvec4 here;   // first texel, width, height
} levels;

void main() {
    uvec2 p = gl_GlobalInvocationID.xy;
    if (p.x >= levels.here.y || p.y >= levels.here.z) return;
    texels[levels.here.x + p.y * levels.here.y + p.x] = texelFetch(depth, ivec2(p), 0).r;
}
