// LayersPanel: the heat map (on/off, colour map, range, opacity, contour lines) and its legend,
// drawn with the same colour map the renderer uses.
#pragma once

#include "ui/panel.h"

namespace ct::ui {

class LayersPanel : public Panel {
public:
    const char* title() const override { return "Layers"; }
    void draw(const CampusView& view, CampusCommands& commands) override;
};

// A horizontal colour bar of `map` from lo to hi (labelled, with the unit), at the cursor.
void drawColormapLegend(render::Colormap map, float lo, float hi, const char* unit, float width);

}  // namespace ct::ui
