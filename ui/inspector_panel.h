// InspectorPanel: the selected building (click it in the view): IT load, cooling power, PUE,
// coolant temperatures, cooler inlet air, racks and headroom, with 24-hour plots; all with units.
#pragma once

#include "ui/panel.h"

namespace ct::ui {

class InspectorPanel : public Panel {
public:
    const char* title() const override { return "Inspector"; }
    void draw(const CampusView& view, CampusCommands& commands) override;
};

}  // namespace ct::ui
