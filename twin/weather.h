// Weather: what the air does at the site, step by step. Two sources behind one interface:
// ClimateWeather, a seeded stochastic Abilene-like climate from the scenario's monthly normals
// (with presets: summer design day, heat wave, freeze, wind lull, storm front), and FileWeather, a recorded
// CSV played back with linear interpolation.
#pragma once

#include "twin/civil_time.h"
#include "twin/scenario.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace ct::twin {

struct WeatherSample {
    double ambient_c = 20.0;
    double relativeHumidity_pct = 50.0;
    double wind10m_ms = 5.0;        // at 10 m above ground
    double windFrom_deg = 180.0;    // where the wind comes from, clockwise from north
    double cloudiness = 0.0;        // fraction of clear-sky irradiance lost, 0..1
    std::optional<double> ghi_wm2;  // measured global horizontal irradiance, when recorded
};

class WeatherSource {
public:
    virtual ~WeatherSource() = default;
    // The weather at `t`; successive calls go forward in time by `dt_s`.
    virtual WeatherSample sample(UtcSeconds t, double dt_s) = 0;
};

enum class WeatherPreset { None, SummerDesignDay, HeatWave, Freeze, WindLull, StormFront };

// "summer-design-day", "heat-wave", "freeze", "wind-lull", "storm-front"; nullopt for anything else.
std::optional<WeatherPreset> parseWeatherPreset(const std::string& name);
const char* presetName(WeatherPreset preset);
// The names accepted by parseWeatherPreset, for help texts and error messages.
std::string presetNames();

class ClimateWeather : public WeatherSource {
public:
    ClimateWeather(const Site& site, const Climate& climate, std::uint64_t seed,
                   WeatherPreset preset = WeatherPreset::None);
    WeatherSample sample(UtcSeconds t, double dt_s) override;

private:
    double gaussian();
    // Ornstein-Uhlenbeck step: mean-reverting noise with correlation time tau, unit variance.
    static double relax(double value, double shock, double dt_s, double tau_s);

    Site site_;
    Climate climate_;
    WeatherPreset preset_;
    std::mt19937_64 random_;
    std::normal_distribution<double> normal_{0.0, 1.0};
    double temperatureNoise_ = 0.0;
    double windNoise_ = 0.0;
    double directionNoise_ = 0.0;
    double cloudNoise_ = 0.0;
};

struct WeatherFileResult {
    std::unique_ptr<WeatherSource> source;
    std::string error;  // "<file>:<line>: <problem>", one line
};

// CSV with a header naming the columns time, temperature_c, wind_speed_ms, wind_direction_deg,
// ghi_wm2 (any order; relative_humidity_pct optional). Time in ISO 8601 UTC. Rows may come in
// any order; they are sorted; duplicate times are an error.
WeatherFileResult loadWeatherFile(const std::filesystem::path& path);

// Expected daily high and low for the day containing local time `local` (monthly normals,
// interpolated between mid-months so there are no steps at month boundaries).
struct DailyRange {
    double high_c, low_c;
};
DailyRange normalDailyRange(const Climate& climate, const CivilTime& local);

}  // namespace ct::twin
