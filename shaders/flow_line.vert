#version 450
// Flow lines (engine/render/flow_lines.h): each polyline point comes twice, once per edge, and
// is pushed sideways here, across the line and across the view, so the ribbon faces the camera.
layout(push_constant) uniform FlowConstants {
    mat4 viewProj;
    vec4 eyeTime;   // xyz: eye, w: time in seconds
    vec4 viewport;  // width, height in pixels, minimum ribbon width in pixels, unused
} pc;

layout(location = 0) in vec4 inPositionSide;     // centre point, side (-1 or +1)
layout(location = 1) in vec4 inTangentDistance;  // unit tangent, distance along the line (m)
layout(location = 2) in vec4 inColorHalfWidth;   // linear RGB, half the width (m)
layout(location = 3) in vec2 inSpeedDash;        // dash speed (m/s), dash period (m)

layout(location = 0) out vec3 outColor;
layout(location = 1) out float outDistance;
layout(location = 2) out float outAcross;  // -1 .. +1 from edge to edge
layout(location = 3) flat out vec2 outSpeedDash;

void main() {
    vec3 centre = inPositionSide.xyz;
    float side = inPositionSide.w;
    vec3 tangent = inTangentDistance.xyz;
    vec3 toEye = pc.eyeTime.xyz - centre;
    vec3 across = cross(tangent, toEye);
    float acrossLength = length(across);
    if (acrossLength <= 1e-6 * max(length(toEye), 1.0)) {
        // Looking straight along the line: any direction across it will do.
        across = cross(tangent, abs(tangent.y) < 0.9 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0));
        acrossLength = length(across);
    }
    across /= acrossLength;

    float halfWidth = inColorHalfWidth.w;
    vec4 clipCentre = pc.viewProj * vec4(centre, 1.0);
    vec4 clipEdge = pc.viewProj * vec4(centre + across * halfWidth, 1.0);
    // Far away, keep the ribbon at least the minimum width on screen.
    if (clipCentre.w > 1e-3 && clipEdge.w > 1e-3) {
        vec2 pixels = (clipEdge.xy / clipEdge.w - clipCentre.xy / clipCentre.w) * 0.5 * pc.viewport.xy;
        float halfPixels = length(pixels);
        float minHalfPixels = 0.5 * pc.viewport.z;
        if (halfPixels > 0.0 && halfPixels < minHalfPixels) halfWidth *= minHalfPixels / halfPixels;
    }

    gl_Position = pc.viewProj * vec4(centre + across * halfWidth * side, 1.0);
    outColor = inColorHalfWidth.rgb;
    outDistance = inTangentDistance.w;
    outAcross = side;
    outSpeedDash = inSpeedDash;
}
