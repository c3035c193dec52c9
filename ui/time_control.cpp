#include "ui/time_control.h"

#include <algorithm>
#include <cmath>

namespace ct::ui {

std::vector<std::string> timePresetNames() {
    std::vector<std::string> names{"none"};
    for (const auto preset :
         {twin::WeatherPreset::SummerDesignDay, twin::WeatherPreset::HeatWave, twin::WeatherPreset::Freeze,
          twin::WeatherPreset::WindLull, twin::WeatherPreset::StormFront})
        names.emplace_back(twin::presetName(preset));
    names.emplace_back(kGridOutagePreset);
    return names;
}

TimeControl::TimeControl(twin::UtcSeconds start, double speed)
    : speed_(std::clamp(speed, kMinSpeed, kMaxSpeed)), now_(static_cast<double>(start)) {}

void TimeControl::setSpeed(double speed) {
    speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

// Decade steps from the current speed, so 3600x goes to 10,000x and back to 1,000x.
void TimeControl::faster() {
    setSpeed(std::pow(10.0, std::floor(std::log10(speed_) + 1e-9) + 1.0));
}
void TimeControl::slower() {
    setSpeed(std::pow(10.0, std::ceil(std::log10(speed_) - 1e-9) - 1.0));
}

double TimeControl::tick(double wallSeconds) {
    if (!playing_ || wallSeconds <= 0.0) return 0.0;
    const double elapsed = wallSeconds * speed_;
    now_ += elapsed;
    return elapsed;
}

void TimeControl::jumpTo(twin::UtcSeconds t) {
    now_ = static_cast<double>(t);
    ++restartRevision_;
}

bool TimeControl::jumpToLocal(const twin::Site& site, const std::string& date, double hourOfDay) {
    const auto midnight = twin::parseIsoUtc(date);
    if (!midnight || hourOfDay < 0.0 || hourOfDay >= 24.0) return false;
    const double localSeconds = static_cast<double>(*midnight) + hourOfDay * 3600.0;
    // The offset depends on the instant itself (daylight time); evaluating it at the standard
    // offset first is exact everywhere but in the hour the clocks change.
    const double guess = localSeconds - site.standardUtcOffset_h * 3600.0;
    const double offset_h = twin::localOffsetHours(site, static_cast<twin::UtcSeconds>(guess));
    jumpTo(static_cast<twin::UtcSeconds>(std::llround(localSeconds - offset_h * 3600.0)));
    return true;
}

bool TimeControl::applyPreset(const std::string& name) {
    if (name == "none") {
        weather_ = twin::WeatherPreset::None;
        gridOutage_ = false;
    } else if (name == kGridOutagePreset) {
        gridOutage_ = true;
    } else if (const auto preset = twin::parseWeatherPreset(name)) {
        weather_ = *preset;
    } else {
        return false;
    }
    ++restartRevision_;
    return true;
}

std::string TimeControl::presetName() const {
    std::string name = weather_ == twin::WeatherPreset::None ? "" : twin::presetName(weather_);
    if (gridOutage_) name += name.empty() ? kGridOutagePreset : std::string(" + ") + kGridOutagePreset;
    return name.empty() ? "none" : name;
}

twin::Scenario withGridOutage(twin::Scenario scenario) {
    scenario.substation.gridImportLimit_mw = 0.0;
    std::fill(scenario.substation.gridImportLimitByPhase_mw.begin(),
              scenario.substation.gridImportLimitByPhase_mw.end(), 0.0);
    return scenario;
}

}  // namespace ct::ui
