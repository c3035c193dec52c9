// The clear atmosphere of engine/render/atmosphere_model.h, in the shaders' float: the same
// mapping and integration, term by term (that file is the reference the tests compare with).

struct Atmosphere {
    float bottomRadius;  // km
    float topRadius;
    float rayleighScaleHeight;
    float mieScaleHeight;
    vec3 rayleighScattering;  // per km
    float mieScattering;
    float mieExtinction;
    vec3 ozoneAbsorption;
    float ozoneCentre;
    float ozoneHalfWidth;
};

// Bruneton's table mapping: (x_mu, x_r) in the unit square -> (r, mu).
vec2 transmittanceLutRadiusAndCosine(Atmosphere a, float xMu, float xR) {
    float H = sqrt(a.topRadius * a.topRadius - a.bottomRadius * a.bottomRadius);
    float rho = H * xR;
    float r = sqrt(rho * rho + a.bottomRadius * a.bottomRadius);
    float dMin = a.topRadius - r;
    float dMax = rho + H;
    float d = dMin + xMu * (dMax - dMin);
    float mu = d == 0.0 ? 1.0 : clamp((H * H - rho * rho - d * d) / (2.0 * r * d), -1.0, 1.0);
    return vec2(r, mu);
}

float distanceToTop(Atmosphere a, float r, float mu) {
    float discriminant = r * r * (mu * mu - 1.0) + a.topRadius * a.topRadius;
    return max(0.0, -r * mu + sqrt(max(discriminant, 0.0)));
}

vec3 extinctionAt(Atmosphere a, float h) {
    float rayleigh = exp(-h / a.rayleighScaleHeight);
    float mie = exp(-h / a.mieScaleHeight);
    float ozone = max(0.0, 1.0 - abs(h - a.ozoneCentre) / a.ozoneHalfWidth);
    return a.rayleighScattering * rayleigh + vec3(a.mieExtinction * mie) + a.ozoneAbsorption * ozone;
}

vec3 transmittanceToTop(Atmosphere a, float r, float mu, int steps) {
    float dt = distanceToTop(a, r, mu) / float(steps);
    vec3 depth = vec3(0.0);
    for (int i = 0; i < steps; ++i) {
        float t = (float(i) + 0.5) * dt;
        float radius = sqrt(t * t + 2.0 * r * mu * t + r * r);
        depth += extinctionAt(a, radius - a.bottomRadius) * dt;
    }
    return exp(-depth);
}

const float kAtmospherePi = 3.14159265358979;
const float kMieAsymmetry = 0.8;

float rayleighPhase(float cosAngle) {
    return 3.0 / (16.0 * kAtmospherePi) * (1.0 + cosAngle * cosAngle);
}

float miePhase(float cosAngle) {
    float g = kMieAsymmetry;
    float k = 3.0 / (8.0 * kAtmospherePi) * (1.0 - g * g) / (2.0 + g * g);
    return k * (1.0 + cosAngle * cosAngle) / pow(1.0 + g * g - 2.0 * g * cosAngle, 1.5);
}

// Distance along mu from radius r to the ground, or -1 when the ray misses it.
float distanceToGround(Atmosphere a, float r, float mu) {
    float discriminant = r * r * (mu * mu - 1.0) + a.bottomRadius * a.bottomRadius;
    if (mu >= 0.0 || discriminant < 0.0) return -1.0;
    return -r * mu - sqrt(discriminant);
}

float horizonZenith(Atmosphere a, float r) {
    float fromNadir = acos(clamp(sqrt(max(r * r - a.bottomRadius * a.bottomRadius, 0.0)) / r, -1.0, 1.0));
    return kAtmospherePi - fromNadir;
}

// (zenith angle, azimuth from the sun) of the sky-view table's (x, y) in the unit square.
vec2 skyViewDirection(Atmosphere a, float r, float x, float y) {
    float horizon = horizonZenith(a, r);
    float zenith;
    if (y < 0.5) {
        float s = 1.0 - 2.0 * y;
        zenith = horizon * (1.0 - s * s);
    } else {
        float s = 2.0 * y - 1.0;
        zenith = horizon + (kAtmospherePi - horizon) * s * s;
    }
    return vec2(zenith, kAtmospherePi * x * x);
}
