#version 450
// Flow lines: a dim line with bright dashes moving along it. Each dash brightens towards its
// head, so even a still frame shows which way the flow goes.
#include "scene_output.glsl"

layout(push_constant) uniform FlowConstants {
    mat4 viewProj;
    vec4 eyeTime;   // xyz: eye, w: time in seconds
    vec4 viewport;  // width, height in pixels, minimum ribbon width in pixels, unused
} pc;

layout(location = 0) in vec3 inColor;
layout(location = 1) in float inDistance;
layout(location = 2) in float inAcross;
layout(location = 3) flat in vec2 inSpeedDash;

layout(location = 0) out vec4 outColor;
layout(location = 1) out vec2 outId;  // masked off by the pipeline: picking sees through flows

const float kDuty = 0.55;  // the dash's share of its period

void main() {
    float speed = inSpeedDash.x;
    float period = max(inSpeedDash.y, 1e-3);
    float s = (inDistance - pc.eyeTime.w * speed) / period;
    float u = fract(s);
    if (speed < 0.0) u = 1.0 - u;  // the head leads in the direction of motion
    float aa = max(fwidth(s), 1e-4);
    float dash = mix(0.2, 1.0, clamp(u / kDuty, 0.0, 1.0)) * (1.0 - smoothstep(kDuty - aa, kDuty + aa, u));

    vec3 dim = inColor * 0.55;
    vec3 bright = mix(inColor, vec3(1.0), 0.25);
    float alpha = mix(0.6, 1.0, dash);
    // Softer edges, so wide ribbons read as lines rather than flat bands.
    alpha *= 1.0 - 0.45 * smoothstep(0.55, 1.0, abs(inAcross));
    // The ribbon's own edge, anti-aliased here: a frame shaded once per pixel
    // (render/edge_reconstruction.h) does not rebuild the edges of what is drawn over the scene.
    float across = max(fwidth(inAcross), 1e-4);
    alpha *= clamp((1.0 - abs(inAcross)) / across + 0.5, 0.0, 1.0);
    // The line's colours are chosen for the screen: drawn as the light that tone-maps to them.
    outColor = vec4(screenColorOutput(mix(dim, bright, dash)), alpha);
    outId = vec2(0.0);
}
