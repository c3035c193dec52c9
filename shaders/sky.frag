#version 450
#include "common.glsl"
#include "lighting.glsl"

#include "aerial.glsl"
#include "stars.glsl"
#include "scene_output.glsl"
#include "cloud_field.glsl"
#include "cloud_view.glsl"

// The stars only in night frames (Renderer::skyPipeline; kAtmosphere, common.glsl, likewise per
// frame): a CPU device would run them for every pixel of a day sky.
layout(constant_id = 6) const bool kStars = true;

layout(location = 0) in vec2 inNdc;
layout(location = 0) out vec4 outColor;

vec3 atmosphereSky(vec3 direction) {
    if (direction.y < 0.0) {
        // Below the horizon where the scene drew nothing: the plain goes on, flat, lit as the
        // scene's ground is (sun and sky on a diffuse surface of the ground's colour), to where
        // the haze takes it.
        float distance_km = frame.haze.w / max(-direction.y, 1e-4);
        vec3 ground = frame.cameraPosition.xyz + direction * (distance_km * 1000.0);
        float cloud = cloudShadowAt(ground);
        vec3 lit = sunAndSkyRadiance(frame.groundColor.rgb, vec3(0.04), 1.0, vec3(0.0, 1.0, 0.0), -direction,
                                     1.0 - cloud, cloudOpenSky(cloud)) +
                   frame.groundColor.rgb / PI * cloudScatteredIrradiance(cloud);
        return cloudsOverGround(aerialPerspective(lit, direction, distance_km), ground, direction, true);
    }
    vec3 sky = skyViewRadiance(direction);
    // Night: the sun's light is gone; moon, stars and the towns' glow stand in as a floor.
    float up = clamp(direction.y, 0.0, 1.0);
    sky += frame.atmosphere.w * mix(frame.nightHorizon.rgb, frame.nightZenith.rgb, sqrt(up));
    // Stars come out as the sky darkens; in the renderer's units, so the exposure treats them
    // as it treats the sky.
    if (kStars) sky += frame.lampState.w * starField(direction);
    return sky;
}

void main() {
    vec4 far = frame.invViewProj * vec4(inNdc, 1.0, 1.0);
    vec4 near = frame.invViewProj * vec4(inNdc, 0.0, 1.0);
    vec3 direction = normalize(far.xyz / far.w - near.xyz / near.w);
    bool atmosphere = kAtmosphere && frame.atmosphere.x > 0.5;
    vec3 color = cloudsOverSky(atmosphere ? atmosphereSky(direction) : skyRadiance(direction), direction, atmosphere);
    // The sun's disk: with the atmosphere where the sun truly is, as the air lets it through.
    vec3 sun = atmosphere ? normalize(frame.skySun.xyz) : normalize(frame.sunDirection.xyz);
    vec3 disk = atmosphere ? frame.sunDisk.rgb : frame.sunRadiance.rgb;
    // The sun's true size (0.27 degrees in radius), but never under a pixel and a half, with an
    // edge a pixel soft; angles from the chord, which keeps float precision where a cosine is ~1.
    float pixelAngle = 2.0 / (frame.viewport.z * frame.viewport.y);
    float radius = max(0.00465, 1.5 * pixelAngle);
    float angle = 2.0 * asin(clamp(0.5 * length(direction - sun), 0.0, 1.0));
    // The disk's radiance is its illuminance over 6.8e-5 sr, thousands of times the sky's: drawn
    // far brighter than the sky, it saturates as it does in a photograph.
    const float kDiskOverSky = 40.0;
    // A cloud in front of the sun hides its disk as its shadow hides its beam.
    float clear = 1.0;
    float below = frame.cloudShape.x - frame.cameraPosition.y;
    if (cloudsPresent() && below > 0.0 && sun.y > 0.0)
        clear = 1.0 - cloudDensityAt(frame.cameraPosition.xz + sun.xz * (below / max(sun.y, 0.052335956)));
    color += disk * kDiskOverSky * (1.0 - smoothstep(radius - pixelAngle, radius + pixelAngle, angle)) *
             (direction.y > 0.0 ? clear : 0.0);
    outColor = vec4(sceneOutput(color * frame.params.x), 1.0);
}
