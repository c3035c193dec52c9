// Wind turbines: hub-height wind from the 10 m wind by power-law shear, then a turbine's electrical
// output, rotor speed and nacelle yaw from its power curve. Pure functions of their arguments.
//
// Use: double hub = hubWindSpeed(weather.wind10m_ms, type.hubHeight_m, climate.shearExponent);
//      TurbineOutput out = simulateTurbine(type, hub, weather.windFrom_deg);
// Curves and reference figures: docs/campus-facts.md, "Reference models".
#pragma once

#include <vector>

#include "twin/scenario.h"
#include "twin/state.h"

namespace ct::twin {

// Power-law shear: v(h) = v10 * (h / 10 m)^alpha. Negative speeds and heights at or below 0 give 0.
double hubWindSpeed(double wind10m_ms, double hubHeight_m, double shearExponent);

struct TurbineOutput {
    double hubWind_ms = 0.0;
    double power_mw = 0.0;   // electrical, 0..rated
    double rotor_rpm = 0.0;  // 0 when stopped
    double yaw_deg = 0.0;    // nacelle heading, clockwise from north: the direction the wind comes from
    bool running = false;    // cut-in <= wind < cut-out
};

// The tip-speed ratio the rotor holds below rated (variable-speed turbines run near the rotor's
// best Cp at a TSR of about 7 to 8; NREL 5 MW's is 7.55).
inline constexpr double kOptimalTipSpeedRatio = 7.5;

// Power from the tabulated curve by linear interpolation (clamped to the end points); a type with
// no curve uses defaultCubicCurvePower. Produces nothing below cut-in and at or above cut-out (no
// hysteresis: a turbine restarts as soon as the wind falls below cut-out), never more than rated.
TurbineOutput simulateTurbine(const TurbineType& type, double hubWind_ms, double windFrom_deg);

// Power for a type without a tabulated curve: rated * (v^3 - vin^3) / (vr^3 - vin^3) between cut-in
// and rated (the cube of the wind's kinetic power, shifted to start at 0), rated from there to
// cut-out, 0 elsewhere.
double defaultCubicCurvePower(const TurbineType& type, double hubWind_ms);

// How fast a nacelle turns to face the wind: NREL 5 MW's yaw rate, 0.3 deg/s (Jonkman et al. 2009,
// table 5-1, "nacelle-yaw rate"); utility-scale machines yaw at 0.3-0.5 deg/s.
inline constexpr double kNacelleYawRate_degPerS = 0.3;

// Where a turbine's moving parts stand `elapsed_s` after the step `atStep` describes (0 .. the
// step): the rotor turned at the step's speed, the nacelle slewed towards the step's wind at
// kNacelleYawRate_degPerS the short way round. The simulation takes each step's pose from the
// last one's by this same function, so a picture at any time between steps agrees with the steps.
struct TurbinePose {
    double rotorAngle_deg = 0.0;  // 0 .. 360
    double yaw_deg = 0.0;         // 0 .. 360
};
TurbinePose turbinePoseAfter(const TurbineSnapshot& atStep, double elapsed_s);

// GE 1.5 MW class, 77 m rotor: cut-in 3.5, rated 12, cut-out 25 m/s (facts file). Points between are
// the actuator-disc power 0.5 rho A Cp v^3 with rho 1.225 kg/m3 and Cp rising from 0.2 at cut-in to
// about 0.45, easing into rated: the shape of the published 1.5 MW curves, not a vendor table.
std::vector<PowerCurvePoint> ge15Curve();

// NREL 5 MW reference turbine (Jonkman et al. 2009, table 9-1; NREL turbine-models
// NREL_5MW_126_RWT.csv): cut-in 3, rated 11.4, cut-out 25 m/s, 5 MW.
std::vector<PowerCurvePoint> nrel5MwCurve();

}  // namespace ct::twin
