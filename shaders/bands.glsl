// Periodic bands filtered to a pixel: rows of solar modules, the joints between wall panels.
// A box filter over the pixel's footprint, so a band thinner than a pixel shades to its share of
// it instead of flickering on and off.
#ifndef CT_BANDS_GLSL
#define CT_BANDS_GLSL

// Bands of `width` (0..1) centred on the middle of every unit period: how much of [0, x] they cover.
float bandIntegral(float x, float width) {
    return floor(x) * width + clamp(fract(x) - 0.5 + 0.5 * width, 0.0, width);
}

// The share of [x - filterWidth / 2, x + filterWidth / 2] those bands cover.
float bandCoverage(float x, float width, float filterWidth) {
    float f = max(filterWidth, 1e-4);
    return clamp((bandIntegral(x + 0.5 * f, width) - bandIntegral(x - 0.5 * f, width)) / f, 0.0, 1.0);
}

#endif
