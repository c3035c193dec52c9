#version 450
// Instance culling on the GPU (engine/render/gpu_culling.h): what render::collectVisibleInstances
// does on the CPU, one invocation per instance chunk. A chunk of a node drawn this frame, whose
// instances are not all finer than the pass's minimum size and whose bounds (moved by its node's
// motion) meet the frustum, lists each of its instances in its group's part of the visible list:
// all of them, or, for a mesh with levels of detail, those whose chosen level is the group's.
// Groups' parts start at fixed bases (their capacity), counted with atomics: the order within a
// part is the GPU's, the set the CPU's.
layout(local_size_x = 64) in;

struct Chunk {
    vec4 lo;     // xyz: world bounds' min; w: the first instance (bits)
    vec4 hi;     // xyz: max; w: how many instances (bits)
    uvec4 info;  // node, group, the group's level (0xffffffff: every instance), instance size (float bits)
};
layout(std430, set = 0, binding = 0) readonly buffer Chunks { Chunk chunks[]; };
// One byte a node (drawn or not) and one an instance (its level), four to a word: copied as the
// CPU holds them.
layout(std430, set = 0, binding = 1) readonly buffer NodeDrawn { uint nodeDrawn[]; };
layout(std430, set = 0, binding = 2) readonly buffer InstanceLevels { uint instanceLevels[]; };
layout(std430, set = 0, binding = 3) readonly buffer NodeMotions { vec4 nodeMotions[]; };  // 3 rows a node
layout(std430, set = 0, binding = 4) readonly buffer GroupBases { uint groupBases[]; };
layout(std430, set = 0, binding = 5) buffer GroupCounts { uint groupCounts[]; };
layout(std430, set = 0, binding = 6) writeonly buffer Visible { uint visible[]; };

layout(push_constant) uniform Cull {
    vec4 planes[6];  // inside: dot(xyz, p) + w >= 0
    vec4 params;     // x: the minimum instance size (m); y: chunks (bits)
} cull;

uint byteAt(uint word, uint index) {
    return (word >> (8u * (index & 3u))) & 0xffu;
}

bool meetsFrustum(vec3 lo, vec3 hi) {
    if (lo.x > hi.x) return false;  // empty
    for (int i = 0; i < 6; ++i) {
        vec4 plane = cull.planes[i];
        vec3 p = vec3(plane.x >= 0.0 ? hi.x : lo.x, plane.y >= 0.0 ? hi.y : lo.y, plane.z >= 0.0 ? hi.z : lo.z);
        if (dot(plane.xyz, p) + plane.w < 0.0) return false;
    }
    return true;
}

void main() {
    uint c = gl_GlobalInvocationID.x;
    if (c >= floatBitsToUint(cull.params.y)) return;
    Chunk chunk = chunks[c];
    uint node = chunk.info.x;
    if (byteAt(nodeDrawn[node >> 2u], node) == 0u || uintBitsToFloat(chunk.info.w) < cull.params.x) return;
    vec3 lo = chunk.lo.xyz;
    vec3 hi = chunk.hi.xyz;
    vec4 r0 = nodeMotions[3u * node], r1 = nodeMotions[3u * node + 1u], r2 = nodeMotions[3u * node + 2u];
    if (r0 != vec4(1, 0, 0, 0) || r1 != vec4(0, 1, 0, 0) || r2 != vec4(0, 0, 1, 0)) {
        // Moved: the box's image, its centre's image and half extents through |rotation|.
        vec3 centre = 0.5 * (lo + hi), extent = 0.5 * (hi - lo);
        vec3 moved = vec3(dot(r0, vec4(centre, 1.0)), dot(r1, vec4(centre, 1.0)), dot(r2, vec4(centre, 1.0)));
        vec3 reach = vec3(dot(abs(r0.xyz), extent), dot(abs(r1.xyz), extent), dot(abs(r2.xyz), extent));
        lo = moved - reach;
        hi = moved + reach;
    }
    if (!meetsFrustum(lo, hi)) return;
    uint first = floatBitsToUint(chunk.lo.w);
    uint count = floatBitsToUint(chunk.hi.w);
    uint group = chunk.info.y;
    uint level = chunk.info.z;
    for (uint i = first; i < first + count; ++i) {
        if (level != 0xffffffffu && byteAt(instanceLevels[i >> 2u], i) != level) continue;
        visible[groupBases[group] + atomicAdd(groupCounts[group], 1u)] = i;
    }
}
