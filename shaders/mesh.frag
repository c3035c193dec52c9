#version 450
#include "common.glsl"
#include "lighting.glsl"
#include "material.glsl"
#include "overlay.glsl"
#include "scaffold.glsl"
#include "aerial.glsl"
#include "lamp_light.glsl"
#include "scene_output.glsl"
#include "grassland.glsl"
#include "solar_rows.glsl"
#include "cloud_field.glsl"
#include "cloud_view.glsl"
#include "precast.glsl"
#include "asphalt.glsl"
#include "pv_cells.glsl"
#include "surface_key.glsl"

// The procedural surface this pipeline draws (scene::ProceduralSurface: 0 none, 1 grassland,
// 2 solar rows, 3 wall panels, 4 asphalt, 5 PV cells), one pipeline each (render::DrawBatch::surface): a CPU device
// runs every branch of a shader for every pixel, so each surface's code is left out of the
// others' pipelines rather than skipped at run time.
layout(constant_id = 1) const uint kSurface = 0u;
// This frame's optional features, left out of the pipeline when off (render::Renderer::kFeature*):
// the heat map on the ground, the site's lamps, buildings under construction.
layout(constant_id = 2) const bool kOverlay = true;
layout(constant_id = 3) const bool kSiteLamps = true;
layout(constant_id = 4) const bool kScaffolding = true;
// The colour's alpha carries the surface's key (surface_key.glsl) for the edge reconstruction.
layout(constant_id = 7) const bool kSurfaceKeyInAlpha = false;
// The sun's lobe widened to the pixel's footprint (specular_footprint.glsl) on plain surfaces; the
// procedural ones are flat and rough, and filter their own detail.
layout(constant_id = 8) const bool kSpecularAntialiasing = true;
// The material names a texture (render::DrawBatch::textured). Without, every texture would be the
// default (white, or flat for the normal map), so the factors alone give the same: the campus's
// materials have none, and five samples and a tangent frame from derivatives were a large share
// of each pixel on a CPU device.
layout(constant_id = 9) const bool kMaterialTextures = true;

const vec3 kSelectionColor = vec3(0.15, 0.75, 1.0);  // linear, on the display (after the tone curve)

layout(location = 0) in vec3 inWorldPosition;
layout(location = 1) in vec3 inNormal;
layout(location = 2) in vec4 inTangent;
layout(location = 3) in vec4 inUv;
layout(location = 4) in vec4 inColor;
layout(location = 5) flat in uvec2 inIds;
layout(location = 6) flat in vec3 inFacetNormal;

layout(location = 0) out vec4 outColor;  // radiance times the exposure
layout(location = 1) out vec2 outIds;  // node and instance index, exact as floats below 2^24

vec2 uvSet(uint set) { return set == 0u ? inUv.xy : inUv.zw; }

vec3 shadingNormal(vec3 geometricNormal) {
    vec2 uv = uvSet(material.texCoords.z);
    vec3 sampled = texture(normalTexture, uv).xyz * 2.0 - 1.0;
    sampled.xy *= material.factors.z;
    vec3 t;
    vec3 b;
    if ((draw.flags & kFlagHasTangents) != 0u) {
        t = normalize(inTangent.xyz - geometricNormal * dot(geometricNormal, inTangent.xyz));
        b = cross(geometricNormal, t) * inTangent.w;
    } else {
        // No tangents in the file: derive the frame from screen-space derivatives.
        vec3 dp1 = dFdx(inWorldPosition);
        vec3 dp2 = dFdy(inWorldPosition);
        vec2 duv1 = dFdx(uv);
        vec2 duv2 = dFdy(uv);
        vec3 dp2perp = cross(dp2, geometricNormal);
        vec3 dp1perp = cross(geometricNormal, dp1);
        t = dp2perp * duv1.x + dp1perp * duv2.x;
        b = dp2perp * duv1.y + dp1perp * duv2.y;
        float scale = inversesqrt(max(max(dot(t, t), dot(b, b)), 1e-20));
        t *= scale;
        b *= scale;
    }
    return normalize(mat3(t, b, geometricNormal) * sampled);
}

