// The filmic tone curve (engine/render/tone_curve.h, its CPU twin): Narkowicz's fit of ACES on
// the brightest channel, the colour scaled by the same factor, so bright roofs do not clip and
// saturated colours keep their hue; and its inverse, for colours chosen on the screen (the heat
// map's ramp, the selection, flow lines) drawn into the exposed image the tone map pass reads.
#ifndef CT_TONE_CURVE_GLSL
#define CT_TONE_CURVE_GLSL

const float kMaxDisplay = 0.995;

float acesCurve(float x) {
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

float inverseAcesCurve(float y) {
    y = clamp(y, 0.0, kMaxDisplay);
    float a = 2.43 * y - 2.51;
    float b = 0.59 * y - 0.03;
    float c = 0.14 * y;
    return max((-b - sqrt(max(b * b - 4.0 * a * c, 0.0))) / (2.0 * a), 0.0);
}

vec3 toneCurve(vec3 exposed) {
    float peak = max(max(exposed.r, exposed.g), exposed.b);
    if (peak <= 1e-6) return vec3(0.0);
    return exposed * (acesCurve(peak) / peak);
}

vec3 inverseToneCurve(vec3 display) {
    float peak = max(max(display.r, display.g), display.b);
    if (peak <= 1e-6) return vec3(0.0);
    float kept = min(peak, kMaxDisplay);
    return display * (kept / peak) * (inverseAcesCurve(kept) / kept);
}

#endif
