// ExportPanel: a screenshot of the view (without the panels) as a PNG: the size (the window's, a
// preset up to 7680x4320, or custom), the folder, and the last file written or the error. The
// window's F12 asks for the same thing with the size chosen here (chosen()).
#pragma once

#include "ui/panel.h"

#include <array>

namespace ct::ui {

class ExportPanel : public Panel {
public:
    const char* title() const override { return "Export"; }
    void draw(const CampusView& view, CampusCommands& commands) override;
    // What "Screenshot" (and F12) asks for now.
    ScreenshotRequest chosen() const;

private:
    int preset_ = 2;  // index into the presets: 3840 x 2160
    int width_ = 3840;
    int height_ = 2160;
    std::array<char, 512> folder_{};
};

}  // namespace ct::ui