// The sun's shadow from the finest cascade that holds the point (engine/render/shadow_cascades.h),
// filtered over 3x3 texels within the cascade's tile of the atlas.
float sunShadow(vec3 position, vec3 normal) {
    if (frame.sunDirection.w < 0.5) return 1.0;
    int cascades = int(frame.shadowAtlas.x);
    float tiles = frame.shadowAtlas.y;
    float texel = frame.shadowAtlas.z;
    for (int c = 0; c < cascades; ++c) {
        // Offsetting along the normal by a texel and a half removes acne on surfaces grazing the sun.
        vec4 light = frame.shadowViewProj[c] * vec4(position + normal * (1.5 * frame.shadowTexel[c]), 1.0);
        vec3 coord = light.xyz / light.w;
        vec2 uv = coord.xy * 0.5 + 0.5;
        // Inside this cascade, clear of its edge by the filter's reach; else try the next.
        float margin = 2.0 * texel * tiles;
        if (any(lessThan(uv, vec2(margin))) || any(greaterThan(uv, vec2(1.0 - margin)))) continue;
        if (coord.z > 1.0) return 1.0;
        vec2 tile = vec2(float(c % 2), float(c / 2));
        vec2 atlas = (uv + (tiles > 1.0 ? tile : vec2(0.0))) / tiles;
        // Four comparisons, each bilinear over 2x2 texels, half a texel either way: a 3x3-texel
        // tent, as soft as nine point comparisons for less than half the sampling (on a CPU
        // device the taps are most of a fragment's cost).
        float lit = 0.0;
        for (int y = 0; y < 2; ++y)
            for (int x = 0; x < 2; ++x)
                lit += texture(shadowMap, vec3(atlas + (vec2(x, y) - 0.5) * texel, coord.z));
        return lit * 0.25;
    }
    return 1.0;
}

