#include "twin/pv_system.h"

#include <algorithm>
#include <cmath>

namespace ct::twin {

namespace {

bool finite(double value) {
    return std::isfinite(value);
}
double nonNegative(double value) {
    return finite(value) && value > 0.0 ? value : 0.0;
}

}  // namespace

double sapmCellTemperature(double poa_wm2, double ambient_c, double wind_ms, const SapmThermal& model) {
    const double ambient = finite(ambient_c) ? ambient_c : 25.0;
    const double poa = nonNegative(poa_wm2);
    const double wind = nonNegative(wind_ms);
    const double module_c = poa * std::exp(model.a + model.b * wind) + ambient;
    return module_c + poa / 1000.0 * model.deltaT_c;
}

double pvwattsDc(double poa_wm2, double cellTemp_c, double pdc0, double gamma_perC) {
    if (!finite(cellTemp_c) || !finite(gamma_perC)) return 0.0;
    const double dc = nonNegative(poa_wm2) / 1000.0 * nonNegative(pdc0) * (1.0 + gamma_perC * (cellTemp_c - 25.0));
    return nonNegative(dc);
}

double applySystemLosses(double dc, double losses_pct) {
    const double losses = finite(losses_pct) ? std::clamp(losses_pct, 0.0, 100.0) : 0.0;
    return nonNegative(dc) * (1.0 - losses / 100.0);
}

double pvwattsInverter(double dc, double pac0, double etaNominal) {
    const double input = nonNegative(dc);
    const double rating = nonNegative(pac0);
    const double etaNom = nonNegative(etaNominal);
    if (input <= 0.0 || rating <= 0.0 || etaNom <= 0.0) return 0.0;
    const double pdc0Inverter = rating / etaNom;
    const double z = input / pdc0Inverter;
    // The curve goes negative at very low load (the inverter's tare loss wins): output 0 there.
    const double eta = etaNom / kPvWattsReferenceInverterEfficiency * (-0.0162 * z - 0.0059 / z + 0.9858);
    return std::clamp(eta * input, 0.0, rating);
}

double farmDcCapacity_mw(const SolarFarm& farm) {
    const double fromPanels = static_cast<double>(std::max(farm.rows, 0)) * std::max(farm.panelsPerRow, 0) *
                              nonNegative(farm.panelWatts) / 1.0e6;
    return fromPanels > 0.0 ? fromPanels : nonNegative(farm.capacityDc_mw);
}

double farmTrackerAxisAzimuth_deg(const SolarFarm& farm) {
    const double rotation = finite(farm.rotation_deg) ? farm.rotation_deg : 0.0;
    return 180.0 - rotation;
}

RowRange solarBlockRows(const SolarFarm& farm, int block) {
    const int rows = std::max(farm.rows, 1);
    const int blocks = std::clamp(farm.blocks, 1, rows);
    const auto boundary = [&](int b) { return static_cast<int>(static_cast<long long>(rows) * b / blocks); };
    return {boundary(block), boundary(block + 1)};
}

Vec2 solarBlockCentre(const SolarFarm& farm, int block) {
    const RowRange rows = solarBlockRows(farm, block);
    // Row r stands at (r - (rows - 1) / 2) pitches along the farm's x (campus_scene places them so).
    const double x = (0.5 * (rows.first + rows.end - 1) - 0.5 * (std::max(farm.rows, 1) - 1)) * farm.rowPitch_m;
    const double turn = (finite(farm.rotation_deg) ? farm.rotation_deg : 0.0) * 3.14159265358979323846 / 180.0;
    // Turned counter-clockwise seen from above: +x goes towards -z (north) as the angle grows.
    return {farm.position.x + x * std::cos(turn), farm.position.z - x * std::sin(turn)};
}

SolarFarm solarBlockFarm(const SolarFarm& farm, int block) {
    const RowRange rows = solarBlockRows(farm, block);
    SolarFarm part = farm;
    const double share = static_cast<double>(rows.end - rows.first) / std::max(farm.rows, 1);
    part.rows = rows.end - rows.first;
    part.capacityDc_mw = farm.capacityDc_mw * share;
    part.blocks = 1;
    return part;
}

PvOutput simulatePvFarm(const SolarFarm& farm, const SolarPosition& sun, const Irradiance& sky, double ambient_c,
                        double wind_ms) {
    PvOutput out;
    TrackerGeometry tracker;
    tracker.limit_deg = std::isfinite(wind_ms) && wind_ms >= kTrackerStowWind_ms ? 0.0 : farm.trackerLimit_deg;
    tracker.axisAzimuth_deg = farmTrackerAxisAzimuth_deg(farm);
    tracker.groundCoverageRatio = farm.groundCoverageRatio;
    const PlaneOfArray poa = trackerPlaneOfArray(sun, sky, tracker);

    out.poa_wm2 = nonNegative(poa.poa_wm2);
    out.trackerAngle_deg = finite(poa.trackerAngle_deg) ? poa.trackerAngle_deg : 0.0;
    out.cellTemp_c = sapmCellTemperature(out.poa_wm2, ambient_c, wind_ms);

    const double pdc0_mw = farmDcCapacity_mw(farm);
    const double dcRaw_mw = pvwattsDc(out.poa_wm2, out.cellTemp_c, pdc0_mw, farm.gamma_perC);
    out.dc_mw = applySystemLosses(dcRaw_mw, farm.systemLosses_pct);
    const double dcAcRatio = finite(farm.dcAcRatio) && farm.dcAcRatio > 0.0 ? farm.dcAcRatio : 1.0;
    out.ac_mw = pvwattsInverter(out.dc_mw, pdc0_mw / dcAcRatio, farm.inverterEfficiencyNominal);
    return out;
}

}  // namespace ct::twin
