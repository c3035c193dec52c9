// CamerasPanel: the camera mode (orbit, fly, walk) with a hint on its controls; the scenario's
// named views and the user's saved ones, clicking one flies the camera there smoothly. Save the
// current view under a name, remove a saved one.
#pragma once

#include "ui/panel.h"

#include <array>

namespace ct::ui {

class CamerasPanel : public Panel {
public:
    const char* title() const override { return "Cameras"; }
    void draw(const CampusView& view, CampusCommands& commands) override;

private:
    std::array<char, 48> name_{};
};

}  // namespace ct::ui
