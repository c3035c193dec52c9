// Geometric specular anti-aliasing: the sun's GGX lobe widened by how far the half vector turns
// across the pixel, after Tokuyoshi and Kaplanyan ("Improved Geometric Specular Antialiasing",
// I3D 2019; the anisotropic kernel of their non-axis-aligned filtering). One shading sample stands
// for a whole pixel; where the normal sweeps through the sun's mirror direction inside that pixel
// (a glossy pipe or a turbine tower a few pixels wide) a sharp lobe either misses the glint or
// lands on it, so highlights sparkle as the camera moves. Convolving the lobe with the pixel's
// spread of half vectors gives the pixel's mean instead. The spread is a 2x2 covariance over the
// surface's tangent plane: a pipe widens the lobe around its circumference only, where an
// isotropic widening (the deferred form) would light the whole pipe along its length.
#ifndef CT_SPECULAR_FOOTPRINT_GLSL
#define CT_SPECULAR_FOOTPRINT_GLSL

// The screen-space variance of the pixel filter (a box of one pixel has 1/12; the authors' 1/4
// is a wider, smoother kernel) and the most the lobe may widen, in alpha^2 (their values).
const float kFootprintVariance = 0.25;
const float kFootprintMaxAlpha2 = 0.18;

// The half vector's component across the surface (projected space: it stays well-behaved at
// grazing angles where the slope h.t / h.n does not), for the vertex normal `n`. Its screen
// derivatives are the footprint; take them in uniform control flow, before any discard.
vec3 projectedHalfVector(vec3 n, vec3 v, vec3 l) {
    vec3 h = normalize(l + v);
    return h - n * dot(h, n);
}

// Any orthonormal tangent frame around the unit normal `n`, continuous away from n.z = -1
// (Duff et al., "Building an Orthonormal Basis, Revisited", 2017). The footprint and the lobe
// are both expressed in it, so which frame does not matter.
void tangentFrame(vec3 n, out vec3 t, out vec3 b) {
    float s = n.z >= 0.0 ? 1.0 : -1.0;
    float a = -1.0 / (s + n.z);
    float c = n.x * n.y * a;
    t = vec3(1.0 + s * n.x * n.x * a, s * c, -s * n.x);
    b = vec3(c, s + n.y * n.y * a, -n.y);
}

// The lobe: alpha^2 as a symmetric 2x2 matrix over (t, b).
struct SpecularLobe {
    vec3 t;
    vec3 b;
    mat2 alpha2;
};

// The material's isotropic alpha^2 plus the pixel's spread of the projected half vector, whose
// screen derivatives are `dx` and `dy` (world vectors), capped at kFootprintMaxAlpha2 along its
// widest axis.
SpecularLobe filteredLobe(vec3 n, float roughness, vec3 dx, vec3 dy) {
    SpecularLobe lobe;
    tangentFrame(n, lobe.t, lobe.b);
    vec2 ex = vec2(dot(dx, lobe.t), dot(dx, lobe.b));
    vec2 ey = vec2(dot(dy, lobe.t), dot(dy, lobe.b));
    mat2 kernel = 2.0 * kFootprintVariance * (outerProduct(ex, ex) + outerProduct(ey, ey));
    // The kernel's largest eigenvalue.
    float mean = 0.5 * (kernel[0][0] + kernel[1][1]);
    float spread = sqrt(max(0.25 * (kernel[0][0] - kernel[1][1]) * (kernel[0][0] - kernel[1][1]) +
                                kernel[0][1] * kernel[0][1], 0.0));
    kernel *= kFootprintMaxAlpha2 / max(mean + spread, kFootprintMaxAlpha2);
    float a = roughness * roughness;
    lobe.alpha2 = mat2(a * a) + kernel;
    return lobe;
}

// GGX's distribution times Smith's height-correlated visibility for the lobe, at the half vector
// h: D = 1 / (pi sqrt(det A) (n.h)^4 (1 + m' A^-1 m)^2) with m the slope h_t / (n.h), and the
// masking of a direction d by d_t' A d_t in place of alpha^2 (1 - (n.d)^2). With A = alpha^2 I
// both are the isotropic forms (lighting.glsl).
float filteredSpecular(SpecularLobe lobe, vec3 n, vec3 h, vec3 v, vec3 l) {
    float nDotH = max(dot(n, h), 1e-4);
    float nDotV = max(dot(n, v), 1e-4);
    float nDotL = max(dot(n, l), 0.0);
    float det = max(determinant(lobe.alpha2), 1e-12);
    mat2 inverseAlpha2 = mat2(lobe.alpha2[1][1], -lobe.alpha2[0][1], -lobe.alpha2[1][0], lobe.alpha2[0][0]) / det;
    vec2 m = vec2(dot(h, lobe.t), dot(h, lobe.b)) / nDotH;
    float q = 1.0 + dot(m, inverseAlpha2 * m);
    float n2 = nDotH * nDotH;
    float d = 1.0 / max(PI * sqrt(det) * n2 * n2 * q * q, 1e-7);
    vec2 vt = vec2(dot(v, lobe.t), dot(v, lobe.b));
    vec2 lt = vec2(dot(l, lobe.t), dot(l, lobe.b));
    float maskV = nDotL * sqrt(nDotV * nDotV + dot(vt, lobe.alpha2 * vt));
    float maskL = nDotV * sqrt(nDotL * nDotL + dot(lt, lobe.alpha2 * lt));
    return d * 0.5 / max(maskV + maskL, 1e-7);
}

// The isotropic roughness with the lobe's mean alpha^2, for the sky's prefiltered reflection.
float filteredRoughness(SpecularLobe lobe) {
    return sqrt(sqrt(clamp(0.5 * (lobe.alpha2[0][0] + lobe.alpha2[1][1]), 0.0, 1.0)));
}

#endif
