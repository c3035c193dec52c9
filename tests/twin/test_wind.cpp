// Wind: shear law against a hand value; each reference power curve at and around its cut-in, rated
// and cut-out speeds; rotor speed and yaw.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "twin/wind_turbine.h"

using namespace ct::twin;

namespace {

TurbineType ge15() {
    TurbineType t;
    t.id = "ge_1_5mw";
    t.rated_mw = 1.5;
    t.hubHeight_m = 80.0;
    t.rotorDiameter_m = 77.0;
    t.cutIn_ms = 3.5;
    t.rated_ms = 12.0;
    t.cutOut_ms = 25.0;
    t.ratedRotor_rpm = 18.0;
    t.curve = ge15Curve();
    return t;
}

TurbineType nrel5() {
    TurbineType t;
    t.id = "nrel_5mw";
    t.rated_mw = 5.0;
    t.hubHeight_m = 90.0;
    t.rotorDiameter_m = 126.0;
    t.cutIn_ms = 3.0;
    t.rated_ms = 11.4;
    t.cutOut_ms = 25.0;
    t.ratedRotor_rpm = 12.1;
    t.curve = nrel5MwCurve();
    return t;
}

double power(const TurbineType& t, double v) {
    return simulateTurbine(t, v, 180.0).power_mw;
}

}  // namespace

TEST_CASE("hub wind follows the power-law shear from 10 m", "[twin][wind]") {
    // By hand: 8^0.14 = exp(0.14 * ln 8) = exp(0.29112182) = 1.33792755; 7 m/s * that = 9.36549289.
    CHECK(hubWindSpeed(7.0, 80.0, 0.14) == Approx(9.36549289).epsilon(1e-8));
    CHECK(hubWindSpeed(7.0, 10.0, 0.14) == Approx(7.0));
    CHECK(hubWindSpeed(7.0, 120.0, 0.0) == Approx(7.0));
    CHECK(hubWindSpeed(0.0, 80.0, 0.14) == 0.0);
    CHECK(hubWindSpeed(-3.0, 80.0, 0.14) == 0.0);
    CHECK(hubWindSpeed(5.0, 0.0, 0.14) == 0.0);
}

TEST_CASE("GE 1.5 MW curve around cut-in, rated and cut-out", "[twin][wind]") {
    TurbineType t = ge15();
    // Cut-in 3.5 m/s.
    CHECK(power(t, 3.49) == 0.0);
    CHECK_FALSE(simulateTurbine(t, 3.49, 0.0).running);
    CHECK(power(t, 3.5) == Approx(0.024));
    CHECK(simulateTurbine(t, 3.5, 0.0).running);
    CHECK(power(t, 3.51) > power(t, 3.5));
    // Rated 12 m/s.
    CHECK(power(t, 11.99) < 1.5);
    CHECK(power(t, 11.99) > 1.49);
    CHECK(power(t, 12.0) == Approx(1.5));
    CHECK(power(t, 12.01) == Approx(1.5));
    // Cut-out 25 m/s.
    CHECK(power(t, 24.99) == Approx(1.5));
    CHECK(power(t, 25.0) == 0.0);
    CHECK(power(t, 25.01) == 0.0);
    CHECK_FALSE(simulateTurbine(t, 25.0, 0.0).running);
    // Linear between points: halfway from 8 (0.657) to 9 (0.936).
    CHECK(power(t, 8.5) == Approx(0.7965));
}

TEST_CASE("NREL 5 MW curve around cut-in, rated and cut-out", "[twin][wind]") {
    TurbineType t = nrel5();
    CHECK(power(t, 2.99) == 0.0);
    CHECK(power(t, 3.0) == Approx(0.0405));
    CHECK(power(t, 3.01) > 0.0405);
    CHECK(power(t, 11.39) < 5.0);
    CHECK(power(t, 11.39) > 4.9);
    CHECK(power(t, 11.4) == Approx(5.0));
    CHECK(power(t, 11.41) == Approx(5.0));
    CHECK(power(t, 24.99) == Approx(5.0));
    CHECK(power(t, 25.0) == 0.0);
    CHECK(power(t, 25.01) == 0.0);
}

