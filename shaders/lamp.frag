#version 450
// A lamp's glow: a core far brighter than anything it lights, which the tone curve burns to
// white and the bloom spreads, and a halo falling off around it (the eye's and the lens's
// scatter), added to the scene's exposed light.
#include "scene_output.glsl"

layout(location = 0) in vec2 inCorner;
layout(location = 1) flat in vec3 inColor;
layout(location = 2) flat in float inCoreShare;

layout(location = 0) out vec4 outColor;
layout(location = 1) out vec2 outId;  // masked off by the pipeline: picking sees through lamps

void main() {
    float r = length(inCorner);
    if (r >= 1.0) discard;
    float core = 1.0 - smoothstep(inCoreShare * 0.7, inCoreShare * 1.15, r);
    float halo = exp(-r * r * 9.0) * 0.35;
    const float kCoreGain = 3.0;
    outColor = vec4(sceneOutput(inColor * (core * kCoreGain + halo)), 1.0);
    outId = vec2(0.0);
}
