#version 450
// Pass 1 of a field step, three steps of the scheme fused (twin/heat_field.h): sources and
// relaxation (theta decay + q gain), semi-Lagrangian advection, and the diffusion blur along x.
// None of them needs another cell's result of the same step except the blur, which needs the
// advected values of its row: so a workgroup takes one row segment of kWidth cells, computes
// the advected values of the segment and its halo (the kernel's radius each side) into shared
// memory once, and every invocation blurs its own cell from there.
//
// The taps are taken in blocks of up to kTaps: a block needs kWidth + kTaps - 1 advected values,
// which is what shared memory holds, so any radius works (one block up to radius 64). Within and
// across blocks every invocation adds its taps in ascending order, the CPU reference's order;
// cells outside the grid hold 0 (ambient air), which adds exactly nothing, so the CPU's skipping
// of those taps gives the same sum. The loops run the same for every invocation: the kernel
// weight is the same for all of them at each step and the tile is read in consecutive cells.
#include "field_common.glsl"

const int kWidth = 128;                // cells written per workgroup, one per invocation
const int kTile = 256;                 // advected values held in shared memory (1 KiB)
const int kTaps = kTile - kWidth + 1;  // taps per block

layout(local_size_x = kWidth) in;

layout(set = 0, binding = 0) readonly buffer Source { float source[]; };   // theta at the step's start
layout(set = 0, binding = 1) writeonly buffer Destination { float destination[]; };
layout(set = 0, binding = 2) readonly buffer Kernel { float weights[]; };  // 2 radius + 1 taps
layout(set = 0, binding = 3) readonly buffer Rate { float rate[]; };       // q, K/s per cell

layout(push_constant) uniform Push {
    ivec2 size;     // nx, nz
    ivec2 offset;   // floor(-shift): the backtrace's lower-left cell relative to this one
    vec4 bilinear;  // w00, w10, w01, w11 of the backtrace
    float decay;    // relaxation over dt
    float gain;     // s; multiplies q
    int radius;     // of the blur kernel
} push;

shared float advected[kTile];

// The field after sources and relaxation (step 1), 0 outside the grid.
float heated(ivec2 cell) {
    if (!fieldInside(cell, push.size)) return 0.0;
    const int index = cell.y * push.size.x + cell.x;
    return source[index] * push.decay + rate[index] * push.gain;
}

// Step 2 at a cell of the grid: the four weights in the CPU's order.
float advect(ivec2 cell) {
    const ivec2 base = cell + push.offset;
    return push.bilinear.x * heated(base) + push.bilinear.y * heated(base + ivec2(1, 0)) +
           push.bilinear.z * heated(base + ivec2(0, 1)) + push.bilinear.w * heated(base + ivec2(1, 1));
}

void main() {
    const int row = int(gl_WorkGroupID.y);
    const int first = int(gl_WorkGroupID.x) * kWidth;  // the segment's first cell
    const int local = int(gl_LocalInvocationID.x);
    const int r = push.radius;
    const int nx = push.size.x;
    float sum = 0.0;
    // Everything below is the same for the whole workgroup, so every invocation meets every barrier.
    for (int k0 = -r; k0 <= r; k0 += kTaps) {
        const int taps = min(kTaps, r - k0 + 1);
        const int count = kWidth + taps - 1;  // cells first + k0 .. first + k0 + count - 1
        barrier();                            // the last block's reads are done before it is overwritten
        for (int n = local; n < count; n += kWidth) {
            const int x = first + k0 + n;
            advected[n] = x >= 0 && x < nx ? advect(ivec2(x, row)) : 0.0;
        }
        barrier();
        // Tap k0 + k of cell first + local reads cell first + local + k0 + k: slot local + k.
        for (int k = 0; k < taps; ++k) sum += weights[k0 + k + r] * advected[local + k];
    }
    const int i = first + local;
    if (i < nx) destination[row * nx + i] = sum;
}