TEST_CASE("curves never rise above rated and are non-decreasing to rated", "[twin][wind]") {
    for (const TurbineType& t : {ge15(), nrel5()}) {
        double previous = 0.0;
        for (double v = 0.0; v < t.cutOut_ms; v += 0.05) {
            double p = power(t, v);
            CHECK(p <= t.rated_mw);
            CHECK(p >= previous);
            previous = p;
        }
    }
    TurbineType generous = ge15();
    generous.curve.push_back({26.0, 3.0});  // a table above rated is clamped
    generous.cutOut_ms = 30.0;
    CHECK(power(generous, 25.5) == Approx(1.5));
}

TEST_CASE("a type without a curve uses the cubic ramp", "[twin][wind]") {
    TurbineType t = ge15();
    t.curve.clear();
    CHECK(power(t, 3.49) == 0.0);
    CHECK(power(t, 3.5) == Approx(0.0).margin(1e-12));
    double v = 8.0;
    double expected = 1.5 * (v * v * v - 3.5 * 3.5 * 3.5) / (12.0 * 12.0 * 12.0 - 3.5 * 3.5 * 3.5);
    CHECK(power(t, v) == Approx(expected));
    CHECK(power(t, 12.0) == Approx(1.5));
    CHECK(power(t, 24.99) == Approx(1.5));
    CHECK(power(t, 25.0) == 0.0);
}

TEST_CASE("rotor speed tracks the tip-speed ratio up to rated rpm, yaw faces the wind", "[twin][wind]") {
    TurbineType t = ge15();
    double rpm5 = simulateTurbine(t, 5.0, 0.0).rotor_rpm;
    CHECK(rpm5 == Approx(kOptimalTipSpeedRatio * 5.0 * 60.0 / (std::numbers::pi * 77.0)));
    CHECK(simulateTurbine(t, 4.0, 0.0).rotor_rpm == Approx(rpm5 * 4.0 / 5.0));
    CHECK(simulateTurbine(t, 12.0, 0.0).rotor_rpm == Approx(18.0));
    CHECK(simulateTurbine(t, 20.0, 0.0).rotor_rpm == Approx(18.0));
    CHECK(simulateTurbine(t, 2.0, 0.0).rotor_rpm == 0.0);
    CHECK(simulateTurbine(t, 30.0, 0.0).rotor_rpm == 0.0);

    CHECK(simulateTurbine(t, 8.0, 225.0).yaw_deg == Approx(225.0));
    CHECK(simulateTurbine(t, 8.0, -90.0).yaw_deg == Approx(270.0));
    CHECK(simulateTurbine(t, 8.0, 370.0).yaw_deg == Approx(10.0));
    CHECK(simulateTurbine(t, 1.0, 135.0).yaw_deg == Approx(135.0));  // parked, still facing the wind
    CHECK(simulateTurbine(t, 8.0, 90.0).hubWind_ms == 8.0);
}

TEST_CASE("A rotor turns at its speed, a nacelle slews to the wind at its yaw rate the short way round",
          "[twin][wind]") {
    TurbineSnapshot step;
    step.rotor_rpm = 12.0;  // 72 degrees a second
    step.rotorAngle_deg = 300.0;
    step.yaw_deg = 350.0;
    step.windFrom_deg = 20.0;  // 30 degrees clockwise, through north
    const TurbinePose atStep = turbinePoseAfter(step, 0.0);
    CHECK(atStep.rotorAngle_deg == Approx(300.0));
    CHECK(atStep.yaw_deg == Approx(350.0));
    const TurbinePose later = turbinePoseAfter(step, 10.0);
    CHECK(later.rotorAngle_deg == Approx(std::fmod(300.0 + 720.0, 360.0)));
    CHECK(later.yaw_deg == Approx(353.0));  // 0.3 deg/s for 10 s
    const TurbinePose settled = turbinePoseAfter(step, 200.0);
    CHECK(settled.yaw_deg == Approx(20.0));  // reached the wind and held there
    step.windFrom_deg = 200.0;               // behind it: 150 degrees anticlockwise is shorter
    CHECK(turbinePoseAfter(step, 10.0).yaw_deg == Approx(347.0));
    step.rotor_rpm = 0.0;  // below cut-in: still
    CHECK(turbinePoseAfter(step, 60.0).rotorAngle_deg == Approx(300.0));
}
