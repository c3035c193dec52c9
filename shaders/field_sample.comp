#version 450
// Reads the field at a few points (the coolers' inlets) so only those values come back to the
// host: bilinear at cell coordinates p = (x - origin) / dx - 0.5. As twin::HeatFieldCpu::sample(),
// a point off the grid (p outside [-0.5, n - 0.5]) reads 0, and neighbours off the grid read 0.
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
    const vec2 p = points[index];
    // Written so that NaN also lands off the grid.
    const bool onGrid = all(greaterThanEqual(p, vec2(-0.5))) && all(lessThanEqual(p, vec2(push.size) - 0.5));
    float value = 0.0;
    if (onGrid) {
        const vec2 whole = floor(p);
        const vec2 f = p - whole;
        const vec4 weights = vec4((1.0 - f.x) * (1.0 - f.y), f.x * (1.0 - f.y), (1.0 - f.x) * f.y, f.x * f.y);
        const ivec2 base = ivec2(whole);
        FIELD_BILINEAR(field, push.size, base, weights, value)
    }
    values[index] = value;
}
