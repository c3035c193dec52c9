// NREL SPA, step by step in the order of the paper's section 3. Equation numbers refer to
// NREL/TP-560-34302 (revised January 2008).
#include "twin/solar_position.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <span>

#include "twin/solar_position_tables.h"

namespace ct::twin {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kSunRadius_deg = 0.26667;  // apparent angular radius, for the refraction cut-off
constexpr double kJ2000 = 2451545.0;        // Julian day of 2000-01-01T12:00 TT
constexpr double kUnixEpochJulianDay = 2440587.5;

double toRadians(double degrees) {
    return degrees * kPi / 180.0;
}
double toDegrees(double radians) {
    return radians * 180.0 / kPi;
}

// Angle reduced to [0, 360).
double limitDegrees(double degrees) {
    double limited = std::fmod(degrees, 360.0);
    if (limited < 0.0) limited += 360.0;
    return limited;
}

// Angle reduced to (-180, 180].
double limitDegrees180(double degrees) {
    double limited = limitDegrees(degrees);
    if (limited > 180.0) limited -= 360.0;
    return limited;
}

double cubic(double a, double b, double c, double d, double x) {
    return ((a * x + b) * x + c) * x + d;
}

// Eq. 9: sum of A cos(B + C JME) over one row of Table A4.2.
double sumPeriodicTerms(std::span<const spa::PeriodicTerm> terms, double jme) {
    double sum = 0.0;
    for (const spa::PeriodicTerm& term : terms)
        sum += term.a * std::cos(term.b + term.c * jme);
    return sum;
}

// Eq. 11 (and 12..15): (X0 + X1 JME + X2 JME^2 + ...) / 1e8, Horner form.
double seriesInMillennia(std::span<const double> sums, double jme) {
    double value = 0.0;
    for (std::size_t i = sums.size(); i-- > 0;)
        value = value * jme + sums[i];
    return value / 1.0e8;
}

// 3.2.1 to 3.2.6: Earth heliocentric longitude L and latitude B (degrees), radius vector R (AU).
struct Heliocentric {
    double longitude_deg;
    double latitude_deg;
    double radius_au;
};

Heliocentric earthHeliocentric(double jme) {
    const double l[] = {sumPeriodicTerms(spa::kL0, jme), sumPeriodicTerms(spa::kL1, jme),
                        sumPeriodicTerms(spa::kL2, jme), sumPeriodicTerms(spa::kL3, jme),
                        sumPeriodicTerms(spa::kL4, jme), sumPeriodicTerms(spa::kL5, jme)};
    const double b[] = {sumPeriodicTerms(spa::kB0, jme), sumPeriodicTerms(spa::kB1, jme)};
    const double r[] = {sumPeriodicTerms(spa::kR0, jme), sumPeriodicTerms(spa::kR1, jme),
                        sumPeriodicTerms(spa::kR2, jme), sumPeriodicTerms(spa::kR3, jme),
                        sumPeriodicTerms(spa::kR4, jme)};
    return {limitDegrees(toDegrees(seriesInMillennia(l, jme))), toDegrees(seriesInMillennia(b, jme)),
            seriesInMillennia(r, jme)};
}

// 3.4: nutation in longitude (delta psi) and obliquity (delta epsilon), degrees.
struct Nutation {
    double longitude_deg;
    double obliquity_deg;
};

Nutation nutation(double jce) {
    // Eqs. 15..19: the moon's and sun's fundamental arguments X0..X4, degrees.
    const double x[5] = {
        cubic(1.0 / 189474.0, -0.0019142, 445267.11148, 297.85036, jce),  // mean elongation moon-sun
        cubic(-1.0 / 300000.0, -0.0001603, 35999.05034, 357.52772, jce),  // mean anomaly of the sun
        cubic(1.0 / 56250.0, 0.0086972, 477198.867398, 134.96298, jce),   // mean anomaly of the moon
        cubic(1.0 / 327270.0, -0.0036825, 483202.017538, 93.27191, jce),  // moon argument of latitude
        cubic(1.0 / 450000.0, 0.0020708, -1934.136261, 125.04452, jce),   // moon ascending node
    };
    double sumPsi = 0.0;
    double sumEpsilon = 0.0;
    for (const spa::NutationTerm& term : spa::kNutation) {
        double argument_deg = 0.0;
        for (int j = 0; j < 5; ++j)
            argument_deg += x[j] * term.y[j];
        const double argument = toRadians(argument_deg);
        sumPsi += (term.a + term.b * jce) * std::sin(argument);      // eq. 20
        sumEpsilon += (term.c + term.d * jce) * std::cos(argument);  // eq. 21
    }
    // Eqs. 22, 23: units of 0.0001 arc seconds to degrees.
    return {sumPsi / 36000000.0, sumEpsilon / 36000000.0};
}

// Eq. 24: mean obliquity of the ecliptic, arc seconds, U = JME / 10.
double meanObliquity_arcsec(double jme) {
    const double u = jme / 10.0;
    return 84381.448 +
           u * (-4680.93 +
                u * (-1.55 +
                     u * (1999.25 +
                          u * (-51.38 +
                               u * (-249.67 + u * (-39.05 + u * (7.12 + u * (27.87 + u * (5.79 + u * 2.45)))))))));
}

// Eq. A1 (Appendix A.1): the sun's mean longitude, degrees.
double sunMeanLongitude_deg(double jme) {
    return limitDegrees(
        280.4664567 +
        jme * (360007.6982779 +
               jme * (0.03032028 + jme * (1.0 / 49931.0 + jme * (-1.0 / 15300.0 + jme * (-1.0 / 2000000.0))))));
}

}  // namespace

