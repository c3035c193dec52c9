// The bilinear enlargement of a bloom level at a texel of the level twice its size: coarse texel
// i covers fine texels 2i and 2i+1 (engine/render/bloom.cpp, bloomEnlarge), one bilinear tap of a
// linear, edge-clamped sampler.
#ifndef CT_BLOOM_ENLARGE_GLSL
#define CT_BLOOM_ENLARGE_GLSL

vec3 bloomEnlarge(sampler2D coarse, ivec2 fine) {
    return textureLod(coarse, (vec2(fine) + 0.5) * 0.5 / vec2(textureSize(coarse, 0)), 0.0).rgb;
}

#endif
