#include "twin/wind_turbine.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace ct::twin {

namespace {

// The shear law is referenced to the standard 10 m anemometer height of weather stations.
constexpr double kReferenceHeight_m = 10.0;

double interpolateCurve(const std::vector<PowerCurvePoint>& curve, double wind_ms) {
    if (wind_ms <= curve.front().wind_ms) return curve.front().power_mw;
    if (wind_ms >= curve.back().wind_ms) return curve.back().power_mw;
    // First point strictly above the wind; the one before it is at or below.
    auto upper = std::upper_bound(curve.begin(), curve.end(), wind_ms,
                                  [](double v, const PowerCurvePoint& p) { return v < p.wind_ms; });
    auto lower = upper - 1;
    double span = upper->wind_ms - lower->wind_ms;
    if (span <= 0.0) return upper->power_mw;  // duplicated speed in the table: take the later value
    double t = (wind_ms - lower->wind_ms) / span;
    return lower->power_mw + t * (upper->power_mw - lower->power_mw);
}

double normaliseDegrees(double deg) {
    if (!std::isfinite(deg)) return 0.0;
    double wrapped = std::fmod(deg, 360.0);
    if (wrapped < 0.0) wrapped += 360.0;
    return wrapped >= 360.0 ? 0.0 : wrapped;  // fmod of a tiny negative can round up to 360
}

}  // namespace

double hubWindSpeed(double wind10m_ms, double hubHeight_m, double shearExponent) {
    if (!(wind10m_ms > 0.0) || !(hubHeight_m > 0.0)) return 0.0;
    return wind10m_ms * std::pow(hubHeight_m / kReferenceHeight_m, shearExponent);
}

double defaultCubicCurvePower(const TurbineType& type, double hubWind_ms) {
    if (hubWind_ms < type.cutIn_ms || hubWind_ms >= type.cutOut_ms) return 0.0;
    if (hubWind_ms >= type.rated_ms) return type.rated_mw;
    double in3 = type.cutIn_ms * type.cutIn_ms * type.cutIn_ms;
    double rated3 = type.rated_ms * type.rated_ms * type.rated_ms;
    if (rated3 <= in3) return type.rated_mw;  // degenerate type: rated at cut-in
    double v3 = hubWind_ms * hubWind_ms * hubWind_ms;
    return type.rated_mw * (v3 - in3) / (rated3 - in3);
}

TurbineOutput simulateTurbine(const TurbineType& type, double hubWind_ms, double windFrom_deg) {
    TurbineOutput out;
    out.hubWind_ms = std::isfinite(hubWind_ms) ? std::max(0.0, hubWind_ms) : 0.0;
    // The yaw drive keeps the rotor facing into the wind whether or not it turns.
    out.yaw_deg = normaliseDegrees(windFrom_deg);
    out.running = out.hubWind_ms >= type.cutIn_ms && out.hubWind_ms < type.cutOut_ms;
    if (!out.running) return out;

    double power = type.curve.empty() ? defaultCubicCurvePower(type, out.hubWind_ms)
                                      : interpolateCurve(type.curve, out.hubWind_ms);
    out.power_mw = std::clamp(power, 0.0, std::max(0.0, type.rated_mw));

    // Below rated the rotor tracks the best tip-speed ratio; above it, pitch holds rated speed.
    if (type.rotorDiameter_m > 0.0) {
        double rpm = kOptimalTipSpeedRatio * out.hubWind_ms * 60.0 / (std::numbers::pi * type.rotorDiameter_m);
        out.rotor_rpm = std::min(rpm, type.ratedRotor_rpm);
    } else {
        out.rotor_rpm = type.ratedRotor_rpm;
    }
    return out;
}

TurbinePose turbinePoseAfter(const TurbineSnapshot& atStep, double elapsed_s) {
    const double t = std::isfinite(elapsed_s) ? std::max(0.0, elapsed_s) : 0.0;
    TurbinePose pose;
    // rpm x 6 = degrees a second.
    pose.rotorAngle_deg = normaliseDegrees(atStep.rotorAngle_deg + atStep.rotor_rpm * 6.0 * t);
    // The signed difference to the wind, -180 .. 180, closed at the yaw rate.
    double off = normaliseDegrees(atStep.windFrom_deg - atStep.yaw_deg);
    if (off > 180.0) off -= 360.0;
    const double turn = std::clamp(off, -kNacelleYawRate_degPerS * t, kNacelleYawRate_degPerS * t);
    pose.yaw_deg = normaliseDegrees(atStep.yaw_deg + turn);
    return pose;
}

std::vector<PowerCurvePoint> ge15Curve() {
    return {{3.5, 0.024}, {4.0, 0.064},  {5.0, 0.150},  {6.0, 0.277},  {7.0, 0.440}, {8.0, 0.657},
            {9.0, 0.936}, {10.0, 1.254}, {11.0, 1.440}, {12.0, 1.500}, {25.0, 1.500}};
}

std::vector<PowerCurvePoint> nrel5MwCurve() {
    // Published values in kW / 1000; the table's 5000.37 kW at 11.4 m/s is rounded to rated.
    return {{3.0, 0.0405}, {4.0, 0.1777},  {5.0, 0.4039},  {6.0, 0.7376},  {7.0, 1.1872}, {8.0, 1.7711},
            {9.0, 2.5186}, {10.0, 3.4484}, {11.0, 4.5625}, {11.4, 5.0000}, {25.0, 5.0000}};
}

}  // namespace ct::twin