void main() {
    // Derivatives first, while every fragment of the quad is still alive.
    bool onLattice = kScaffolding && onScaffold(inWorldPosition, normalize(inNormal));
    // How much of a surface a pixel covers, for procedural detail that must not alias: of the
    // ground (m), across a solar row's pitch, of a wall (m). Only the surface drawn asks.
    float footprint = kSurface == 1u ? max(length(dFdx(inWorldPosition.xz)), length(dFdy(inWorldPosition.xz))) : 0.0;
    float uFootprint = kSurface == 2u ? fwidth(inUv.x) : 0.0;
    vec3 rowsAcross = kSurface == 2u ? solarRowsAcross(inTangent.xyz) : vec3(1.0, 0.0, 0.0);
    float rowsOffset =
        kSurface == 2u ? solarRowsOffset(rowsAcross, normalize(frame.cameraPosition.xyz - inWorldPosition)) : 0.0;
    // Two pixels' worth: seen low, the offset runs through a shade period every two or three
    // pixels, where a filter one pixel wide still leaves moire.
    float offsetFootprint = kSurface == 2u ? 2.0 * fwidth(rowsOffset) : 0.0;
    float shadeFootprint = kSurface == 2u ? max(fwidth(inUv.x), 2.0 * fwidth(inUv.x + rowsOffset)) : 0.0;
    // A module's face: the pixel's extent in its metres along u and v.
    vec2 cellFootprint = kSurface == 5u ? fwidth(inUv.xy) : vec2(0.0);
    float surfaceFootprint = kSurface == 3u || kSurface == 4u
                                 ? max(length(dFdx(inWorldPosition)), length(dFdy(inWorldPosition)))
                                 : 0.0;
    bool filterLobe = kSpecularAntialiasing && kSurface == 0u;
    vec3 halfAcross = filterLobe ? projectedHalfVector(normalize(inNormal),
                                                       normalize(frame.cameraPosition.xyz - inWorldPosition),
                                                       normalize(frame.sunDirection.xyz))
                                 : vec3(0.0);
    vec3 halfAcrossDx = dFdx(halfAcross);
    vec3 halfAcrossDy = dFdy(halfAcross);
    vec4 baseColor = material.baseColorFactor * inColor;
    if (kMaterialTextures) baseColor *= texture(baseColorTexture, uvSet(material.texCoords.x));
    if ((draw.flags & kFlagAlphaMask) != 0u && baseColor.a < material.alpha.x) discard;
    if ((draw.flags & (kFlagAlphaMask | kFlagAlphaBlend)) == 0u) baseColor.a = 1.0;

    vec3 geometricNormal = normalize(inNormal);
    if (!gl_FrontFacing) geometricNormal = -geometricNormal;  // double-sided back faces

    vec4 animation = nodeAnimation(inIds.x);
    if (inWorldPosition.y < animation.y) discard;  // still below ground while rising
    bool scaffold = kScaffolding && inWorldPosition.y > animation.z;
    if (scaffold) {
        if (!onLattice) discard;
        baseColor = vec4(kScaffoldColor, 1.0);
    }
    vec3 n = scaffold || !kMaterialTextures ? geometricNormal : shadingNormal(geometricNormal);
    vec3 v = normalize(frame.cameraPosition.xyz - inWorldPosition);

    vec4 mr = kMaterialTextures ? texture(metallicRoughnessTexture, uvSet(material.texCoords.y)) : vec4(1.0);
    float metallic = scaffold ? 0.0 : clamp(material.factors.x * mr.b, 0.0, 1.0);
    float roughness = scaffold ? 0.7 : clamp(material.factors.y * mr.g, 0.04, 1.0);
    float occlusion =
        kMaterialTextures ? mix(1.0, texture(occlusionTexture, uvSet(material.texCoords.w)).r, material.factors.w) : 1.0;

    if (kSurface == 1u && !scaffold)
        baseColor.rgb = grasslandAlbedo(baseColor.rgb, inWorldPosition.xz, footprint,
                                        length(frame.cameraPosition.xyz - inWorldPosition));
    if (kSurface == 3u && !scaffold)
        baseColor.rgb = precastAlbedo(baseColor.rgb, inWorldPosition, geometricNormal, animation.x, surfaceFootprint);
    // A module's glass reflects alike over its cells and the back sheet between them.
    vec3 reflectingColor = baseColor.rgb;
    if (kSurface == 5u && !scaffold) baseColor.rgb = pvCellsAlbedo(baseColor.rgb, inUv.xy, cellFootprint);
    if (kSurface == 4u && !scaffold)
        baseColor.rgb = asphaltAlbedo(baseColor.rgb, inWorldPosition.xz, inUv.x, material.procedural, surfaceFootprint);
    vec3 f0 = mix(vec3(0.04), kSurface == 5u ? reflectingColor : baseColor.rgb, metallic);
    vec3 diffuseColor = baseColor.rgb * (1.0 - metallic);
    // The sun's beam, through the scene's shadows and the clouds' (the one the twin's solar
    // blocks lose their light to).
    float cloud = cloudShadowAt(inWorldPosition);
    float shadow = sunShadow(inWorldPosition, geometricNormal) * (1.0 - cloud);
    float skyOpen = occlusion * cloudOpenSky(cloud);
    vec3 color;
    if (kSurface == 2u && !scaffold)
        color = solarRowsRadiance(inUv.x, uFootprint, shadeFootprint, offsetFootprint, rowsAcross, v, shadow,
                                  cloudOpenSky(cloud), nodeSurfaceTurn(inIds.x), baseColor.rgb, metallic, roughness);
    else if (filterLobe)
        color = sunAndSkyRadiance(diffuseColor, f0, filteredLobe(n, roughness, halfAcrossDx, halfAcrossDy), n, v, shadow,
                                  skyOpen);
    else
        color = sunAndSkyRadiance(diffuseColor, f0, roughness, n, v, shadow, skyOpen);
    // The cloud's underside, lit from above, shines as a Lambertian sheet of radiance E / PI.
    if (cloud > 0.0)
        color += (diffuseColor + cloudSpecular(f0, roughness, n, v)) / PI * cloudScatteredIrradiance(cloud) * occlusion;
    if (kSiteLamps) color += diffuseColor / PI * lampIrradiance(inWorldPosition, n);
    // Lit windows glow only while the site's lights are on.
    float emissiveOn = material.texCoordsMore.z == 1u ? frame.viewport.w : 1.0;
    if (!scaffold)
        color += emissiveOn * material.emissive.rgb *
                 (kMaterialTextures ? texture(emissiveTexture, uvSet(material.texCoordsMore.x)).rgb : vec3(1.0));
    // The air between the camera and the surface (off without the atmosphere).
    color = aerialPerspective(color, -v, length(frame.cameraPosition.xyz - inWorldPosition) * 1e-3);
    // Seen from above the clouds, through them: along the view ray, from the near plane's point
    // of this pixel (the eye's for a perspective, straight along the axis for an orthographic view).
    if (frame.cameraPosition.y > frame.cloudShape.x && cloudsPresent()) {
        vec4 near = frame.invViewProj * vec4(gl_FragCoord.xy / frame.viewport.xy * 2.0 - 1.0, 0.0, 1.0);
        color = cloudsOverGround(color, inWorldPosition, normalize(inWorldPosition - near.xyz / near.w),
                                 kAtmosphere && frame.atmosphere.x > 0.5);
    }

    vec3 exposed = color * frame.params.x;
    // The heat map and the selection are colours on the screen: mixed after the tone curve, then
    // (drawing the exposed light) taken back through its inverse, so they show as chosen. (The
    // overlay is computed for every fragment: its contour lines take derivatives.)
    vec3 display = kOverlay ? applyOverlay(toneCurve(exposed), inWorldPosition) : toneCurve(exposed);
    if (kDisplayTarget || frame.overlayGrid.w > 0.5 || animation.w > 0.0) {
        // Selected: a cyan tint, stronger at grazing angles so the outline reads from afar.
        float rim = pow(1.0 - max(dot(geometricNormal, v), 0.0), 2.0);
        display = mix(display, kSelectionColor, animation.w * (0.35 + 0.5 * rim));
        outColor = vec4(screenColorOutput(display), baseColor.a);
    } else {
        outColor = vec4(exposed, baseColor.a);
    }
    if (kSurfaceKeyInAlpha) outColor.a = surfaceKey(inIds, inFacetNormal);
    outIds = vec2(inIds);
}
