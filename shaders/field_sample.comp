#version 450
// Reads the field at a few points (the coolers' inlets) so only those values come back to the
// host: bilinear at cell coordinates p = (x - origin) / dx - 0.5, 0 outside the grid.
#include "field_common.glsl"

layout(local_size_x = 64) in;

layout(set = 0, binding = 0) readonly buffer Field { float field[]; };
layout(set = 0, binding = 1) readonly buffer Points { vec2 points[]; };
layout(set = 0, binding = 2) writeonly buffer Values { float values[]; };

layout(push_constant) uniform Push {
    ivec2 size;  // nx, nz
    int count;
} push;

void main() {
    const int index = int(gl_GlobalInvocationID.x);
    if (index >= push.count) return;
    const vec2 p = clamp(points[index], vec2(-1.0e6), vec2(1.0e6));
    const vec2 whole = floor(p);
    const vec2 fraction = p - whole;
    const ivec2 base = ivec2(whole);
    float value;
    FIELD_BILINEAR(field, push.size, base, fraction, value)
    values[index] = value;
}
