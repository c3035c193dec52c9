#version 450
// The multisampled half of a frame shaded once per pixel (engine/render/edge_reconstruction.h):
// which surface each sample sees (surface_key.glsl), and nothing else. What mesh.frag discards is discarded here
// too, by the same tests, so that a sample never reports a surface the shaded frame cut away;
// each test is in the pipeline only where a draw or the frame needs it (a CPU device runs every
// branch for every pixel).
#include "common.glsl"
#include "material.glsl"
#include "scaffold.glsl"
#include "surface_key.glsl"

layout(constant_id = 1) const bool kAlphaMask = false;    // the draw's material is alpha-masked
layout(constant_id = 2) const bool kRising = false;       // the frame has buildings still below ground
layout(constant_id = 4) const bool kScaffolding = false;  // ... or under scaffolding

layout(location = 0) in vec3 inWorldPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 3) in vec4 inUv;
layout(location = 4) in vec4 inColor;
layout(location = 5) flat in uvec2 inIds;
layout(location = 6) flat in vec3 inFacetNormal;

layout(location = 0) out float outKey;  // surface_key.glsl

void main() {
    bool onLattice = kScaffolding && onScaffold(inWorldPosition, normalize(inNormal));
    if (kAlphaMask) {
        vec2 uv = material.texCoords.x == 0u ? inUv.xy : inUv.zw;
        float alpha = material.baseColorFactor.a * inColor.a * texture(baseColorTexture, uv).a;
        if (alpha < material.alpha.x) discard;
    }
    if (kRising || kScaffolding) {
        vec4 animation = nodeAnimation(inIds.x);
        if (inWorldPosition.y < animation.y) discard;
        if (kScaffolding && inWorldPosition.y > animation.z && !onLattice) discard;
    }
    outKey = surfaceKey(inIds, inFacetNormal);
}
