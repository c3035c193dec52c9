// Closed-loop liquid cooling of one building, rejected by rooftop and yard dry coolers, with trim
// chillers for the hottest air. A pure function of its inputs: the overhead power, the loop
// temperatures and the heat each cooler bank releases (the heat maps' sources).
// Why this model: no published curve of PUE against outdoor temperature exists (facts file,
// "Cooling and climate"), so the overhead follows from the dry coolers' approach temperature.
//
// Use: CoolingResult c = simulateCooling(scenario.cooling, building, it_mw,
//                                        std::vector<double>(building.coolerBanks, ambient_c));
//      feed c.supply_c into the next step's ItLoadModel::step (throttling).
#pragma once

#include <vector>

#include "twin/scenario.h"

namespace ct::twin {

// Equipment limits the scenario does not carry; working values, not published figures.
struct CoolingLimits {
    // Fan speed relative to design. The cube law of fan affinity makes 2x speed 8x power; the
    // coolers' approach temperature falls as the air flow rises (approach ~ 1 / speed).
    double maxFanSpeed = 2.0;
    double minFanSpeed = 0.2;  // variable-speed drives rarely run slower
    // Trim-chiller capacity as a fraction of the building's IT capacity ("trim": they top up the
    // dry coolers on the hottest afternoons, they cannot carry the building).
    double chillerCapacityFraction = 0.5;
};

struct CoolingResult {
    double heatRejected_mw = 0.0;  // to the outdoor air at the cooler banks: IT + pumps + fans + chillers
    double fan_mw = 0.0;
    double pump_mw = 0.0;
    double chiller_mw = 0.0;      // chiller compressor power (heat moved / COP)
    double chillerHeat_mw = 0.0;  // heat the chillers lift out of the loop
    double total_mw = 0.0;        // fans + pumps + chillers
    double electricalLosses_mw = 0.0;
    double facility_mw = 0.0;         // IT + cooling + electrical losses: what the building draws
    double pue = 0.0;                 // facility / IT; 0 when IT is 0 (undefined: nothing to divide by)
    double supply_c = 0.0;            // coolant to the racks
    double return_c = 0.0;            // coolant from the racks
    std::vector<double> bankHeat_mw;  // one per bank inlet given; sums to heatRejected_mw
    std::vector<double> bankFanSpeed;  // one per bank: its fans' speed over design; 0 with no heat to reject
    bool throttling = false;          // supply above Cooling::throttleSupply_c
};

// One inlet air temperature per cooler bank (normally building.coolerBanks of them; the ambient
// temperature for all unless the heat map supplies better). Throws std::invalid_argument when the
// list is empty. Negative it_mw is treated as 0.
CoolingResult simulateCooling(const Cooling& cooling, const Building& building, double it_mw,
                              const std::vector<double>& bankInletAir_c, const CoolingLimits& limits = {});

}  // namespace ct::twin
