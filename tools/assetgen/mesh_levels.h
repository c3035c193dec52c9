// Levels of detail for the campus models, made with meshoptimizer when the models are written:
//
//   optimizeForDrawing(mesh);          // vertex cache, overdraw, vertex fetch, in that order
//   for (const DetailLevel& level : coarserLevels(parts))
//       ... write level.parts as a mesh of its own, with level.error_m beside it
//
// Each level is simplified from the full mesh (not from the level before it), every primitive to
// the same error in metres, so the parts of a level (a building's walls and its roof) stay
// together. meshopt_simplify only collapses edges onto one of their ends: it never moves a vertex,
// so a level never reaches outside the full mesh's bounds; open edges (a box's missing floor, the
// terrain's rim) are locked, so what stands on the ground keeps its footprint.
#pragma once

#include "gltf_writer.h"

#include <cstddef>
#include <vector>

namespace ct::assetgen {

struct DetailLevel {
    MaterialMeshes parts;  // the same materials as the full mesh, fewer triangles
    double error_m = 0.0;  // how far its surface may lie from the full mesh's, in metres
    std::size_t triangles = 0;
};

// Reorders `mesh`'s triangles for the post-transform vertex cache and then against overdraw, and
// its vertices in the order the triangles use them (dropping unused ones). The shape is unchanged.
void optimizeForDrawing(Mesh& mesh);

// Coarser and coarser levels of `full`, each with at most half the triangles of the one before.
// Stops at the first level that cannot halve them within kMaxRelativeError of the mesh's size
// (and kMaxWidthShare of its narrowest part):
// a box gives none, a cylinder or a field of terrain several. Every level is optimised for drawing.
std::vector<DetailLevel> coarserLevels(const MaterialMeshes& full);

// A level whose error is above this share of the mesh's size would only be drawn where the whole
// mesh is under 1 / kMaxRelativeError pixels tall (its error one pixel): not worth its bytes.
inline constexpr double kMaxRelativeError = 1.0 / 16.0;
// Nor may the error pass this share of any part's width (each primitive's middle extent: a
// tube's diameter, a panel's width; a flat part's thickness is none): beyond it a tube is no
// longer a tube but a twisted blade, and where the renderer draws a thin part wider than it is
// (a turbine tower's minimum pixel width) the blade would show, shaded wrongly.
inline constexpr double kMaxWidthShare = 1.0 / 4.0;

std::size_t triangleCount(const MaterialMeshes& parts);

}  // namespace ct::assetgen
