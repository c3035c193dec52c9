// PV output by PVWatts v5 (Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641, 2014):
// plane-of-array irradiance -> cell temperature -> DC power with temperature derating -> system
// losses -> inverter efficiency curve with AC clipping.
//
//   PvOutput pv = simulatePvFarm(farm, sun, sky, ambient_c, wind_ms);   // pv.ac_mw to the grid
//
// Choices, each in one place so it can be changed:
// - Array rating Pdc0 = rows x panelsPerRow x panelWatts (farmDcCapacity_mw); capacityDc_mw is
//   used only when the panel count gives nothing.
// - Cell temperature: the Sandia (SAPM) module model, King et al. 2004, open-rack glass/cell/
//   polymer (a = -3.56, b = -0.075, dT = 3 C). PVWatts v5 itself uses Fuentes' transient model,
//   which needs a thermal history; SAPM is steady-state, uses the wind speed we have, and stays
//   within a few degrees of it for open-rack trackers.
// - System losses (soiling, mismatch, wiring, ...) are applied to DC, as PVWatts does; the
//   reported dc_mw is after those losses.
#pragma once

#include "twin/irradiance.h"
#include "twin/scenario.h"

namespace ct::twin {

struct PvOutput {
    double poa_wm2 = 0.0;
    double cellTemp_c = 0.0;
    double dc_mw = 0.0;  // after system losses, at the inverter input
    double ac_mw = 0.0;
    double trackerAngle_deg = 0.0;
};

struct SapmThermal {
    double a = -3.56;
    double b = -0.075;      // per m/s
    double deltaT_c = 3.0;  // cell above back of module at 1000 W/m2
};

inline constexpr double kPvWattsReferenceInverterEfficiency = 0.9637;

// Cell temperature: T_module = POA exp(a + b WS) + T_amb; T_cell = T_module + POA / 1000 dT.
double sapmCellTemperature(double poa_wm2, double ambient_c, double wind_ms, const SapmThermal& model = {});

// PVWatts v5 DC: Pdc = POA / 1000 x Pdc0 x (1 + gamma (T_cell - 25)), in the units of pdc0.
double pvwattsDc(double poa_wm2, double cellTemp_c, double pdc0, double gamma_perC);

// Applies the system losses in percent (14.08 is the PVWatts default).
double applySystemLosses(double dc, double losses_pct);

// PVWatts v5 inverter: eta = eta_nom / eta_ref (-0.0162 z - 0.0059 / z + 0.9858), z = Pdc / Pdc0_inv,
// Pdc0_inv = Pac0 / eta_nom; AC clipped at Pac0. dc and pac0 in the same units.
double pvwattsInverter(double dc, double pac0, double etaNominal);

// DC rating of the array, MW (see the choices above).
double farmDcCapacity_mw(const SolarFarm& farm);

// Axis azimuth of the farm's trackers: its rows run north-south at rotation 0, and the rotation
// (counter-clockwise seen from above) turns them with it.
double farmTrackerAxisAzimuth_deg(const SolarFarm& farm);

// A farm's inverter blocks are groups of whole rows side by side (farm.blocks of them, the rows
// shared out as evenly as they go). The first row of block `block` and the one after its last.
struct RowRange {
    int first = 0, end = 0;
};
RowRange solarBlockRows(const SolarFarm& farm, int block);
// The block's centre in site metres (x east, z south): where its rows stand, turned with the farm.
Vec2 solarBlockCentre(const SolarFarm& farm, int block);
// The block as a farm of its own: its rows, its share of the capacity, the farm's equipment.
SolarFarm solarBlockFarm(const SolarFarm& farm, int block);

// Trackers lie flat (stow) when the wind at 10 m reaches this: a module tilted into a gale is a
// sail. Vendors stow at 15-20 m/s (the threshold is set per site from the wind-tunnel study); the
// campus's is assumed at the middle of that range.
inline constexpr double kTrackerStowWind_ms = 18.0;

// One farm at one instant. Negative or non-finite inputs give 0, never NaN.
PvOutput simulatePvFarm(const SolarFarm& farm, const SolarPosition& sun, const Irradiance& sky, double ambient_c,
                        double wind_ms);

}  // namespace ct::twin
