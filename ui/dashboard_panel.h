// DashboardPanel: the campus at a glance: IT and facility power, PUE, renewable share, gas and
// grid, each with a sparkline of its recent history, and the headroom of every phase.
#pragma once

#include "ui/panel.h"

namespace ct::ui {

class DashboardPanel : public Panel {
public:
    const char* title() const override { return "Campus"; }
    void draw(const CampusView& view, CampusCommands& commands) override;
};

// Per phase: IT capacity of its energised buildings not in use, MW.
std::vector<double> phaseHeadroom(const twin::Scenario& scenario, const twin::StateSnapshot& state);

}  // namespace ct::ui
