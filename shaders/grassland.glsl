// The West Texas plain around the site, made up from noise where no texture could hold it: dry
// grass with drier and greener stretches, pale caliche where the soil shows through, and
// mesquite, dark olive shrubs a few metres across, scattered thicker away from the bare ground.
// Detail goes down to half a metre near the camera; variation runs to half a kilometre; each
// layer fades to its mean before it gets smaller than a pixel or two, so nothing crawls, and far
// away the plain is its base colour again, the colour the sky shader carries past the terrain.
#ifndef CT_GRASSLAND_GLSL
#define CT_GRASSLAND_GLSL

float grassHash(vec2 p) {
    vec3 p3 = fract(vec3(p.xyx) * 0.1031);
    p3 += dot(p3, p3.yzx + 33.33);
    return fract((p3.x + p3.y) * p3.z);
}

float grassValueNoise(vec2 p) {
    vec2 i = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    return mix(mix(grassHash(i), grassHash(i + vec2(1.0, 0.0)), u.x),
               mix(grassHash(i + vec2(0.0, 1.0)), grassHash(i + vec2(1.0, 1.0)), u.x), u.y);
}

// One layer of noise of this wavelength (m), fading to its mean (0.5) as a pixel (footprint, m)
// grows to a quarter and then half of it.
float grassLayer(vec2 xz, float wavelength, float footprint) {
    float keep = 1.0 - smoothstep(0.25 * wavelength, 0.5 * wavelength, footprint);
    // Each layer's own offset, so the layers' lattices do not line up.
    return mix(0.5, grassValueNoise(xz / wavelength + wavelength * 0.731), keep);
}

// Mesquite: in cells of `cell` m a shrub of 0.12-0.3 of the cell in radius, kept within it, its
// edge lobed by noise, present where the cell's draw falls under `density`. Far away (a pixel
// over a metre and a half) the share of the ground the shrubs would cover, not dots that alias.
float mesquiteGrid(vec2 xz, float cell, float seed, float density, float footprint) {
    vec2 c = floor(xz / cell);
    vec2 centre = (c + 0.32 + 0.36 * vec2(grassHash(c + seed), grassHash(c + seed + 7.7))) * cell;
    float radius = cell * mix(0.12, 0.3, grassHash(c + seed + 11.3));
    radius *= 0.75 + 0.5 * grassValueNoise(xz * 0.9 + seed);  // lobed, not round
    float present = step(grassHash(c + seed + 17.9), density);
    float edge = max(footprint, 0.05);
    float disc = present * (1.0 - smoothstep(-edge, edge, length(xz - centre) - radius));
    // The mean shrub (radius 0.21 of the cell) covers pi 0.21^2 of it.
    float expected = density * 0.139;
    return mix(expected, disc, 1.0 - smoothstep(1.5, 3.0, footprint));
}

// Two grids of different sizes, so the shrubs do not stand in rows.
float mesquiteCover(vec2 xz, float density, float footprint) {
    float a = mesquiteGrid(xz, 11.0, 3.1, density, footprint);
    float b = mesquiteGrid(xz + 4.3, 7.0, 19.4, 0.7 * density, footprint);
    return max(a, b);
}

vec3 grasslandAlbedo(vec3 base, vec2 xz, float footprint, float distance_m) {
    float patches = 0.6 * grassLayer(xz, 420.0, footprint) + 0.4 * grassLayer(xz, 110.0, footprint);
    float dryness = grassLayer(xz, 35.0, footprint);
    float detail = 0.5 * grassLayer(xz, 6.0, footprint) + 0.3 * grassLayer(xz, 1.7, footprint) +
                   0.2 * grassLayer(xz, 0.5, footprint);
    // Greener (cooler, darker) to drier (warmer, paler) grass.
    vec3 grass = base * mix(vec3(0.86, 0.92, 0.88), vec3(1.12, 1.06, 1.0), dryness);
    // Caliche: the pale calcrete under thin soil, where the grass is sparse.
    float bare = smoothstep(0.56, 0.72, patches);
    vec3 albedo = mix(grass, base * vec3(1.36, 1.3, 1.24), 0.65 * bare);
    albedo *= 0.84 + 0.32 * detail;
    // Shrubs in loose clumps, thinner where the ground is bare.
    float clumps = smoothstep(0.25, 0.75, grassLayer(xz, 45.0, footprint));
    float density = mix(0.55, 0.1, smoothstep(0.35, 0.65, patches)) * (0.3 + 1.1 * clumps);
    albedo = mix(albedo, vec3(0.085, 0.1, 0.05), mesquiteCover(xz, density, footprint));
    // Kilometres out the plain is its base colour, as the sky shader draws it past the terrain.
    return mix(albedo, base, smoothstep(3000.0, 7000.0, distance_m));
}

#endif