double julianDay(UtcSeconds t, double deltaUt1_s) {
    // Split whole days from the second of day so the fraction keeps full double precision.
    const std::int64_t days = floorDiv(t, kSecondsPerDay);
    const double secondOfDay = static_cast<double>(t - days * kSecondsPerDay) + deltaUt1_s;
    return kUnixEpochJulianDay + static_cast<double>(days) + secondOfDay / static_cast<double>(kSecondsPerDay);
}

SolarPosition solarPosition(const SolarPositionInput& input) {
    SolarPosition out;

    // 3.1: Julian day, century, ephemeris day/century/millennium (eqs. 4..8).
    const double jd = julianDay(input.time, input.deltaUt1_s);
    const double jc = (jd - kJ2000) / 36525.0;
    const double jde = jd + input.deltaT_s / 86400.0;
    const double jce = (jde - kJ2000) / 36525.0;
    const double jme = jce / 10.0;
    out.julianDay = jd;

    // 3.2: Earth heliocentric position; 3.3: geocentric longitude and latitude (eqs. 13, 14).
    const Heliocentric earth = earthHeliocentric(jme);
    double geocentricLongitude_deg = earth.longitude_deg + 180.0;
    if (geocentricLongitude_deg >= 360.0) geocentricLongitude_deg -= 360.0;
    const double geocentricLatitude_deg = -earth.latitude_deg;

    // 3.4: nutation; 3.5: true obliquity of the ecliptic (eq. 25).
    const Nutation nut = nutation(jce);
    const double obliquity_deg = meanObliquity_arcsec(jme) / 3600.0 + nut.obliquity_deg;

    // 3.6: aberration correction (eq. 26); 3.7: apparent sun longitude (eq. 27).
    const double aberration_deg = -20.4898 / (3600.0 * earth.radius_au);
    const double apparentLongitude_deg = geocentricLongitude_deg + nut.longitude_deg + aberration_deg;

    // 3.8: apparent sidereal time at Greenwich (eqs. 28, 29).
    const double meanSidereal_deg =
        limitDegrees(280.46061837 + 360.98564736629 * (jd - kJ2000) + jc * jc * (0.000387933 - jc / 38710000.0));
    const double obliquity = toRadians(obliquity_deg);
    const double sidereal_deg = meanSidereal_deg + nut.longitude_deg * std::cos(obliquity);

    // 3.9, 3.10: geocentric right ascension and declination (eqs. 30, 31).
    const double lambda = toRadians(apparentLongitude_deg);
    const double beta = toRadians(geocentricLatitude_deg);
    const double rightAscension_deg = limitDegrees(toDegrees(
        std::atan2(std::sin(lambda) * std::cos(obliquity) - std::tan(beta) * std::sin(obliquity), std::cos(lambda))));
    const double declination =
        std::asin(std::sin(beta) * std::cos(obliquity) + std::cos(beta) * std::sin(obliquity) * std::sin(lambda));
    out.rightAscension_deg = rightAscension_deg;
    out.declination_deg = toDegrees(declination);
    out.earthSunDistance_au = earth.radius_au;

    // 3.11: observer local hour angle (eq. 32), positive west.
    const double hourAngle = toRadians(limitDegrees(sidereal_deg + input.longitude_deg - rightAscension_deg));

    // 3.12: topocentric sun position: parallax in right ascension and declination (eqs. 33..38).
    const double latitude = toRadians(input.latitude_deg);
    const double parallax = toRadians(8.794 / (3600.0 * earth.radius_au));  // equatorial horizontal
    const double u = std::atan(0.99664719 * std::tan(latitude));
    const double x = std::cos(u) + input.elevation_m / 6378140.0 * std::cos(latitude);
    const double y = 0.99664719 * std::sin(u) + input.elevation_m / 6378140.0 * std::sin(latitude);
    const double denominator = std::cos(declination) - x * std::sin(parallax) * std::cos(hourAngle);
    const double raParallax = std::atan2(-x * std::sin(parallax) * std::sin(hourAngle), denominator);
    const double topocentricDeclination =
        std::atan2((std::sin(declination) - y * std::sin(parallax)) * std::cos(raParallax), denominator);
    out.topocentricDeclination_deg = toDegrees(topocentricDeclination);

    // 3.13: topocentric local hour angle (eq. 39).
    const double topocentricHourAngle = hourAngle - raParallax;
    out.hourAngle_deg = limitDegrees180(toDegrees(topocentricHourAngle));

    // 3.14: topocentric elevation without refraction (eq. 41), refraction (eq. 42), zenith (eq. 44).
    const double elevationNoRefraction_deg =
        toDegrees(std::asin(std::sin(latitude) * std::sin(topocentricDeclination) +
                            std::cos(latitude) * std::cos(topocentricDeclination) * std::cos(topocentricHourAngle)));
    double refraction_deg = 0.0;
    // Refraction applies only while the sun's upper limb can be above the refracted horizon.
    if (elevationNoRefraction_deg >= -(kSunRadius_deg + input.atmosphericRefraction_deg)) {
        refraction_deg =
            (input.pressure_mbar / 1010.0) * (283.0 / (273.0 + input.temperature_c)) * 1.02 /
            (60.0 * std::tan(toRadians(elevationNoRefraction_deg + 10.3 / (elevationNoRefraction_deg + 5.11))));
    }
    out.elevation_deg = elevationNoRefraction_deg + refraction_deg;
    out.zenith_deg = 90.0 - out.elevation_deg;
    out.zenithNoRefraction_deg = 90.0 - elevationNoRefraction_deg;

    // 3.15: topocentric azimuth: astronomers' (westward from south, eq. 45), then from north (eq. 46).
    const double azimuthFromSouth_deg = toDegrees(std::atan2(
        std::sin(topocentricHourAngle),
        std::cos(topocentricHourAngle) * std::sin(latitude) - std::tan(topocentricDeclination) * std::cos(latitude)));
    out.azimuth_deg = limitDegrees(azimuthFromSouth_deg + 180.0);

    // Appendix A.1: equation of time (eq. A1), minutes, folded into -20..20.
    double equationOfTime_min =
        4.0 * (sunMeanLongitude_deg(jme) - 0.0057183 - rightAscension_deg + nut.longitude_deg * std::cos(obliquity));
    equationOfTime_min = std::fmod(equationOfTime_min, 1440.0);
    if (equationOfTime_min < -20.0) equationOfTime_min += 1440.0;
    if (equationOfTime_min > 20.0) equationOfTime_min -= 1440.0;
    out.equationOfTime_min = equationOfTime_min;
    return out;
}

