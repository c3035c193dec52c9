#version 450
// Ground-truth ambient occlusion (engine/render/ambient_occlusion.h) at half resolution from the
// resolved depth: the same scheme, step for step, as ambientOcclusionReference on the CPU.
layout(local_size_x = 8, local_size_y = 8) in;
layout(set = 0, binding = 0) uniform sampler2D depthImage;
layout(set = 0, binding = 1, r32f) uniform writeonly image2D occlusion;

layout(push_constant) uniform Settings {
    mat4 inverseProjection;
    vec4 params;  // projection scale, radius (m), directions, steps
} s;

const float kPi = 3.14159265358979;
const float kMinElevation = 0.25;  // sin of about 15 degrees

ivec2 fullSize;

float depthAt(ivec2 q) { return texelFetch(depthImage, clamp(q, ivec2(0), fullSize - 1), 0).r; }

vec3 positionAt(ivec2 q, float z) {
    vec2 ndc = (vec2(q) + 0.5) / vec2(fullSize) * 2.0 - 1.0;
    vec4 v = s.inverseProjection * vec4(ndc, z, 1.0);
    return v.xyz / v.w;
}

float rotationNoise(ivec2 p) {
    float f = 0.06711056 * float(p.x) + 0.00583715 * float(p.y);
    return mod(52.9829189 * (f - floor(f)), 1.0);
}

void main() {
    ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(p, imageSize(occlusion)))) return;
    fullSize = textureSize(depthImage, 0);
    ivec2 q = p * 2;
    float z = depthAt(q);
    if (z >= 1.0) {
        imageStore(occlusion, p, vec4(1.0));
        return;
    }
    vec3 centre = positionAt(q, z);
    vec3 right = positionAt(q + ivec2(1, 0), depthAt(q + ivec2(1, 0))) - centre;
    vec3 left = centre - positionAt(q - ivec2(1, 0), depthAt(q - ivec2(1, 0)));
    vec3 down = positionAt(q + ivec2(0, 1), depthAt(q + ivec2(0, 1))) - centre;
    vec3 up = centre - positionAt(q - ivec2(0, 1), depthAt(q - ivec2(0, 1)));
    vec3 dx = dot(right, right) < dot(left, left) ? right : left;
    vec3 dy = dot(down, down) < dot(up, up) ? down : up;
    vec3 normal = normalize(cross(dy, dx));
    vec3 view = normalize(-centre);
    if (dot(normal, view) < 0.0) normal = -normal;
    float radius = s.params.y;
    float radiusPixels = radius * s.params.x * 0.5 * float(fullSize.y) / -centre.z;
    if (radiusPixels < 1.0) {
        imageStore(occlusion, p, vec4(1.0));
        return;
    }
    int directions = int(s.params.z);
    int steps = int(s.params.w);
    float noise = rotationNoise(p);
    // Visible arcs against open ones, slice for slice (as the CPU reference explains).
    float visibility = 0.0;
    float open = 0.0;
    for (int d = 0; d < directions; ++d) {
        float angle = (float(d) + noise) * kPi / float(directions);
        vec2 direction = vec2(cos(angle), sin(angle));
        float horizonCos[2] = float[2](-1.0, -1.0);
        for (int side = 0; side < 2; ++side) {
            float sgn = side == 0 ? -1.0 : 1.0;
            for (int k = 1; k <= steps; ++k) {
                float t = float(k) / float(steps);
                vec2 offset = direction * (sgn * t * radiusPixels);
                ivec2 sampleAt = ivec2(floor(vec2(q) + offset + 0.5));
                if (sampleAt == q || any(lessThan(sampleAt, ivec2(0))) || any(greaterThanEqual(sampleAt, fullSize)))
                    continue;
                float sz = depthAt(sampleAt);
                if (sz >= 1.0) continue;
                vec3 delta = positionAt(sampleAt, sz) - centre;
                float distance2 = dot(delta, delta);
                if (distance2 < 1e-12) continue;
                // Within 15 degrees of the surface's plane: itself or gentle relief (as the CPU's).
                if (dot(delta, normal) < kMinElevation * sqrt(distance2)) continue;
                float falloff = clamp(1.0 - distance2 / (radius * radius), 0.0, 1.0);
                float cosine = dot(delta, view) / sqrt(distance2);
                horizonCos[side] = max(horizonCos[side], mix(-1.0, cosine, falloff));
            }
        }
        vec3 sliceDirection = vec3(direction.x, -direction.y, 0.0);
        vec3 ortho = sliceDirection - dot(sliceDirection, view) * view;
        vec3 axis = normalize(cross(ortho, view));
        vec3 projected = normal - axis * dot(normal, axis);
        float projectedLength = length(projected);
        if (projectedLength < 1e-6) continue;
        float cosN = clamp(dot(projected, view) / projectedLength, 0.0, 1.0);
        float n = (dot(ortho, projected) < 0.0 ? -1.0 : 1.0) * acos(cosN);
        float h0 = n + max(-acos(clamp(horizonCos[0], -1.0, 1.0)) - n, -0.5 * kPi);
        float h1 = n + min(acos(clamp(horizonCos[1], -1.0, 1.0)) - n, 0.5 * kPi);
        float sinN = sin(n);
        visibility += projectedLength * 0.25 *
                      ((cosN + 2.0 * h0 * sinN - cos(2.0 * h0 - n)) + (cosN + 2.0 * h1 * sinN - cos(2.0 * h1 - n)));
        open += projectedLength * (cosN + n * sinN);
    }
    imageStore(occlusion, p, vec4(open > 1e-6 ? clamp(visibility / open, 0.0, 1.0) : 1.0));
}
