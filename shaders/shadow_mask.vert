#version 450
#include "common.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 3) in vec2 inUv0;
layout(location = 4) in vec2 inUv1;
layout(location = 5) in vec4 inColor;

layout(location = 0) out vec4 outUv;
layout(location = 1) out vec4 outColor;

void main() {
    outUv = vec4(inUv0, inUv1);
    outColor = inColor;
    Instance instance = instances[shadowVisible[gl_InstanceIndex]];
    vec3 spun = nodeSpin(instance.ids.x, inPosition);
    vec4 world = vec4(nodeMotionPoint(instance.ids.x, vec3(instance.model * vec4(spun, 1.0))), 1.0);
    world.y += nodeAnimation(instance.ids.x).x;
    gl_Position = frame.shadowViewProj[draw.cascade] * world;
}
