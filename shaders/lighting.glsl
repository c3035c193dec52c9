// Sky and the GGX BRDF, shared by the mesh and sky shaders. They draw radiance times the
// exposure (frame.params.x); the tone map pass puts it through the filmic curve.
#ifndef CT_LIGHTING_GLSL
#define CT_LIGHTING_GLSL

#include "sky_irradiance.glsl"
#include "sky_specular.glsl"

const float PI = 3.14159265359;

#include "specular_footprint.glsl"

vec3 skyRadiance(vec3 direction) {
    float up = direction.y;
    if (up < 0.0) return mix(frame.skyHorizon.rgb, frame.groundColor.rgb, clamp(-up * 4.0, 0.0, 1.0));
    return mix(frame.skyHorizon.rgb, frame.skyZenith.rgb, pow(clamp(up, 0.0, 1.0), 0.5));
}

// Irradiance over pi from the sky above and the lit ground below for a surface facing `normal`,
// in the units the caller multiplies by the sky intensity. With the atmosphere the sky's share
// comes from its spherical harmonics (engine/render/sky_irradiance.h), so a wall facing the sunset
// takes its glow; without, a two-colour fit. The ground's share is its radiance (the sun and sky
// it reflects, not its albedo) over the lower hemisphere a surface sees: (1 - n.y) / 2 of it.
vec3 skyIrradiance(vec3 normal) {
    float t = normal.y * 0.5 + 0.5;
    if (kAtmosphere && frame.atmosphere.x > 0.5) {
        const float band[9] = float[9](1.0, 2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 0.25, 0.25, 0.25, 0.25, 0.25);
        float y[9];
        shBasis(normalize(normal), y);
        vec3 e = vec3(0.0);
        for (int k = 0; k < 9; ++k) e += band[k] * y[k] * skyIrradianceSh[k].rgb;
        vec3 sky = max(e, vec3(0.0)) * frame.atmosphere.z / max(frame.params.w, 1e-3);
        // Night: the moon's and the stars' sky, a floor over the upper hemisphere.
        sky += frame.atmosphere.w * mix(frame.nightHorizon.rgb, frame.nightZenith.rgb, 0.5) * t;
        return sky + frame.groundBounce.rgb * (1.0 - t);
    }
    vec3 skyAverage = mix(frame.skyHorizon.rgb, frame.skyZenith.rgb, 0.5);
    return mix(frame.groundBounce.rgb, skyAverage, t);
}

float distributionGGX(float nDotH, float roughness) {
    float a = roughness * roughness;
    float a2 = a * a;
    float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    return a2 / max(PI * d * d, 1e-7);
}

float visibilitySmithGGX(float nDotV, float nDotL, float roughness) {
    float a = roughness * roughness;
    float a2 = a * a;
    float v = nDotL * sqrt(nDotV * nDotV * (1.0 - a2) + a2);
    float l = nDotV * sqrt(nDotL * nDotL * (1.0 - a2) + a2);
    return 0.5 / max(v + l, 1e-7);
}

vec3 fresnelSchlick(float vDotH, vec3 f0) {
    return f0 + (1.0 - f0) * pow(1.0 - vDotH, 5.0);
}

// The sky's light a surface reflects, in the units skyIrradiance returns. With the atmosphere:
// the prefiltered sky at the surface's roughness along its mirror direction, the ground's light
// where the lobe dips below the horizon and the night's floor, scaled by the environment BRDF
// (render/sky_specular.h); so panel glass seen low mirrors the horizon's glow and a rough roof
// takes little. Without: a share of the two-colour sky.
vec3 skySpecular(vec3 f0, float roughness, vec3 n, vec3 v) {
    vec3 r = reflect(-v, n);
    if (kAtmosphere && frame.atmosphere.x > 0.5) {
        vec4 env = skySpecularLookup(skySpecularMap, r, roughness);
        vec3 radiance = env.rgb * frame.atmosphere.z / max(frame.params.w, 1e-3) + frame.groundBounce.rgb * env.a +
                        frame.atmosphere.w * mix(frame.nightHorizon.rgb, frame.nightZenith.rgb, 0.5) * (1.0 - env.a);
        vec2 brdf = max(envBrdfApprox(roughness, max(dot(n, v), 1e-4)), vec2(0.0));
        return radiance * (f0 * brdf.x + brdf.y);
    }
    return f0 * skyRadiance(r) * (1.0 - roughness) * 0.5;
}

// How much of a cloud's grey underside a surface mirrors, per unit of the cloud's radiance: the
// environment BRDF along its mirror direction, where that looks up at the sky the cloud hides
// (cloud_field.glsl's cloudOpenSky takes the blue sky's share away). Glass under a storm deck
// mirrors grey, not the clear sky's blue.
vec3 cloudSpecular(vec3 f0, float roughness, vec3 n, vec3 v) {
    vec3 r = reflect(-v, n);
    vec2 brdf = max(envBrdfApprox(roughness, max(dot(n, v), 1e-4)), vec2(0.0));
    return (f0 * brdf.x + brdf.y) * smoothstep(-0.05, 0.2, r.y);
}

// Sun and sky on an opaque surface, given the sun's specular lobe (D times V) at h: Schlick
// Fresnel, Lambert diffuse and the sky's ambient and reflection at `envRoughness`.
vec3 shadeSunAndSky(vec3 diffuseColor, vec3 f0, float envRoughness, vec3 n, vec3 v, vec3 l, vec3 h, float lobe,
                    float shadow, float occlusion) {
    float nDotL = max(dot(n, l), 0.0);
    vec3 f = fresnelSchlick(max(dot(v, h), 0.0), f0);
    vec3 diffuse = (1.0 - f) * diffuseColor / PI;
    vec3 color = (diffuse + f * lobe) * frame.sunRadiance.rgb * nDotL * shadow;
    return color + (diffuseColor * skyIrradiance(n) + skySpecular(f0, envRoughness, n, v)) * occlusion * frame.params.w;
}

// Sun and sky with GGX specular and Smith visibility. One function for the scene's surfaces and
// the plain the sky shader draws past the terrain's edge, so the two shade alike and meet without
// a seam.
vec3 sunAndSkyRadiance(vec3 diffuseColor, vec3 f0, float roughness, vec3 n, vec3 v, float shadow, float occlusion) {
    vec3 l = normalize(frame.sunDirection.xyz);
    vec3 h = normalize(l + v);
    float nDotL = max(dot(n, l), 0.0);
    float nDotV = max(dot(n, v), 1e-4);
    float nDotH = max(dot(n, h), 0.0);
    float lobe = distributionGGX(nDotH, roughness) * visibilitySmithGGX(nDotV, nDotL, roughness);
    return shadeSunAndSky(diffuseColor, f0, roughness, n, v, l, h, lobe, shadow, occlusion);
}

// The same with the lobe widened to the pixel's footprint (specular_footprint.glsl).
vec3 sunAndSkyRadiance(vec3 diffuseColor, vec3 f0, SpecularLobe lobe, vec3 n, vec3 v, float shadow, float occlusion) {
    vec3 l = normalize(frame.sunDirection.xyz);
    vec3 h = normalize(l + v);
    return shadeSunAndSky(diffuseColor, f0, filteredRoughness(lobe), n, v, l, h, filteredSpecular(lobe, n, h, v, l),
                          shadow, occlusion);
}

#endif
