// The far view of a solar farm (scene::ProceduralSurface::SolarRows): one level quad per row,
// one row pitch wide, at the modules' height, standing in for the row's modules and the ground
// beside them. What an eye sees of a tracker field depends on where it looks from: across the
// rows at a low angle the modules close up into a dark sheet, from overhead the ground shows
// between them, and the modules shade part of that ground, more as the sun sinks. So the shader
// works out, along the eye's and the sun's rays, how much of the quad the tilted modules cover
// and how much of the ground seen between them lies in their shade, and lights the modules at
// their tilt. Near, the rows are drawn as bands filtered to the pixel; once a pixel spans a whole
// pitch the same figures are taken over the pitch, so rows far apart shade to their mean and
// nothing crawls.
#ifndef CT_SOLAR_ROWS_GLSL
#define CT_SOLAR_ROWS_GLSL

#include "bands.glsl"

// How wide (over the pitch) a module `share` of the pitch wide and tilted by `tilt` lies on a
// level plane, projected along `ray` (across the rows, up): what an eye sees of it, or the shade
// it casts. At 1 or more the rows close up.
float projectedShare(float share, float tilt, vec2 ray) {
    return share * abs(cos(tilt) - sin(tilt) * ray.x / max(ray.y, 1e-3));
}

// How irregular a real field is, as a share of the rays' run between modules and ground
// (render/solar_rows.h, kRowIrregularity).
const float kRowIrregularity = 0.25;

// The rows' across direction, level, from the quad's tangent.
vec3 solarRowsAcross(vec3 tangent) {
    const vec3 up = vec3(0.0, 1.0, 0.0);
    return normalize(tangent - up * dot(tangent, up));
}

// A ground point seen through the gap at u lies `height` below the quad along the eye's ray; the
// sun's ray from it climbs back to the modules' height: where it arrives on a module, the point
// is in shade. The offset (over the pitch) carries u to where that sun's ray arrives. It follows
// the eye's ray, so across a pixel seen low it can run through whole pitches: the caller takes
// its derivatives for solarRowsRadiance's footprints.
float solarRowsOffset(vec3 across, vec3 v) {
    vec3 l = normalize(frame.sunDirection.xyz);
    vec2 eye = vec2(dot(v, across), max(v.y, 1e-3));
    vec2 sun = vec2(dot(l, across), l.y);
    return material.procedural.y * (sun.x / max(sun.y, 1e-3) - eye.x / eye.y);
}

// The share of the gap [gapStart, gapStart + gap) in the shade bands (`shade` wide), averaged
// over `spread` of offsets around the pixel centre's (in gapStart): the difference of band
// integrals box-filtered once more (bands.glsl). It is periodic in the offset, so gapStart is
// taken to a small positive period first, which keeps the integrals' floats exact enough.
float gapShade(float gapStart, float gap, float shade, float spread) {
    if (spread < 0.01) return (bandIntegral(gapStart + gap, shade) - bandIntegral(gapStart, shade)) / gap;
    float h = 0.5 * min(spread, 64.0);
    float x = fract(gapStart) + ceil(h) + 1.0;
    return (bandIntegralIntegral(x + gap + h, shade) - bandIntegralIntegral(x + gap - h, shade) -
            bandIntegralIntegral(x + h, shade) + bandIntegralIntegral(x - h, shade)) /
           (gap * 2.0 * h);
}

// Radiance from the quad at `u` (across the pitch, 0..1), `across` the level direction of growing
// u (solarRowsAcross), `v` towards the eye, `shadow` the sun's shadow map, `skyOpen` the share of
// the sky's light left (a cloud deck overhead takes some), `turn` the trackers' turn on top of the
// material's tilt (the node's: the rows near turn with the twin). A pixel's extent:
// `uFootprint` in u, `shadeFootprint` in u + offset (where its ground's shade is looked up) and
// `offsetFootprint` in the offset alone.
vec3 solarRowsRadiance(float u, float uFootprint, float shadeFootprint, float offsetFootprint, vec3 across, vec3 v,
                       float shadow, float skyOpen, float turn, vec3 moduleColor, float metallic, float roughness) {
    const vec3 up = vec3(0.0, 1.0, 0.0);
    float share = material.procedural.x;
    float tilt = material.procedural.z + turn;
    vec3 l = normalize(frame.sunDirection.xyz);
    vec2 eye = vec2(dot(v, across), max(v.y, 1e-3));
    vec2 sun = vec2(dot(l, across), l.y);
    bool sunUp = sun.y > 1e-3;
    float seen = min(projectedShare(share, tilt, eye), 1.0);
    float shade = sunUp ? min(projectedShare(share, tilt, sun), 1.0) : 1.0;
    float offset = solarRowsOffset(across, v);

    // Near: this pixel's bands. Whole pitches: the ground seen is the gap beside each module,
    // and the shade on it is the overlap of that gap, carried by `offset`, with the shade bands.
    float modulesNear = bandCoverage(u, seen, uFootprint);
    float shadedNear = bandCoverage(u + offset, shade, shadeFootprint);
    float gap = 1.0 - seen;
    float gapStart = 0.5 + 0.5 * seen + offset;
    // A real field is not a perfect lattice: seen low, the rays run many pitches between the
    // modules and the ground, and the rows no longer agree on the phase of their shade.
    float run = material.procedural.y * (abs(eye.x) / eye.y + (sunUp ? abs(sun.x) / sun.y : 0.0));
    float shadedFar = gap > 1e-3 ? gapShade(gapStart, gap, shade, offsetFootprint + kRowIrregularity * run) : 1.0;
    float far = smoothstep(0.5, 1.0, uFootprint);
    float modules = mix(modulesNear, seen, far);
    float shaded = sunUp ? mix(shadedNear, shadedFar, far) : 1.0;

    // The modules face the sky turned by the tilt about the row's axis (+ turns them to -across).
    vec3 moduleNormal = normalize(cos(tilt) * up - sin(tilt) * across);
    if (dot(moduleNormal, v) < 0.0) moduleNormal = -moduleNormal;  // seen from behind: the back sheet
    vec3 f0 = mix(vec3(0.04), moduleColor, metallic);
    vec3 moduleLight =
        sunAndSkyRadiance(moduleColor * (1.0 - metallic), f0, roughness, moduleNormal, v, shadow, skyOpen);
    // The ground between rows sees less sky: the modules take part of it.
    vec3 groundLight = sunAndSkyRadiance(frame.groundColor.rgb, vec3(0.04), 1.0, up, v, shadow * (1.0 - shaded),
                                         skyOpen * (1.0 - 0.5 * share));
    return mix(groundLight, moduleLight, modules);
}

#endif
