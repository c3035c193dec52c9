// Solar position by the NREL Solar Position Algorithm (SPA): Reda and Andreas, "Solar Position
// Algorithm for Solar Radiation Applications", NREL/TP-560-34302 (2004, revised 2008); stated
// uncertainty +/-0.0003 degrees for the years -2000..6000.
//
//   SolarPositionInput in;
//   in.time = *parseIsoUtc("2026-06-21T18:00");
//   in.latitude_deg = site.latitude_deg; in.longitude_deg = site.longitude_deg;
//   in.elevation_m = site.elevation_m;
//   SolarPosition sun = solarPosition(in);   // sun.zenith_deg, sun.azimuth_deg (east of north)
//
// The paper's input is local time plus a time zone; here the time is already UTC (zone 0).
#pragma once

#include "twin/civil_time.h"

namespace ct::twin {

struct SolarPositionInput {
    UtcSeconds time = 0;
    double deltaT_s = 69.0;  // TT - UT1; about 69 s in the 2020s
    double latitude_deg = 0.0;
    double longitude_deg = 0.0;  // east positive
    double elevation_m = 0.0;
    double pressure_mbar = 1013.25;             // annual mean local pressure, for refraction
    double temperature_c = 15.0;                // annual mean local temperature, for refraction
    double deltaUt1_s = 0.0;                    // UT1 - UTC, |value| < 1 s
    double atmosphericRefraction_deg = 0.5667;  // refraction at sunrise and sunset
};

struct SolarPosition {
    double zenith_deg = 90.0;              // topocentric, corrected for atmospheric refraction
    double azimuth_deg = 0.0;              // topocentric, eastward from north, 0..360
    double elevation_deg = 0.0;            // 90 - zenith
    double zenithNoRefraction_deg = 90.0;  // geometric topocentric zenith (SPA e0)
    double declination_deg = 0.0;          // geocentric
    double rightAscension_deg = 0.0;       // geocentric, 0..360
    double topocentricDeclination_deg = 0.0;
    double hourAngle_deg = 0.0;        // topocentric local hour angle, -180..180, positive west
    double earthSunDistance_au = 1.0;  // radius vector R
    double equationOfTime_min = 0.0;   // apparent minus mean solar time, -20..20 minutes
    double julianDay = 0.0;
};

SolarPosition solarPosition(const SolarPositionInput& input);

// Input for a site at instant t: its coordinates, and the standard-atmosphere pressure at its
// elevation (about 950 mbar at Abilene's 546 m) for the refraction correction.
SolarPositionInput solarPositionInputFor(const Site& site, UtcSeconds t);

// Julian day (UT) of a UTC instant, with UT1 - UTC added (SPA eq. 4 for Gregorian dates).
double julianDay(UtcSeconds t, double deltaUt1_s = 0.0);

// UTC instant of local solar noon (the sun's transit) on the UTC date of `dayUtc`, from the
// equation of time, iterated to converge: accurate to about a second, well inside what the
// twin's 1 s steps need. Not the paper's full rise/transit/set interpolation (Appendix A.2).
UtcSeconds solarNoonUtc(UtcSeconds dayUtc, double longitude_deg, double deltaT_s = 69.0);

}  // namespace ct::twin
