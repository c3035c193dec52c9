// A solar module's face under its glass (scene::ProceduralSurface::PvCells, shaders/pv_cells.glsl):
// 144 half-cut cells, 6 across its short side and 24 along its long one in two halves of 12, the
// white back sheet showing in the gaps between them, down the middle and round the edge inside the
// frame. The shader filters every gap to the pixel, so from a few metres the cells read as a grid
// and from afar the face is their mean; this is that mean, which the far stand-in of a row of
// modules takes as its colour so that the hand-over from modules to stand-in does not jump.
// Layout after a 2278 x 1134 mm, 144-cell module scaled to the modelled 2.2 x 1.1 m (sizes in
// docs/campus-facts.md, "Solar modules").
#pragma once

#include <glm/glm.hpp>

namespace ct::render {

struct PvCellLayout {
    glm::vec2 module_m{2.2f, 1.1f};  // long side (u), short side (v)
    glm::ivec2 cells{24, 6};
    float gap_m = 0.0025f;                     // between neighbouring cells
    float centreGap_m = 0.01f;                 // down the middle of the long side, where the halves meet
    float border_m = 0.012f;                   // back sheet between the outer cells and the frame
    glm::vec3 backSheet{0.72f, 0.73f, 0.74f};  // linear albedo, seen through the glass
};

inline constexpr PvCellLayout kPvCellLayout{};

// The share of a module's face that is cells (not back sheet), taken as the shader's far limit:
// the product of the shares along each side.
float pvCellShare(const PvCellLayout& layout = kPvCellLayout);

// The face's mean albedo for cells of `cellColor`.
glm::vec3 pvModuleMeanAlbedo(const glm::vec3& cellColor, const PvCellLayout& layout = kPvCellLayout);

}  // namespace ct::render
