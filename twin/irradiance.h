// Irradiance for the twin: extraterrestrial, clear-sky, cloudy-sky and plane-of-array on
// single-axis trackers. All irradiances are W/m2; angles are degrees.
//
//   SolarPosition sun = solarPosition(in);
//   Irradiance clear = clearSkyIneichenPerez(sun, site.elevation_m);            // GHI, DNI, DHI
//   Irradiance sky = cloudySky(clear, sun, climate.cloudiness[month - 1]);      // dimmed by clouds
//   PlaneOfArray poa = trackerPlaneOfArray(sun, sky, TrackerGeometry{.limit_deg = farm.trackerLimit_deg});
//
// Clear sky: Ineichen and Perez (Solar Energy 73, 2002) with a fixed Linke turbidity. It was
// chosen over Haurwitz because it gives DNI and DHI itself (no decomposition needed on clear
// days), accounts for site elevation and is what PVWatts-era tools (pvlib, SAM) use. Every
// Irradiance this file returns satisfies GHI = DNI cos(zenith) + DHI.
#pragma once

#include "twin/solar_position.h"

namespace ct::twin {

inline constexpr double kSolarConstant_wm2 = 1361.0;  // total solar irradiance at 1 AU (Kopp and Lean 2011)
// Linke turbidity for Abilene: about 3 over the year (SoDa/Meteotest climatology for west Texas
// ranges 2.6 in winter to 3.6 in summer); a fixed value keeps the model deterministic.
inline constexpr double kDefaultLinkeTurbidity = 3.0;
inline constexpr double kDefaultAlbedo = 0.2;  // grass and dry soil

struct Irradiance {
    double ghi = 0.0;  // global horizontal
    double dni = 0.0;  // direct normal
    double dhi = 0.0;  // diffuse horizontal
};

struct PlaneOfArray {
    double poa_wm2 = 0.0;  // beam + diffuse + ground
    double beam_wm2 = 0.0;
    double diffuse_wm2 = 0.0;       // isotropic sky diffuse
    double ground_wm2 = 0.0;        // ground reflected
    double trackerAngle_deg = 0.0;  // rotation about the axis: 0 flat, negative facing east, positive west
    double incidence_deg = 90.0;    // angle between the sun and the panel normal
};

// Normal irradiance at the top of the atmosphere: 1361 / R^2, R the Earth-Sun distance in AU.
double extraterrestrialNormal(double earthSunDistance_au);

// Relative optical air mass by Kasten and Young (1989), from the apparent (refracted) zenith;
// 0 when the sun is at or below the horizon.
double relativeAirMass(double zenith_deg);

// Ineichen-Perez clear sky (pvlib's formulation without the Perez enhancement factor).
Irradiance clearSkyIneichenPerez(const SolarPosition& sun, double elevation_m,
                                 double linkeTurbidity = kDefaultLinkeTurbidity);

// Erbs, Klein and Duffie (1982) diffuse fraction of GHI from the clearness index kt = GHI / (E0 cos z).
double erbsDiffuseFraction(double clearnessIndex);

// Splits a measured or modelled GHI into DNI and DHI by Erbs. Above 87 degrees zenith all of it
// is diffuse (the beam term divides by cos z, which amplifies errors near the horizon).
Irradiance erbsDecomposition(double ghi, const SolarPosition& sun);

// Clear sky dimmed by clouds: GHI = clear GHI x (1 - cloudiness), cloudiness 0..1 the fraction of
// clear-sky irradiance lost. The diffuse fraction follows Erbs, shifted so that at cloudiness 0 it
// equals the clear-sky model's own (the result is continuous as clouds come and go).
Irradiance cloudySky(const Irradiance& clear, const SolarPosition& sun, double cloudiness);

struct TrackerGeometry {
    double limit_deg = 60.0;            // rotation limit, either way
    double axisAzimuth_deg = 180.0;     // horizontal axis; 180 (or 0) is north-south
    bool backtrack = true;              // avoid row-to-row shading in the morning and evening
    double groundCoverageRatio = 0.35;  // collector width / row pitch, for backtracking
    double albedo = kDefaultAlbedo;
};

// Rotation of a horizontal single-axis tracker: the true-tracking angle of Marion and Dobos
// (NREL/TP-6A20-58891, 2013, eq. 7 with zero axis tilt), then backtracking (Anderson and
// Mikofski 2020 for flat ground), then the limit. Stowed flat (0) when the sun is down.
double trackerRotation(const SolarPosition& sun, const TrackerGeometry& tracker);

// Plane-of-array irradiance on that tracker: beam, isotropic sky diffuse (Liu and Jordan) and
// ground reflected with the tracker's albedo.
PlaneOfArray trackerPlaneOfArray(const SolarPosition& sun, const Irradiance& sky, const TrackerGeometry& tracker);

}  // namespace ct::twin
