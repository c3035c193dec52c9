#version 450
// Lamps (engine/render/lamp_pass.h): one camera-facing sprite per instance, six vertices, sized
// to the lamp's head in the world or kept at a minimum on screen, three times wider for the halo.
layout(push_constant) uniform LampConstants {
    mat4 viewProj;
    vec4 viewport;  // width, height in pixels, minimum core radius (px), projection scale ([1][1])
    vec4 state;     // on (0..1), clock (s), flash duty, unused
    vec4 eye;       // xyz: the camera
} pc;

layout(location = 0) in vec4 inPositionSize;  // world position, head radius (m)
layout(location = 1) in vec4 inColorFlash;    // colour times brightness, flashes per minute

layout(location = 0) out vec2 outCorner;  // -1 .. +1 across the sprite
layout(location = 1) flat out vec3 outColor;
layout(location = 2) flat out float outCoreShare;  // the core's radius as a share of the sprite's

const vec2 kCorners[6] = vec2[](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));
const float kHalo = 3.0;  // the sprite's radius, in core radii

void main() {
    vec3 position = inPositionSize.xyz;
    vec4 clip = pc.viewProj * vec4(position, 1.0);
    float flashes = inColorFlash.w;
    // Flashing lamps are on for the first `duty` of each period, all of one rate in unison.
    bool lit = flashes <= 0.0 || fract(pc.state.y * flashes / 60.0) < pc.state.z;
    if (!lit || clip.w <= 1e-3) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the view: nothing drawn
        return;
    }
    float pixelsPerMetre = abs(pc.viewport.w) * 0.5 * pc.viewport.y / clip.w;  // [1][1] is negative: y points down
    float coreRadius = max(inPositionSize.w * pixelsPerMetre, pc.viewport.z);
    // The sprite stands its own radius in front of the lamp, towards the camera: the fixture it
    // hangs on (a nacelle, a hub, a pole's head), as small on screen as the sprite, does not hide
    // it; a building in front still does.
    float radius_m = coreRadius * kHalo / pixelsPerMetre;
    vec3 toEye = pc.eye.xyz - position;
    position += toEye * min(radius_m / max(length(toEye), 1e-3), 0.5);
    clip = pc.viewProj * vec4(position, 1.0);
    vec2 corner = kCorners[gl_VertexIndex];
    vec2 offset = corner * coreRadius * kHalo * 2.0 / pc.viewport.xy;
    gl_Position = clip + vec4(offset * clip.w, 0.0, 0.0);
    outCorner = corner;
    outColor = inColorFlash.rgb * pc.state.x;
    outCoreShare = 1.0 / kHalo;
}
