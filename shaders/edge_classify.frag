#version 450
// The first half of the edge reconstruction (engine/render/edge_reconstruction_pass.h): every
// pixel takes its own shading, and the depth target marks the pixels with a sample that saw
// another surface than the centre (0) apart from the rest (1), so that the second half's early
// depth test passes over whole blocks without an edge: a CPU device skips a block only that way.
layout(set = 0, binding = 0) uniform sampler2D shaded;         // rgb: the light, a: the surface's key
layout(set = 0, binding = 1) uniform sampler2DMS sampleKeys;  // each sample's surface key

layout(location = 0) out vec4 outColor;

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec4 centre = texelFetch(shaded, pixel, 0);
    bool edge = false;
    for (int s = 0; s < 4; ++s) edge = edge || texelFetch(sampleKeys, pixel, s).r != centre.a;
    outColor = vec4(centre.rgb, 1.0);
    gl_FragDepth = edge ? 0.0 : 1.0;
}
