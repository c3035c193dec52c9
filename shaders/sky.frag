#version 450
#include "common.glsl"
#include "lighting.glsl"

layout(location = 0) in vec2 inNdc;
layout(location = 0) out vec4 outColor;

void main() {
    vec4 far = frame.invViewProj * vec4(inNdc, 1.0, 1.0);
    vec4 near = frame.invViewProj * vec4(inNdc, 0.0, 1.0);
    vec3 direction = normalize(far.xyz / far.w - near.xyz / near.w);
    vec3 color = skyRadiance(direction);
    float sunCos = dot(direction, normalize(frame.sunDirection.xyz));
    color += frame.sunRadiance.rgb * smoothstep(0.9995, 0.9998, sunCos);
    outColor = vec4(tonemap(color), 1.0);
}
