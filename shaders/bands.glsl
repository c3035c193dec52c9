// Periodic bands filtered to a pixel: rows of solar modules, the joints between wall panels.
// A box filter over the pixel's footprint, so a band thinner than a pixel shades to its share of
// it instead of flickering on and off.
#ifndef CT_BANDS_GLSL
#define CT_BANDS_GLSL

// Bands of `width` (0..1) centred on the middle of every unit period: how much of [0, x] they cover.
float bandIntegral(float x, float width) {
    return floor(x) * width + clamp(fract(x) - 0.5 + 0.5 * width, 0.0, width);
}

// The integral of bandIntegral over [0, x]: each whole period adds width / 2 beyond the steps'
// own, for box-filtering a quantity that is itself a band integral.
float bandIntegralIntegral(float x, float width) {
    float n = floor(x);
    float f = x - n;
    float c = 0.5 - 0.5 * width;  // where the band starts within its period
    float partial = f < c ? 0.0 : (f < c + width ? 0.5 * (f - c) * (f - c) : width * (f - c - 0.5 * width));
    return width * (0.5 * n * n + n * f) + partial;
}

// The share of [x - filterWidth / 2, x + filterWidth / 2] those bands cover.
float bandCoverage(float x, float width, float filterWidth) {
    float f = max(filterWidth, 1e-4);
    return clamp((bandIntegral(x + 0.5 * f, width) - bandIntegral(x - 0.5 * f, width)) / f, 0.0, 1.0);
}

// The share of [x - footprint / 2, x + footprint / 2] inside [lo, hi]: one box filtered to a pixel.
float boxCoverage(float x, float lo, float hi, float footprint) {
    float f = max(footprint, 1e-4);
    return clamp((min(x + 0.5 * f, hi) - max(x - 0.5 * f, lo)) / f, 0.0, 1.0);
}

#endif
