// PresentationOverlay: what stays on screen in presentation mode and during a tour: the
// caption, centred in a translucent band in the lower third, and a slim strip of campus KPIs
// along the top edge. Both scale with the UI font, so a 4K screen reads like a 1080p one.
#pragma once

#include "ui/panel.h"

namespace ct::ui {

class PresentationOverlay {
public:
    void drawCaption(const CampusView& view);
    void drawKpiStrip(const CampusView& view);
};

}  // namespace ct::ui
