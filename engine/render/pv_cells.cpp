#include "render/pv_cells.h"

#include <algorithm>

namespace ct::render {

namespace {

// Along one side of `length` with `cells` cells: the share inside the border, less the gaps
// between cells (one fewer than the cells; `centre` widens the middle one).
float cellShareAlong(float length, int cells, float gap, float centreGap, float border) {
    const float inside = std::max(length - 2.0f * border, 0.0f);
    const int gaps = std::max(cells - 1, 0);
    const float gapsWidth = static_cast<float>(gaps) * gap + (centreGap > gap ? centreGap - gap : 0.0f);
    return std::max(inside - gapsWidth, 0.0f) / length;
}

}  // namespace

float pvCellShare(const PvCellLayout& layout) {
    return cellShareAlong(layout.module_m.x, layout.cells.x, layout.gap_m, layout.centreGap_m, layout.border_m) *
           cellShareAlong(layout.module_m.y, layout.cells.y, layout.gap_m, 0.0f, layout.border_m);
}

glm::vec3 pvModuleMeanAlbedo(const glm::vec3& cellColor, const PvCellLayout& layout) {
    return glm::mix(layout.backSheet, cellColor, pvCellShare(layout));
}

}  // namespace ct::render
