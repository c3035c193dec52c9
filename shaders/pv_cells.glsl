// A solar module's face under its glass (scene::ProceduralSurface::PvCells): half-cut cells with
// the white back sheet between them, down the middle of the long side and round the edge; the
// layout and its far mean are render/pv_cells.h's (its CPU twin: keep the two in step). Every gap
// is a band or box filtered to the pixel (bands.glsl): a few metres away the cells are a grid,
// past a few tens they fade to the face's mean, so the rows of a farm do not crawl.
#ifndef CT_PV_CELLS_GLSL
#define CT_PV_CELLS_GLSL

#include "bands.glsl"

const vec2 kModule_m = vec2(2.2, 1.1);  // long side (u), short side (v)
const vec2 kCells = vec2(24.0, 6.0);
const float kCellGap_m = 0.0025;
const float kCentreGap_m = 0.01;
const float kCellBorder_m = 0.012;
const vec3 kBackSheet = vec3(0.72, 0.73, 0.74);

// The share of a pixel (footprint in metres along u and v) that is cells along one side of
// `length` with `cells` cells, at `x` metres from its start.
float pvCellsAlong(float x, float length, float cells, float centreGap, float footprint) {
    float pitch = length / cells;
    // The gaps lie on the cells' boundaries: bands centred on the middle of each period, shifted.
    float gaps = bandCoverage(x / pitch + 0.5, kCellGap_m / pitch, footprint / pitch);
    float centre = centreGap > 0.0 ? boxCoverage(x, 0.5 * (length - centreGap), 0.5 * (length + centreGap), footprint)
                                   : 0.0;
    // Of the part of the pixel on the face: past its edge lies the frame, another surface.
    float inside = boxCoverage(x, kCellBorder_m, length - kCellBorder_m, footprint) /
                   max(boxCoverage(x, 0.0, length, footprint), 1e-3);
    return (1.0 - max(gaps, centre)) * min(inside, 1.0);
}

// The face's albedo at `uv` (metres from a corner; modules repeat along v on a merged row) for
// cells of `cellColor`; `footprint` the pixel's extent in metres along u and v.
vec3 pvCellsAlbedo(vec3 cellColor, vec2 uv, vec2 footprint) {
    vec2 local = vec2(uv.x, mod(uv.y, kModule_m.y));
    float cells = pvCellsAlong(local.x, kModule_m.x, kCells.x, kCentreGap_m, footprint.x) *
                  pvCellsAlong(local.y, kModule_m.y, kCells.y, 0.0, footprint.y);
    return mix(kBackSheet, cellColor, cells);
}

#endif
