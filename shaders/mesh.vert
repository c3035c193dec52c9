#version 450
#include "common.glsl"

layout(location = 0) in vec3 inPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inTangent;
layout(location = 3) in vec2 inUv0;
layout(location = 4) in vec2 inUv1;
layout(location = 5) in vec4 inColor;

layout(location = 0) out vec3 outWorldPosition;
layout(location = 1) out vec3 outNormal;
layout(location = 2) out vec4 outTangent;
layout(location = 3) out vec4 outUv;  // xy: set 0, zw: set 1
layout(location = 4) out vec4 outColor;
layout(location = 5) flat out uvec2 outIds;

void main() {
    Instance instance = instances[cameraVisible[gl_InstanceIndex]];
    vec4 world = instance.model * vec4(inPosition, 1.0);
    world.y += nodeAnimation(instance.ids.x).x;
    mat3 normalMatrix = mat3(instance.normalMatrix[0].xyz, instance.normalMatrix[1].xyz,
                             instance.normalMatrix[2].xyz);
    vec3 normal = normalMatrix * inNormal;
    float minPixels = uintBitsToFloat(instance.ids.z);
    if (minPixels > 0.0) {
        // Thin geometry: push the surface out along its normal by half the minimum width, at
        // this depth, so the part is never narrower than that on screen. Near, where the part is
        // many pixels wide, the push is a fraction of a pixel and shows nothing.
        float w = (frame.viewProj * world).w;
        float metresPerPixel = 2.0 * w / (frame.viewport.z * frame.viewport.y);
        world.xyz += normalize(normal) * (0.5 * minPixels * metresPerPixel);
    }
    outWorldPosition = world.xyz;
    outNormal = normal;
    outTangent = vec4(mat3(instance.model) * inTangent.xyz, inTangent.w);
    outUv = vec4(inUv0, inUv1);
    outColor = inColor;
    outIds = instance.ids.xy;
    gl_Position = frame.viewProj * world;
}
