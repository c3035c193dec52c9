#version 450
// Pass 2 of a field step: the diffusion blur along z, tiled. A workgroup writes a block of
// kColumns x kRows cells; it loads the block's columns with the halo above and below (the
// kernel's radius) into shared memory and each invocation sums its cells' taps from there:
// every value is read from memory about (kRows + 2 radius) / kRows times instead of once per tap.
// The taps are taken in blocks of up to kTaps (one block up to radius 32), each in ascending
// order as the CPU reference adds them; rows outside the grid hold 0, which adds exactly nothing,
// as the CPU's skipping of them does.

const int kColumns = 32;                // block width: one invocation per column
const int kLanes = 4;                   // invocations per column
const int kRows = 32;                   // block height: kRows / kLanes cells per invocation
const int kTile = 96;                   // rows held in shared memory (12 KiB)
const int kTaps = kTile - kRows + 1;    // taps per block
const int kPerInvocation = kRows / kLanes;

layout(local_size_x = kColumns, local_size_y = kLanes) in;

layout(set = 0, binding = 0) readonly buffer Source { float source[]; };
layout(set = 0, binding = 1) writeonly buffer Destination { float destination[]; };
layout(set = 0, binding = 2) readonly buffer Kernel { float weights[]; };  // 2 radius + 1 taps

layout(push_constant) uniform Push {
    ivec2 size;  // nx, nz
    int radius;
} push;

shared float rows[kTile][kColumns];

void main() {
    const int lane = int(gl_LocalInvocationID.y);
    const int column = int(gl_LocalInvocationID.x);
    const int i = int(gl_WorkGroupID.x) * kColumns + column;
    const int firstRow = int(gl_WorkGroupID.y) * kRows;
    const int r = push.radius;
    const ivec2 size = push.size;
    // This invocation's cells are rows firstRow + lane + n kLanes of column i.
    float sums[kPerInvocation];
    for (int n = 0; n < kPerInvocation; ++n) sums[n] = 0.0;
    // Everything below is the same for the whole workgroup, so every invocation meets every barrier.
    for (int k0 = -r; k0 <= r; k0 += kTaps) {
        const int taps = min(kTaps, r - k0 + 1);
        const int count = kRows + taps - 1;  // rows firstRow + k0 .. firstRow + k0 + count - 1
        barrier();                           // the last block's reads are done before it is overwritten
        for (int n = lane; n < count; n += kLanes) {
            const int j = firstRow + k0 + n;
            rows[n][column] = j >= 0 && j < size.y && i < size.x ? source[j * size.x + i] : 0.0;
        }
        barrier();
        // Tap k0 + k of row firstRow + m reads row firstRow + m + k0 + k: slot m + k.
        for (int k = 0; k < taps; ++k) {
            const float weight = weights[k0 + k + r];
            for (int n = 0; n < kPerInvocation; ++n) sums[n] += weight * rows[lane + n * kLanes + k][column];
        }
    }
    if (i >= size.x) return;
    for (int n = 0; n < kPerInvocation; ++n) {
        const int j = firstRow + lane + n * kLanes;
        if (j < size.y) destination[j * size.x + i] = sums[n];
    }
}
