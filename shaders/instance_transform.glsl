// Where an instance's vertex lands in the world: its node's spin (a fan), its transform, its
// node's motion (a rotor, a tracker) and lift (a building rising), and thin geometry pushed out to its minimum width on screen. The scene's pass and the
// coverage pass (coverage.vert) place every vertex by this one function, so that their samples
// see the same surfaces.
#ifndef CT_INSTANCE_TRANSFORM_GLSL
#define CT_INSTANCE_TRANSFORM_GLSL

// `normal`: the vertex normal in the world (instanceWorldNormal).
vec4 instanceWorldPosition(Instance instance, vec3 position, vec3 normal) {
    vec3 spun = nodeSpin(instance.ids.x, position);
    vec4 world = vec4(nodeMotionPoint(instance.ids.x, vec3(instance.model * vec4(spun, 1.0))), 1.0);
    world.y += nodeAnimation(instance.ids.x).x;
    float minPixels = uintBitsToFloat(instance.ids.z);
    if (minPixels > 0.0) {
        // Thin geometry: push the surface out along its normal by half the minimum width, at
        // this depth, so the part is never narrower than that on screen. Near, where the part is
        // many pixels wide, the push is a fraction of a pixel and shows nothing.
        float w = (frame.viewProj * world).w;
        float metresPerPixel = 2.0 * w / (frame.viewport.z * frame.viewport.y);
        world.xyz += normalize(normal) * (0.5 * minPixels * metresPerPixel);
    }
    return world;
}

mat3 instanceNormalMatrix(Instance instance) {
    return mat3(instance.normalMatrix[0].xyz, instance.normalMatrix[1].xyz, instance.normalMatrix[2].xyz);
}

// A mesh normal or tangent in the world: the instance's, spun and turned with its node.
vec3 instanceWorldNormal(Instance instance, vec3 normal) {
    return nodeMotionDirection(instance.ids.x, instanceNormalMatrix(instance) * nodeSpin(instance.ids.x, normal));
}
vec3 instanceWorldTangent(Instance instance, vec3 tangent) {
    return nodeMotionDirection(instance.ids.x, mat3(instance.model) * nodeSpin(instance.ids.x, tangent));
}

#endif
