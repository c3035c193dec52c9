#version 450
// Passes 3 and 4 of a field step: diffusion as a separable Gaussian blur, along x (axis 0) then
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
    // The taps that fall inside the grid, found once so the loop has no per-tap test; summed in
    // ascending order from 0, as the CPU does.
    const int along = push.axis == 0 ? cell.x : cell.y;
    const int length = push.axis == 0 ? push.size.x : push.size.y;
    const int stride = push.axis == 0 ? 1 : push.size.x;
    const int first = max(-push.radius, -along);
    const int last = min(push.radius, length - 1 - along);
    int index = cell.y * push.size.x + cell.x + first * stride;
    float sum = 0.0;
    for (int k = first; k <= last; ++k, index += stride) sum += weights[k + push.radius] * source[index];
    destination[cell.y * push.size.x + cell.x] = sum;
}
