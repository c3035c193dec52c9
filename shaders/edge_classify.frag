#version 450
// The first half of the edge reconstruction (engine/render/edge_reconstruction_pass.h): every
// pixel takes its own shading, and the depth target marks the pixels whose samples saw another
// surface than their centre (0) apart from the rest (1), so that the second half's early depth
// test passes over whole blocks without an edge: a CPU device skips a block only that way.
layout(set = 0, binding = 0) uniform sampler2D shaded;
layout(set = 0, binding = 1) uniform sampler2D centreIds;
layout(set = 0, binding = 2) uniform sampler2DMS sampleIds;

layout(location = 0) out vec4 outColor;

void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy);
    vec2 centre = texelFetch(centreIds, pixel, 0).xy;
    bool edge = false;
    for (int s = 0; s < 4; ++s) edge = edge || texelFetch(sampleIds, pixel, s).xy != centre;
    outColor = texelFetch(shaded, pixel, 0);
    gl_FragDepth = edge ? 0.0 : 1.0;
}
