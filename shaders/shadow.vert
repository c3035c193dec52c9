#version 450
#include "common.glsl"

layout(location = 0) in vec3 inPosition;

void main() {
    Instance instance = instances[shadowVisible[gl_InstanceIndex]];
    vec3 spun = nodeSpin(instance.ids.x, inPosition);
    vec4 world = vec4(nodeMotionPoint(instance.ids.x, vec3(instance.model * vec4(spun, 1.0))), 1.0);
    world.y += nodeAnimation(instance.ids.x).x;
    gl_Position = frame.shadowViewProj[draw.cascade] * world;
}
