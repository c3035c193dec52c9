#version 450
// Occlusion culling's second phase (engine/render/gpu_culling.h), after the chunks seen last time
// were drawn and the depth pyramid built from what they left (depth_pyramid_*.comp): every chunk
// the frame shows is tested against the pyramid as render::boxOccluded does on the CPU (but for
// the nodes never culled so: drawn out of their bounds, which their box does not hold, or flat on
// the ground). What is
// hidden is remembered as not seen; what is seen and was not drawn in the first phase is listed
// now, in this phase's own lists, and drawn over the first phase's depth.
layout(local_size_x = 64) in;

#include "cull_common.glsl"

layout(std430, set = 0, binding = 8) readonly buffer OcclusionView {
    mat4 viewProj;
    uvec4 pyramid;     // x: levels
    uvec4 levels[16];  // per level: first texel, width, height
} view;
// The farthest depth per texel, level after level (render/depth_pyramid_pass.h).
layout(std430, set = 0, binding = 9) readonly buffer DepthPyramid { float pyramidTexels[]; };

bool boxOccluded(vec3 lo, vec3 hi) {
    vec2 rectLo = vec2(1e30), rectHi = vec2(-1e30);
    float nearest = 1e30;
    for (int corner = 0; corner < 8; ++corner) {
        vec3 p = vec3((corner & 1) != 0 ? hi.x : lo.x, (corner & 2) != 0 ? hi.y : lo.y, (corner & 4) != 0 ? hi.z : lo.z);
        vec4 clip = view.viewProj * vec4(p, 1.0);
        if (clip.w <= 1e-6) return false;  // behind the eye: the box reaches the camera
        vec3 ndc = clip.xyz / clip.w;
        rectLo = min(rectLo, ndc.xy);
        rectHi = max(rectHi, ndc.xy);
        nearest = min(nearest, ndc.z);
    }
    if (nearest < 0.0) return false;  // in front of the near plane
    if (rectHi.x < -1.0 || rectHi.y < -1.0 || rectLo.x > 1.0 || rectLo.y > 1.0) return false;
    uvec2 size = view.levels[0].yz;
    uvec2 first = min(uvec2(floor((clamp(rectLo, -1.0, 1.0) * 0.5 + 0.5) * vec2(size))), size - 1u);
    uvec2 last = min(uvec2(floor((clamp(rectHi, -1.0, 1.0) * 0.5 + 0.5) * vec2(size))), size - 1u);
    uint level = 0u;
    while (level + 1u < view.pyramid.x &&
           ((last.x >> level) - (first.x >> level) > 1u || (last.y >> level) - (first.y >> level) > 1u))
        ++level;
    uvec4 lv = view.levels[level];
    uvec2 top = lv.yz - 1u;
    uvec2 a = min(first >> level, top), b = min(last >> level, top);
    float farthest = 0.0;
    for (uint y = a.y; y <= b.y; ++y)
        for (uint x = a.x; x <= b.x; ++x)
            farthest = max(farthest, pyramidTexels[lv.x + y * lv.y + x]);
    return nearest > farthest;
}

void main() {
    uint c = gl_GlobalInvocationID.x;
    if (c >= floatBitsToUint(cull.params.y)) return;
    vec3 lo, hi;
    uint seenBefore = chunkSeen[c];
    if (!chunkBounds(c, lo, hi) || !meetsFrustum(lo, hi)) {
        chunkSeen[c] = 0u;
        return;
    }
    bool seen = (nodeFlags(chunks[c].info.x) & kNodeNeverOccluded) != 0u || !boxOccluded(lo, hi);
    chunkSeen[c] = seen ? 1u : 0u;
    if (seen && seenBefore == 0u) listInstances(c);
}
