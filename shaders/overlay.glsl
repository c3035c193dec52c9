// The ground overlay (heat map) drawn on any surface under its grid: the value at the fragment's
// x, z through the colour map, blended by the opacity, with optional contour lines.
#ifndef CT_OVERLAY_GLSL
#define CT_OVERLAY_GLSL

float overlayCell(ivec2 c) {
    ivec2 size = ivec2(frame.overlayInfo.xy);
    c = clamp(c, ivec2(0), size - 1);
    return overlayValues[c.y * size.x + c.x];
}

vec3 applyOverlay(vec3 color, vec3 worldPosition) {
    if (frame.overlayGrid.w < 0.5) return color;  // uniform: the same for every fragment
    vec2 size = frame.overlayInfo.xy;
    vec2 cell = (worldPosition.xz - frame.overlayGrid.xy) / frame.overlayGrid.z - 0.5;
    ivec2 c0 = ivec2(floor(cell));
    vec2 f = cell - vec2(c0);
    float value = mix(mix(overlayCell(c0), overlayCell(c0 + ivec2(1, 0)), f.x),
                      mix(overlayCell(c0 + ivec2(0, 1)), overlayCell(c0 + ivec2(1, 1)), f.x), f.y) +
                  frame.overlayInfo.w;
    // Derivatives before any divergent branch: contour lines keep one pixel of width everywhere.
    float step = max(frame.overlayRange.w, 1e-6);
    float level = value / step;
    float width = max(fwidth(level), 1e-6);
    float inside = float(all(greaterThanEqual(cell, vec2(-0.5))) && all(lessThanEqual(cell, size - 0.5)));

    float t = clamp((value - frame.overlayRange.x) / max(frame.overlayRange.y - frame.overlayRange.x, 1e-6), 0.0, 1.0);
    int map = int(frame.overlayInfo.z);
    vec3 mapped = colormapTable[map * 256 + int(t * 255.0 + 0.5)].rgb;
    // Ambient air stays see-through: the layer fades in over the bottom tenth of the range, so
    // only what is warmer than ambient is coloured.
    float presence = smoothstep(0.0, 0.1, t);
    vec3 result = mix(color, mapped, frame.overlayRange.z * presence);
    if (frame.overlayRange.w > 0.0) {
        float distance = abs(fract(level - 0.5) - 0.5) / width;
        float line = 1.0 - clamp(distance - 0.5, 0.0, 1.0);
        result = mix(result, vec3(0.01), 0.5 * line * presence);
    }
    return mix(color, result, inside);
}

#endif
