#include "twin/weather.h"

#include "twin/text_file.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

namespace ct::twin {

namespace {

constexpr double kPi = 3.14159265358979323846;

double monthlyValue(const std::array<double, 12>& values, const CivilTime& local) {
    // Each normal stands for the middle of its month; interpolate between neighbours.
    const int days = daysInMonth(local.year, local.month);
    const double position = (local.day - 1 + local.hour / 24.0) / days - 0.5;  // -0.5 .. 0.5
    const int month = local.month - 1;
    const int neighbour = position >= 0.0 ? (month + 1) % 12 : (month + 11) % 12;
    const double weight = std::abs(position);
    return values[month] * (1.0 - weight) + values[neighbour] * weight;
}

// Weibull quantile with the given mean: turns a uniform variate into a wind speed.
double weibullQuantile(double u, double mean, double shape) {
    const double scale = mean / std::tgamma(1.0 + 1.0 / shape);
    u = std::clamp(u, 1e-9, 1.0 - 1e-9);
    return scale * std::pow(-std::log(1.0 - u), 1.0 / shape);
}

double normalCdf(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

double smoothstep(double edge0, double edge1, double x) {
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// The storm-front preset's afternoon, by local hour: a squall line of the southern plains. The
// cloud bank comes in at 14:30-15:30 and clears by 22:00; the gust front behind its leading edge
// blows 19.5 m/s at 10 m (26 m/s at an 80 m hub: past the turbines' cut-out) from 15:00 to about
// 17:00; the wind veers from the prevailing south to the north-west as the front passes, and the
// air behind it is 9 K cooler.
struct StormFront {
    double clouds = 0.0;  // 0..1, the bank overhead
    double gust = 0.0;    // 0..1, the gust front
    double passed = 0.0;  // 0..1, the front has gone through
};

StormFront stormFrontAt(double localHour) {
    StormFront front;
    front.passed = smoothstep(14.5, 15.5, localHour);
    front.clouds = front.passed * (1.0 - smoothstep(19.0, 22.0, localHour));
    front.gust = smoothstep(14.8, 15.3, localHour) * (1.0 - smoothstep(16.5, 18.0, localHour));
    return front;
}

constexpr double kStormGust10m_ms = 19.5;
constexpr double kStormCloudiness = 0.92;
constexpr double kStormBehindFrom_deg = 320.0;
constexpr double kStormCooling_c = 9.0;

}  // namespace

std::optional<WeatherPreset> parseWeatherPreset(const std::string& name) {
    if (name == "summer-design-day") return WeatherPreset::SummerDesignDay;
    if (name == "heat-wave") return WeatherPreset::HeatWave;
    if (name == "freeze") return WeatherPreset::Freeze;
    if (name == "wind-lull") return WeatherPreset::WindLull;
    if (name == "storm-front") return WeatherPreset::StormFront;
    return std::nullopt;
}

const char* presetName(WeatherPreset preset) {
    switch (preset) {
        case WeatherPreset::SummerDesignDay:
            return "summer-design-day";
        case WeatherPreset::HeatWave:
            return "heat-wave";
        case WeatherPreset::Freeze:
            return "freeze";
        case WeatherPreset::WindLull:
            return "wind-lull";
        case WeatherPreset::StormFront:
            return "storm-front";
        default:
            return "none";
    }
}

std::string presetNames() {
    return "summer-design-day, heat-wave, freeze, wind-lull, storm-front";
}

DailyRange normalDailyRange(const Climate& climate, const CivilTime& local) {
    return {monthlyValue(climate.monthlyHigh_c, local), monthlyValue(climate.monthlyLow_c, local)};
}

ClimateWeather::ClimateWeather(const Site& site, const Climate& climate, std::uint64_t seed, WeatherPreset preset)
    : site_(site), climate_(climate), preset_(preset), random_(seed) {}

double ClimateWeather::gaussian() {
    return normal_(random_);
}

double ClimateWeather::relax(double value, double shock, double dt_s, double tau_s) {
    const double keep = std::exp(-std::max(dt_s, 0.0) / tau_s);
    return value * keep + shock * std::sqrt(1.0 - keep * keep);
}

WeatherSample ClimateWeather::sample(UtcSeconds t, double dt_s) {
    temperatureNoise_ = relax(temperatureNoise_, gaussian(), dt_s, 6.0 * 3600.0);
    windNoise_ = relax(windNoise_, gaussian(), dt_s, 3.0 * 3600.0);
    directionNoise_ = relax(directionNoise_, gaussian(), dt_s, 8.0 * 3600.0);
    cloudNoise_ = relax(cloudNoise_, gaussian(), dt_s, 4.0 * 3600.0);

    const CivilTime local = toLocal(site_, t);
    DailyRange range = normalDailyRange(climate_, local);
    double temperatureSpread = 1.5;  // K, day-to-day weather around the normal
    double cloudMean = monthlyValue(climate_.cloudiness, local);
    double windMean = climate_.meanWind_ms;
    switch (preset_) {
        case WeatherPreset::SummerDesignDay:
            // The record high (43.9 C, campus-facts.md), rounded up to 44 C, on a clear July day
            // with the 13-14 K daily swing of hot Julys.
            range = {44.0, 30.5};
            temperatureSpread = 0.0;
            cloudMean = 0.0;
            break;
        case WeatherPreset::HeatWave:
            range.high_c = std::max(range.high_c, 36.0) + 5.0;
            range.low_c = std::max(range.low_c, 24.0) + 4.0;
            cloudMean *= 0.3;
            break;
        case WeatherPreset::Freeze:
            // The winter 2026 freeze that took buildings offline (campus-facts.md).
            range = {-4.0, -14.0};
            windMean = climate_.meanWind_ms * 1.4;
            break;
        case WeatherPreset::WindLull:
            windMean = 1.2;
            break;
        case WeatherPreset::StormFront:
            // The morning is a fair summer one; the front (stormFrontAt) arrives in the afternoon.
            cloudMean = std::min(cloudMean, 0.12);
            break;
        case WeatherPreset::None:
            break;
    }

    // Daily cycle: coolest near sunrise (06:00 local), warmest mid-afternoon (15:00 local).
    const double hour = local.hour + local.minute / 60.0 + local.second / 3600.0;
    const double phase = std::cos(2.0 * kPi * (hour - 15.0) / 24.0);
    const double mean = 0.5 * (range.high_c + range.low_c);
    const double amplitude = 0.5 * (range.high_c - range.low_c);
    WeatherSample out;
    out.ambient_c = mean + amplitude * phase + temperatureSpread * temperatureNoise_;

    // Wind: a Gaussian process mapped through the Weibull distribution (a Gaussian copula), so
    // speeds have the climate's distribution and persist for hours; a little stronger by day.
    const double diurnal = 1.0 + 0.15 * phase;
    if (preset_ == WeatherPreset::WindLull || preset_ == WeatherPreset::SummerDesignDay) {
        out.wind10m_ms = std::max(0.0, windMean * diurnal + 0.3 * windNoise_);
    } else {
        out.wind10m_ms = weibullQuantile(normalCdf(windNoise_), windMean, climate_.weibullShape) * diurnal;
    }
    out.windFrom_deg = std::fmod(climate_.prevailingWind_deg + 35.0 * directionNoise_ + 720.0, 360.0);

    // Clouds: a logistic transform keeps the noisy fraction inside 0..1 around the month's mean.
    if (cloudMean <= 0.0) {
        out.cloudiness = 0.0;
    } else {
        const double m = std::clamp(cloudMean, 0.01, 0.99);
        const double logit = std::log(m / (1.0 - m)) + 1.2 * cloudNoise_;
        out.cloudiness = 1.0 / (1.0 + std::exp(-logit));
    }
    if (preset_ == WeatherPreset::StormFront) {
        const StormFront front = stormFrontAt(hour);
        out.ambient_c -= kStormCooling_c * front.passed * (1.0 - smoothstep(22.0, 24.0, hour));
        out.wind10m_ms += (kStormGust10m_ms - out.wind10m_ms) * front.gust;
        // Veer the short way round from the day's direction to the north-west.
        const double turn = std::remainder(kStormBehindFrom_deg - out.windFrom_deg, 360.0);
        out.windFrom_deg = std::fmod(out.windFrom_deg + turn * front.passed + 360.0, 360.0);
        out.cloudiness += (kStormCloudiness - out.cloudiness) * front.clouds;
    }
    // Relative humidity falls as the air warms through the day.
    out.relativeHumidity_pct =
        std::clamp(monthlyValue(climate_.relativeHumidity_pct, local) - 15.0 * phase, 5.0, 100.0);
    return out;
}

namespace {

class FileWeather : public WeatherSource {
public:
    explicit FileWeather(std::vector<std::pair<UtcSeconds, WeatherSample>> rows) : rows_(std::move(rows)) {}

    WeatherSample sample(UtcSeconds t, double) override {
        if (t <= rows_.front().first) return rows_.front().second;
        if (t >= rows_.back().first) return rows_.back().second;
        const auto next = std::lower_bound(rows_.begin(), rows_.end(), t,
                                           [](const auto& row, UtcSeconds value) { return row.first < value; });
        const auto prev = next - 1;
        const double w = static_cast<double>(t - prev->first) / static_cast<double>(next->first - prev->first);
        const WeatherSample& a = prev->second;
        const WeatherSample& b = next->second;
        WeatherSample out;
        out.ambient_c = a.ambient_c + (b.ambient_c - a.ambient_c) * w;
        out.relativeHumidity_pct = a.relativeHumidity_pct + (b.relativeHumidity_pct - a.relativeHumidity_pct) * w;
        out.wind10m_ms = a.wind10m_ms + (b.wind10m_ms - a.wind10m_ms) * w;
        // Directions interpolate the short way round the compass.
        const double turn = std::remainder(b.windFrom_deg - a.windFrom_deg, 360.0);
        out.windFrom_deg = std::fmod(a.windFrom_deg + turn * w + 360.0, 360.0);
        out.ghi_wm2 = *a.ghi_wm2 + (*b.ghi_wm2 - *a.ghi_wm2) * w;
        return out;
    }

private:
    std::vector<std::pair<UtcSeconds, WeatherSample>> rows_;
};

std::vector<std::string> splitCsv(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ',')) {
        const auto begin = field.find_first_not_of(" \t\r");
        const auto end = field.find_last_not_of(" \t\r");
        fields.push_back(begin == std::string::npos ? "" : field.substr(begin, end - begin + 1));
    }
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    return fields;
}

std::optional<double> parseNumber(const std::string& text) {
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

WeatherFileResult loadWeatherFile(const std::filesystem::path& path) {
    WeatherFileResult result;
    const std::string name = path.string();
    const TextFile file = readTextFile(path, kCsvFileLimit, "weather file");
    if (!file.text) {
        result.error = file.error;
        return result;
    }
    std::istringstream in(*file.text);
    std::string line;
    if (!std::getline(in, line)) {
        result.error = name + ":1: empty file, expected a header line";
        return result;
    }
    const std::vector<std::string> header = splitCsv(line);
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i)
        column[header[i]] = i;
    for (const char* required : {"time", "temperature_c", "wind_speed_ms", "wind_direction_deg", "ghi_wm2"}) {
        if (!column.count(required)) {
            result.error = name + ":1: missing column \"" + required +
                           "\" (expected time, temperature_c, wind_speed_ms, wind_direction_deg, ghi_wm2)";
            return result;
        }
    }
    struct Range {
        const char* column;
        double lo, hi;
    };
    const Range ranges[] = {{"temperature_c", -60.0, 60.0},
                            {"wind_speed_ms", 0.0, 80.0},
                            {"wind_direction_deg", 0.0, 360.0},
                            {"ghi_wm2", 0.0, 1500.0},
                            {"relative_humidity_pct", 0.0, 100.0}};
    std::vector<std::pair<UtcSeconds, WeatherSample>> rows;
    std::map<UtcSeconds, int> seen;
    int lineNumber = 1;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::vector<std::string> fields = splitCsv(line);
        const std::string where = name + ":" + std::to_string(lineNumber) + ": ";
        if (fields.size() != header.size()) {
            result.error =
                where + std::to_string(fields.size()) + " fields, the header has " + std::to_string(header.size());
            return result;
        }
        const auto time = parseIsoUtc(fields[column["time"]]);
        if (!time) {
            result.error = where + "time \"" + fields[column["time"]] + "\" is not an ISO 8601 UTC time";
            return result;
        }
        if (auto [it, inserted] = seen.emplace(*time, lineNumber); !inserted) {
            result.error = where + "time " + formatIsoUtc(*time) + " repeats line " + std::to_string(it->second);
            return result;
        }
        double values[5] = {0, 0, 0, 0, 50.0};
        for (std::size_t r = 0; r < 5; ++r) {
            const auto it = column.find(ranges[r].column);
            if (it == column.end()) continue;  // the optional humidity column
            const auto value = parseNumber(fields[it->second]);
            if (!value) {
                result.error = where + ranges[r].column + " \"" + fields[it->second] + "\" is not a number";
                return result;
            }
            if (*value < ranges[r].lo || *value > ranges[r].hi) {
                std::ostringstream message;
                message << where << ranges[r].column << " " << *value << " is out of range (" << ranges[r].lo << " .. "
                        << ranges[r].hi << ")";
                result.error = message.str();
                return result;
            }
            values[r] = *value;
        }
        WeatherSample sample;
        sample.ambient_c = values[0];
        sample.wind10m_ms = values[1];
        sample.windFrom_deg = values[2];
        sample.ghi_wm2 = values[3];
        sample.relativeHumidity_pct = values[4];
        rows.emplace_back(*time, sample);
    }
    if (rows.empty()) {
        result.error = name + ":2: no data rows";
        return result;
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    result.source = std::make_unique<FileWeather>(std::move(rows));
    return result;
}

}  // namespace ct::twin
