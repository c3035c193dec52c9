#version 450
// Instance culling on the GPU (engine/render/gpu_culling.h): what render::collectVisibleInstances
// does on the CPU, one invocation per instance chunk. A chunk of a node drawn this frame, whose
// instances are not all finer than the pass's minimum size and whose bounds (moved by its node's
// motion) meet the frustum, lists each of its instances in its group's part of the visible list:
// all of them, or, for a mesh with levels of detail, those whose chosen level is the group's.
// Groups' parts start at fixed bases (their capacity), counted with atomics: the order within a
// part is the GPU's, the set the CPU's. With occlusion culling this is its first phase: only the
// chunks seen last time are listed (cull_occluded.comp decides the rest against their depth).
layout(local_size_x = 64) in;

#include "cull_common.glsl"

void main() {
    uint c = gl_GlobalInvocationID.x;
    if (c >= floatBitsToUint(cull.params.y)) return;
    vec3 lo, hi;
    if (!chunkBounds(c, lo, hi) || !meetsFrustum(lo, hi)) return;
    if (cull.params.w > 0.0 && chunkSeen[c] == 0u) return;
    listInstances(c);
}
