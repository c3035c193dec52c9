#version 450
// Passes 2 and 3 of a field step: diffusion as a separable Gaussian blur, along x (axis 0) then
// z (axis 1). Taps outside the grid read 0, as in the CPU reference.
#include "field_common.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(set = 0, binding = 0) readonly buffer Source { float source[]; };
layout(set = 0, binding = 1) writeonly buffer Destination { float destination[]; };
layout(set = 0, binding = 2) readonly buffer Kernel { float weights[]; };  // 2 radius + 1 taps

layout(push_constant) uniform Push {
    ivec2 size;  // nx, nz
    int radius;
    int axis;    // 0: x, 1: z
} push;

void main() {
    const ivec2 cell = ivec2(gl_GlobalInvocationID.xy);
    if (!fieldInside(cell, push.size)) return;
    const ivec2 step = push.axis == 0 ? ivec2(1, 0) : ivec2(0, 1);
    float sum = 0.0;
    for (int k = -push.radius; k <= push.radius; ++k) {
        const ivec2 tap = cell + k * step;
        if (fieldInside(tap, push.size)) sum += weights[k + push.radius] * source[tap.y * push.size.x + tap.x];
    }
    destination[cell.y * push.size.x + cell.x] = sum;
}
