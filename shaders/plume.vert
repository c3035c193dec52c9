#version 450
// Plume puffs (engine/render/plume_pass.h): one camera-facing sprite per puff, six vertices, the
// puff's radius in the world.
layout(push_constant) uniform PlumeConstants {
    mat4 viewProj;
} pc;

layout(location = 0) in vec4 inPositionRadius;  // world position, radius (m)
layout(location = 1) in vec4 inColorOpacity;    // exposed colour, opacity at the centre
layout(location = 2) in float inSeed;            // the puff's lumps

layout(location = 0) out vec2 outCorner;  // -1 .. +1 across the sprite
layout(location = 1) flat out vec4 outColorOpacity;
layout(location = 2) flat out float outSeed;

const vec2 kCorners[6] = vec2[](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));

void main() {
    vec4 clip = pc.viewProj * vec4(inPositionRadius.xyz, 1.0);
    vec2 corner = kCorners[gl_VertexIndex];
    // The sprite spans the puff's radius: the projection's x and y scales taken from the matrix,
    // so its size in clip space is its size in the world at its depth.
    vec2 scale = vec2(length(vec3(pc.viewProj[0][0], pc.viewProj[1][0], pc.viewProj[2][0])),
                      length(vec3(pc.viewProj[0][1], pc.viewProj[1][1], pc.viewProj[2][1])));
    gl_Position = clip + vec4(corner * scale * inPositionRadius.w, 0.0, 0.0);
    outCorner = corner;
    outColorOpacity = inColorOpacity;
    outSeed = inSeed;
}
