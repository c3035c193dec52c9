// The scaffold look of a node under construction (engine/render/node_animation.h): a lattice of
// standards (vertical poles) and ledgers (horizontal tubes) in world space on every face, with
// everything between them cut away. Far away the bays would shrink below a pixel and shimmer, so
// the lattice coarsens by powers of two to keep each bay several pixels wide.
#ifndef CT_SCAFFOLD_GLSL
#define CT_SCAFFOLD_GLSL

const vec3 kScaffoldColor = vec3(0.78, 0.46, 0.10);  // linear: galvanised tube under orange netting
const vec2 kScaffoldBay_m = vec2(2.5, 2.0);          // standard spacing, lift height
const float kScaffoldTube_m = 0.15;                  // half the drawn width of a tube

// The face's own 2D coordinates: roofs use x/z, walls their horizontal run and height.
vec2 scaffoldPlane(vec3 world, vec3 normal) {
    vec3 a = abs(normal);
    if (a.y > 0.7) return world.xz;
    return vec2(a.x > a.z ? world.z : world.x, world.y);
}

// True where a tube of the lattice passes.
bool onScaffold(vec3 world, vec3 normal) {
    vec2 p = scaffoldPlane(world, normal);
    vec2 footprint = max(fwidth(p), vec2(1e-4));
    vec2 bay = kScaffoldBay_m;
    // Coarsen until a bay spans at least six pixels.
    float levels = max(0.0, ceil(log2(6.0 * max(footprint.x / bay.x, footprint.y / bay.y))));
    bay *= exp2(levels);
    vec2 halfWidth = max(vec2(kScaffoldTube_m * exp2(levels * 0.5)), footprint * 0.75);
    vec2 toLine = abs(p - bay * round(p / bay));
    return any(lessThan(toLine, halfWidth));
}

#endif
