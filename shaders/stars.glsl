// Stars for the night sky: a fixed random field over the celestial directions (cells on the six
// faces of a cube, so no pole pinches), each star a point about a pixel wide whatever the
// resolution, brighter ones rarer, dimmed towards the horizon where the air is thick.
#ifndef CT_STARS_GLSL
#define CT_STARS_GLSL

float starHash(vec2 p) {
    vec3 q = fract(vec3(p.xyx) * vec3(0.1031, 0.1030, 0.0973));
    q += dot(q, q.yzx + 33.33);
    return fract((q.x + q.y) * q.z);
}

vec3 starField(vec3 direction) {
    vec3 a = abs(direction);
    vec2 uv;
    float face;
    if (a.x >= a.y && a.x >= a.z) {
        uv = direction.zy / a.x;
        face = direction.x > 0.0 ? 0.0 : 1.0;
    } else if (a.y >= a.z) {
        uv = direction.xz / a.y;
        face = direction.y > 0.0 ? 2.0 : 3.0;
    } else {
        uv = direction.xy / a.z;
        face = direction.z > 0.0 ? 4.0 : 5.0;
    }
    const float kCells = 420.0;  // per face side: about 0.2 degrees a cell
    vec2 grid = (uv * 0.5 + 0.5) * kCells;
    vec2 cell = floor(grid);
    vec2 seed = cell + face * 997.0;
    if (starHash(seed) > 0.02) return vec3(0.0);  // most cells are empty
    vec2 centre = vec2(starHash(seed + 17.0), starHash(seed + 41.0)) * 0.8 + 0.1;
    // Distance to the star in pixels: the cell's size on screen from the derivatives.
    float cellsPerPixel = max(length(fwidth(grid)), 1e-4);
    float pixels = length(grid - cell - centre) / cellsPerPixel;
    float magnitude = pow(starHash(seed + 73.0), 6.0);  // many faint, few bright
    float brightness = (0.012 + 0.35 * magnitude) * exp(-pixels * pixels * 1.2);
    // Blue-white to yellow-white.
    vec3 tint = mix(vec3(0.8, 0.88, 1.0), vec3(1.0, 0.9, 0.75), starHash(seed + 5.0));
    return tint * brightness * smoothstep(0.02, 0.25, direction.y);
}

#endif
