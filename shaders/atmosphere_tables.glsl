// The atmosphere's tables read texel by texel with bilinear weights in float, as the CPU
// reference (engine/render/atmosphere_model.cpp) reads them. The including shader declares the
// push constants `p` (atmosphere_*.comp's layout) and the images `transmittance` and, where it
// reads it, `multipleScattering`.

Atmosphere atmosphere() {
    Atmosphere a;
    a.bottomRadius = p.radii.x;
    a.topRadius = p.radii.y;
    a.rayleighScaleHeight = p.radii.z;
    a.mieScaleHeight = p.radii.w;
    a.rayleighScattering = p.rayleigh.xyz;
    a.mieScattering = p.mie.x;
    a.mieExtinction = p.mie.y;
    a.ozoneCentre = p.mie.z;
    a.ozoneHalfWidth = p.mie.w;
    a.ozoneAbsorption = p.ozone.xyz;
    return a;
}

vec3 sampleTransmittance(Atmosphere a, float r, float mu) {
    if (distanceToGround(a, r, mu) >= 0.0) return vec3(0.0);
    ivec2 size = imageSize(transmittance);
    float H = sqrt(a.topRadius * a.topRadius - a.bottomRadius * a.bottomRadius);
    float rho = sqrt(max(r * r - a.bottomRadius * a.bottomRadius, 0.0));
    float d = distanceToTop(a, r, mu);
    float dMin = a.topRadius - r;
    float dMax = rho + H;
    float xMu = dMax > dMin ? clamp((d - dMin) / (dMax - dMin), 0.0, 1.0) : 0.0;
    float xR = clamp(rho / H, 0.0, 1.0);
    float fx = xMu * float(size.x - 1);
    float fy = xR * float(size.y - 1);
    int x0 = min(int(fx), size.x - 2);
    int y0 = min(int(fy), size.y - 2);
    float tx = fx - float(x0);
    float ty = fy - float(y0);
    vec3 bottomRow = mix(imageLoad(transmittance, ivec2(x0, y0)).rgb, imageLoad(transmittance, ivec2(x0 + 1, y0)).rgb, tx);
    vec3 topRow =
        mix(imageLoad(transmittance, ivec2(x0, y0 + 1)).rgb, imageLoad(transmittance, ivec2(x0 + 1, y0 + 1)).rgb, tx);
    return mix(bottomRow, topRow, ty);
}


#ifdef CT_READS_MULTIPLE_SCATTERING
// The multiple-scattering table at (r, sun mu): x the sun's zenith cosine from -1 to 1, y the
// altitude from the ground to the top.
vec3 sampleMultipleScattering(Atmosphere a, float r, float sunMu) {
    ivec2 size = imageSize(multipleScattering);
    float fx = clamp((sunMu + 1.0) * 0.5, 0.0, 1.0) * float(size.x - 1);
    float fy = clamp((r - a.bottomRadius) / (a.topRadius - a.bottomRadius), 0.0, 1.0) * float(size.y - 1);
    int x0 = min(int(fx), size.x - 2);
    int y0 = min(int(fy), size.y - 2);
    float tx = fx - float(x0);
    float ty = fy - float(y0);
    vec3 bottomRow = mix(imageLoad(multipleScattering, ivec2(x0, y0)).rgb,
                         imageLoad(multipleScattering, ivec2(x0 + 1, y0)).rgb, tx);
    vec3 topRow = mix(imageLoad(multipleScattering, ivec2(x0, y0 + 1)).rgb,
                      imageLoad(multipleScattering, ivec2(x0 + 1, y0 + 1)).rgb, tx);
    return mix(bottomRow, topRow, ty);
}
#endif
