#version 450
// A lamp's glow: a core that burns to white where bright, and a halo falling off around it (the
// eye's and the lens's scatter), added to the scene.
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
    vec3 light = inColor * (core + halo);
    // Saturate like film: bright cores go white, dim halos keep their colour.
    vec3 display = vec3(1.0) - exp(-light);
    outColor = vec4(display, 1.0);
    outId = vec2(0.0);
}
