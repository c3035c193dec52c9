// The bilinear enlargement of a bloom level at a texel of the level twice its size: coarse texel
// i covers fine texels 2i and 2i+1 (engine/render/bloom.cpp, bloomEnlarge). Explicit fetches and
// weights rather than the sampler's filtering, so the CPU reference computes the same numbers.
#ifndef CT_BLOOM_ENLARGE_GLSL
#define CT_BLOOM_ENLARGE_GLSL

vec3 bloomEnlarge(sampler2D coarse, ivec2 fine) {
    vec2 p = (vec2(fine) + 0.5) * 0.5 - 0.5;
    ivec2 p0 = ivec2(floor(p));
    vec2 f = p - vec2(p0);
    ivec2 last = textureSize(coarse, 0) - 1;
    vec3 a = texelFetch(coarse, clamp(p0, ivec2(0), last), 0).rgb;
    vec3 b = texelFetch(coarse, clamp(p0 + ivec2(1, 0), ivec2(0), last), 0).rgb;
    vec3 c = texelFetch(coarse, clamp(p0 + ivec2(0, 1), ivec2(0), last), 0).rgb;
    vec3 d = texelFetch(coarse, clamp(p0 + ivec2(1, 1), ivec2(0), last), 0).rgb;
    return mix(mix(a, b, f.x), mix(c, d, f.x), f.y);
}

#endif
