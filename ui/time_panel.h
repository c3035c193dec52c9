// TimePanel: play and pause, speed (1x .. 100,000x), a jump to a local date and time of day,
// and the scenario presets (design day, heat wave, freeze, wind lull, grid outage).
#pragma once

#include "ui/panel.h"

#include <array>

namespace ct::ui {

class TimePanel : public Panel {
public:
    const char* title() const override { return "Time"; }
    void draw(const CampusView& view, CampusCommands& commands) override;

private:
    std::array<char, 16> date_{};  // the jump's date as typed, "2026-07-15"
    float hour_ = 15.0f;
    bool badDate_ = false;
};

}  // namespace ct::ui
