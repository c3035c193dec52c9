#version 450
// Pass 1 of a field step: semi-Lagrangian advection. Each cell takes the bilinear value at its
// centre minus the wind's shift (u dt / dx cells); outside the grid is ambient (0).
#include "field_common.glsl"

layout(local_size_x = 16, local_size_y = 16) in;

layout(set = 0, binding = 0) readonly buffer Source { float source[]; };
layout(set = 0, binding = 1) writeonly buffer Destination { float destination[]; };

layout(push_constant) uniform Push {
    ivec2 size;   // nx, nz
    vec2 shift;   // cells; the backtrace is cell minus shift
} push;

void main() {
    const ivec2 cell = ivec2(gl_GlobalInvocationID.xy);
    if (!fieldInside(cell, push.size)) return;
    // The shift is the same for every cell, so its whole and fractional parts are split once:
    // the fraction is then exact in float at any grid size (i - shift in float would lose
    // bits of the fraction at i ~ 2048). Clamped so int() never overflows; far shifts read 0.
    const vec2 back = clamp(-push.shift, vec2(-1.0e6), vec2(1.0e6));
    const vec2 whole = floor(back);
    const vec2 fraction = back - whole;
    const ivec2 base = cell + ivec2(whole);
    float value;
    FIELD_BILINEAR(source, push.size, base, fraction, value)
    destination[cell.y * push.size.x + cell.x] = value;
}
