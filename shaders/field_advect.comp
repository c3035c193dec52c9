#version 450
// Pass 2 of a field step: semi-Lagrangian advection. Each cell takes the bilinear value at its
// centre minus the wind's shift (u dt / dx cells); outside the grid is ambient (0). The shift is
// the same for every cell, so the host splits it once into a whole-cell offset and four weights
// (formed in double and rounded to float, exactly as twin::HeatFieldCpu does).
#include "field_common.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(set = 0, binding = 0) readonly buffer Source { float source[]; };
layout(set = 0, binding = 1) writeonly buffer Destination { float destination[]; };

layout(push_constant) uniform Push {
    ivec2 size;     // nx, nz
    ivec2 offset;   // floor(-shift): the backtrace's lower-left cell relative to this one
    vec4 weights;   // w00, w10, w01, w11
} push;

void main() {
    const ivec2 cell = ivec2(gl_GlobalInvocationID.xy);
    if (!fieldInside(cell, push.size)) return;
    const ivec2 base = cell + push.offset;
    float value;
    FIELD_BILINEAR(source, push.size, base, push.weights, value)
    destination[cell.y * push.size.x + cell.x] = value;
}
