#version 450
// The coverage pass's vertices (coverage.frag): placed as the scene's (instance_transform.glsl),
// with only what coverage.frag reads passed on.
#include "common.glsl"
#include "instance_transform.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 3) in vec2 inUv0;
layout(location = 4) in vec2 inUv1;
layout(location = 5) in vec4 inColor;

layout(location = 0) out vec3 outWorldPosition;
layout(location = 1) out vec3 outNormal;
layout(location = 3) out vec4 outUv;  // xy: set 0, zw: set 1
layout(location = 4) out vec4 outColor;
layout(location = 5) flat out uvec2 outIds;
layout(location = 6) flat out vec3 outFacetNormal;

void main() {
    Instance instance = instances[cameraVisible[gl_InstanceIndex]];
    vec3 normal = instanceWorldNormal(instance, inNormal);
    vec4 world = instanceWorldPosition(instance, inPosition, normal);
    outWorldPosition = world.xyz;
    outNormal = normal;
    outUv = vec4(inUv0, inUv1);
    outColor = inColor;
    outIds = instance.ids.xy;
    outFacetNormal = normal;
    gl_Position = frame.viewProj * world;
}
