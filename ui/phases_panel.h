// PhasesPanel: each expansion phase with its dates and buildings, a toggle to show or hide it,
// and an "as of" date slider that sets every phase from the scenario's dates.
#pragma once

#include "ui/panel.h"

namespace ct::ui {

class PhasesPanel : public Panel {
public:
    const char* title() const override { return "Expansion phases"; }
    void draw(const CampusView& view, CampusCommands& commands) override;

private:
    int asOfDay_ = -1;  // days since the slider's first day; -1: not yet placed
};

}  // namespace ct::ui
