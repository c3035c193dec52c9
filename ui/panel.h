// Panel: one window of the UI with one job. draw() shows the view and turns clicks into
// commands; a panel keeps only its own widget state (a text being typed, a plot's zoom).
#pragma once

#include "ui/campus_commands.h"

namespace ct::ui {

class Panel {
public:
    virtual ~Panel() = default;
    virtual const char* title() const = 0;
    virtual void draw(const CampusView& view, CampusCommands& commands) = 0;
    bool visible = true;
};

// Formats shared by the panels: "12.3 MW", local date and time at the site.
std::string formatMw(double mw);
std::string formatLocal(const twin::Site& site, double utcSeconds, const char* pattern = "%Y-%m-%d %H:%M");

// A greyed note that wraps at the panel's edge instead of running past it (any --ui-scale).
void hint(const char* text);

// Provenance, shared by the readouts: whether the state's (entity, quantity) came from telemetry,
// a small "measured" (green) or "simulated" (grey) tag, and the line saying how many are measured.
bool isMeasured(const twin::StateSnapshot& state, const std::string& entity, const std::string& quantity);
void provenanceTag(bool measured);
void measuredSummary(const twin::StateSnapshot& state);

}  // namespace ct::ui
