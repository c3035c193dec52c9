#version 450
// The sky-view table's sky above the horizon projected on spherical harmonics to order 2
// (engine/render/sky_irradiance.cpp is the CPU reference, term for term): one workgroup, each
// invocation summing a share of the texels, both mirrored azimuths of each, then a tree
// reduction in shared memory. The nine coefficients go to a 9x1 image the scene's shaders read.
#include "sky_irradiance.glsl"

layout(local_size_x = 256) in;
layout(set = 0, binding = 0) uniform sampler2D skyView;
layout(set = 0, binding = 1, rgba32f) uniform writeonly image2D coefficients;

layout(push_constant) uniform Parameters {
    vec4 params;  // xy: towards the sun in the ground plane (x, z), z: horizon zenith angle (rad)
} pc;

const float kPi = 3.14159265358979;
shared vec3 partial[256][9];

void main() {
    uint id = gl_LocalInvocationID.x;
    ivec2 size = textureSize(skyView, 0);
    vec2 s = length(pc.params.xy) > 1e-6 ? normalize(pc.params.xy) : vec2(1.0, 0.0);
    vec2 p = vec2(-s.y, s.x);
    float horizon = pc.params.z;
    float dx = 1.0 / float(size.x - 1);
    float dy = 1.0 / float(size.y - 1);
    vec3 sum[9];
    for (int k = 0; k < 9; ++k) sum[k] = vec3(0.0);
    for (uint t = id; t < uint(size.x * size.y); t += 256u) {
        int i = int(t) % size.x;
        int j = int(t) / size.x;
        float y = float(j) * dy;
        float zenith;
        float dZenith;
        if (y < 0.5) {
            float q = 1.0 - 2.0 * y;
            zenith = horizon * (1.0 - q * q);
            dZenith = 4.0 * horizon * q;
        } else {
            float q = 2.0 * y - 1.0;
            zenith = horizon + (kPi - horizon) * q * q;
            dZenith = 4.0 * (kPi - horizon) * q;
        }
        if (zenith >= horizon) continue;
        float x = float(i) * dx;
        float phi = kPi * x * x;
        float weight = (j == 0 ? 0.5 : 1.0) * sin(zenith) * dZenith * dy * (i == 0 || i == size.x - 1 ? 0.5 : 1.0) *
                       2.0 * kPi * x * dx;
        if (weight <= 0.0) continue;
        vec3 radiance = texelFetch(skyView, ivec2(i, j), 0).rgb;
        for (int side = -1; side <= 1; side += 2) {
            vec2 across = cos(phi) * s + float(side) * sin(phi) * p;
            vec3 d = vec3(sin(zenith) * across.x, cos(zenith), sin(zenith) * across.y);
            float b[9];
            shBasis(d, b);
            for (int k = 0; k < 9; ++k) sum[k] += radiance * (weight * b[k]);
        }
    }
    for (int k = 0; k < 9; ++k) partial[id][k] = sum[k];
    barrier();
    for (uint stride = 128u; stride > 0u; stride >>= 1u) {
        if (id < stride)
            for (int k = 0; k < 9; ++k) partial[id][k] += partial[id + stride][k];
        barrier();
    }
    if (id < 9u) imageStore(coefficients, ivec2(int(id), 0), vec4(partial[0][id], 0.0));
}