SolarPositionInput solarPositionInputFor(const Site& site, UtcSeconds t) {
    SolarPositionInput input;
    input.time = t;
    input.latitude_deg = site.latitude_deg;
    input.longitude_deg = site.longitude_deg;
    input.elevation_m = site.elevation_m;
    // International standard atmosphere: p = 1013.25 (1 - 2.25577e-5 h)^5.25588.
    input.pressure_mbar = 1013.25 * std::pow(1.0 - 2.25577e-5 * std::clamp(site.elevation_m, -500.0, 10000.0), 5.25588);
    return input;
}

UtcSeconds solarNoonUtc(UtcSeconds dayUtc, double longitude_deg, double deltaT_s) {
    const UtcSeconds midnight = floorDiv(dayUtc, kSecondsPerDay) * kSecondsPerDay;
    // Mean solar noon: 12:00 UTC shifted 4 minutes per degree west; then correct by the equation
    // of time evaluated at the current estimate (it changes by under 30 s per day).
    double noon_s = 43200.0 - longitude_deg * 240.0;
    for (int iteration = 0; iteration < 3; ++iteration) {
        SolarPositionInput input;
        input.time = midnight + static_cast<UtcSeconds>(std::llround(noon_s));
        input.deltaT_s = deltaT_s;
        input.longitude_deg = longitude_deg;
        const SolarPosition sun = solarPosition(input);
        noon_s = 43200.0 - longitude_deg * 240.0 - sun.equationOfTime_min * 60.0;
    }
    return midnight + static_cast<UtcSeconds>(std::llround(noon_s));
}

}  // namespace ct::twin
