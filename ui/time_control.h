// TimeControl: the twin's clock as the time panel and the keyboard drive it. Play and pause,
// a speed from 1x to 100,000x real time, jumps to a date and time of day, and the scenario
// presets (the twin's weather presets plus "grid-outage", which sets the grid import limit to
// zero). A jump or a preset changes restartRevision(): the live campus then starts a fresh
// simulation at now(), because the twin only moves forward.
//
//   TimeControl clock(*twin::parseIsoUtc("2026-07-15T12:00"));
//   clock.setSpeed(3600);                 // one simulated hour per second
//   double simSeconds = clock.tick(dt);   // each frame, with the wall-clock seconds elapsed
#pragma once

#include "twin/civil_time.h"
#include "twin/scenario.h"
#include "twin/weather.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ct::ui {

inline constexpr const char* kGridOutagePreset = "grid-outage";

// Every preset the time panel offers: "none", the twin's weather presets, "grid-outage".
std::vector<std::string> timePresetNames();

class TimeControl {
public:
    static constexpr double kMinSpeed = 1.0;
    static constexpr double kMaxSpeed = 100000.0;

    explicit TimeControl(twin::UtcSeconds start, double speed = 60.0);

    bool playing() const { return playing_; }
    void play() { playing_ = true; }
    void pause() { playing_ = false; }
    void togglePlay() { playing_ = !playing_; }

    double speed() const { return speed_; }
    void setSpeed(double speed);  // clamped to [kMinSpeed, kMaxSpeed]
    // One decade up or down (1, 10, 100 .. 100,000): the arrow keys.
    void faster();
    void slower();

    // Advances by wallSeconds x speed while playing; returns the simulated seconds elapsed.
    double tick(double wallSeconds);
    double now() const { return now_; }  // UTC seconds, fractional

    void jumpTo(twin::UtcSeconds t);
    // A local date and time of day at the site ("2026-07-15", 15.5 = 15:30); false if the date
    // does not parse.
    bool jumpToLocal(const twin::Site& site, const std::string& date, double hourOfDay);

    // A name from timePresetNames(); false for an unknown name. "none" clears both.
    bool applyPreset(const std::string& name);
    twin::WeatherPreset weatherPreset() const { return weather_; }
    bool gridOutage() const { return gridOutage_; }
    std::string presetName() const;

    std::uint64_t restartRevision() const { return restartRevision_; }

private:
    bool playing_ = true;
    double speed_;
    double now_;
    twin::WeatherPreset weather_ = twin::WeatherPreset::None;
    bool gridOutage_ = false;
    std::uint64_t restartRevision_ = 0;
};

// The scenario as a preset leaves it: with "grid-outage", every grid import limit is zero.
twin::Scenario withGridOutage(twin::Scenario scenario);

}  // namespace ct::ui
