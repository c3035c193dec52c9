// What the culling passes share (engine/render/gpu_culling.h): the chunks, the frame's inputs, the
// lists they write, and the tests the CPU makes in render::collectVisibleInstances.
struct Chunk {
    vec4 lo;     // xyz: world bounds' min; w: the first instance (bits)
    vec4 hi;     // xyz: max; w: how many instances (bits)
    uvec4 info;  // node, group, the group's level (0xffffffff: every instance), instance size (float bits)
};
layout(std430, set = 0, binding = 0) readonly buffer Chunks { Chunk chunks[]; };
// One byte a node and one an instance (its level), four to a word. A node's: bit 0 drawn this
// frame, bit 1 never occlusion-culled (drawn out of its bounds: widened on screen, lifted, spun;
// or lying flat on the ground, where the order it is drawn in decides its ties with the terrain).
layout(std430, set = 0, binding = 1) readonly buffer NodeDrawn { uint nodeDrawn[]; };
layout(std430, set = 0, binding = 2) readonly buffer InstanceLevels { uint instanceLevels[]; };
layout(std430, set = 0, binding = 3) readonly buffer NodeMotions { vec4 nodeMotions[]; };  // 3 rows a node
layout(std430, set = 0, binding = 4) readonly buffer GroupBases { uint groupBases[]; };
layout(std430, set = 0, binding = 5) buffer GroupCounts { uint groupCounts[]; };
layout(std430, set = 0, binding = 6) writeonly buffer Visible { uint visible[]; };
// Per chunk, whether it was seen (not occluded) when last culled: occlusion culling's memory.
layout(std430, set = 0, binding = 7) buffer ChunkSeen { uint chunkSeen[]; };

layout(push_constant) uniform Cull {
    vec4 planes[6];  // inside: dot(xyz, p) + w >= 0
    // x: the minimum instance size (m); y: chunks (bits); z: where this pass's lists start in the
    // visible list (bits); w: 1 to list only the chunks seen when last culled
    vec4 params;
} cull;

uint byteAt(uint word, uint index) {
    return (word >> (8u * (index & 3u))) & 0xffu;
}

const uint kNodeDrawn = 1u;
const uint kNodeNeverOccluded = 2u;

uint nodeFlags(uint node) {
    return byteAt(nodeDrawn[node >> 2u], node);
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

// Chunk `c` as the frame sees it: false where its node is not drawn or its instances are all
// finer than the pass's minimum size; else its bounds, moved by its node's motion.
bool chunkBounds(uint c, out vec3 lo, out vec3 hi) {
    Chunk chunk = chunks[c];
    uint node = chunk.info.x;
    lo = chunk.lo.xyz;
    hi = chunk.hi.xyz;
    if ((nodeFlags(node) & kNodeDrawn) == 0u || uintBitsToFloat(chunk.info.w) < cull.params.x) return false;
    vec4 r0 = nodeMotions[3u * node], r1 = nodeMotions[3u * node + 1u], r2 = nodeMotions[3u * node + 2u];
    if (r0 != vec4(1, 0, 0, 0) || r1 != vec4(0, 1, 0, 0) || r2 != vec4(0, 0, 1, 0)) {
        // Moved: the box's image, its centre's image and half extents through |rotation|.
        vec3 centre = 0.5 * (lo + hi), extent = 0.5 * (hi - lo);
        vec3 moved = vec3(dot(r0, vec4(centre, 1.0)), dot(r1, vec4(centre, 1.0)), dot(r2, vec4(centre, 1.0)));
        vec3 reach = vec3(dot(abs(r0.xyz), extent), dot(abs(r1.xyz), extent), dot(abs(r2.xyz), extent));
        lo = moved - reach;
        hi = moved + reach;
    }
    return true;
}

// Lists each of chunk c's instances (of its group's level, for a mesh with levels) in its
// group's part of this pass's lists.
void listInstances(uint c) {
    Chunk chunk = chunks[c];
    uint first = floatBitsToUint(chunk.lo.w);
    uint count = floatBitsToUint(chunk.hi.w);
    uint group = chunk.info.y;
    uint level = chunk.info.z;
    uint base = floatBitsToUint(cull.params.z) + groupBases[group];
    for (uint i = first; i < first + count; ++i) {
        if (level != 0xffffffffu && byteAt(instanceLevels[i >> 2u], i) != level) continue;
        visible[base + atomicAdd(groupCounts[group], 1u)] = i;
    }
}
