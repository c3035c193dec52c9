// Which surface a pixel or a sample sees, as one exact float for the edge reconstruction
// (engine/render/edge_reconstruction.h): the node (hashed to 15 bits) and the facet's orientation
// (its provoking vertex's normal in 9 bits), so that a roof and its own walls count as two
// surfaces and their crease is anti-aliased too. Not the instance: the instances of one node
// that tile a plane (a solar field's row quads, each shaded procedurally across its width) are
// one surface, whose seams must not borrow colours from another phase of the pattern.
// 0 is nothing (the sky); keys run 1 .. 2^24, exact in a float.
#ifndef CT_SURFACE_KEY_GLSL
#define CT_SURFACE_KEY_GLSL

float surfaceKey(uvec2 ids, vec3 facetNormal) {
    uint h = ids.x * 0x9E3779B1u;
    h ^= h >> 15;
    uvec3 axis = uvec3(round((normalize(facetNormal) * 0.5 + 0.5) * 7.0));
    uint orientation = axis.x | (axis.y << 3) | (axis.z << 6);
    return float((((h & 0x7FFFu) << 9) | orientation) + 1u);
}

#endif
