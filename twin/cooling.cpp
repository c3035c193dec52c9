#include "twin/cooling.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace ct::twin {

// The physics, step by step:
// 1. Heat into the loop = IT power (all of it becomes heat in the cold plates and the room) + pump
//    power (it ends up in the coolant as friction).
// 2. Pump power: Cooling::pumpPowerFraction of the IT heat moved. Simplification: the loop's flow is
//    held constant (so return - supply = designDeltaT * IT / capacity, below), yet the pump power
//    follows the load, which keeps an idle building's overhead at zero.
// 3. Each bank's dry cooler takes an equal share of the flow (and of the loop's heat). To hold the
//    supply setpoint it needs an approach of (setpoint - inlet air); at design that gap is
//    dryCoolerApproach_c with fans at fanPowerFraction of the heat. Approach ~ 1 / fan speed, so the
//    speed is designApproach / gap and the fan power scales with its cube (fan affinity), clamped
//    to [minFanSpeed, maxFanSpeed]. Too little gap -> fans at maximum, and the bank's outlet rises
//    to inlet + designApproach / maxFanSpeed. Too much gap -> a bypass holds the outlet at setpoint.
// 4. Trim chillers: above trimChillerThreshold_c (mean bank inlet air), chillers on the supply line
//    take the part of the heat above the threshold: they cool the whole flow by (inlet - threshold)
//    kelvin, never below the setpoint, never more than the loop's heat, and at most
//    chillerCapacityFraction of the IT capacity; their power is that heat / trimChillerCop.
//    What they cannot take raises the supply, which throttles the IT on the next step.
// 5. Every watt drawn by IT, pumps, fans and chiller compressors leaves as heat at the cooler banks:
//    bank heat = (IT + pumps + chiller compressors) / banks + that bank's own fans.
// 6. Electrical losses (distribution, UPS, transformers) = electricalLosses_fraction of IT + cooling.
CoolingResult simulateCooling(const Cooling& cooling, const Building& building, double it_mw,
                              const std::vector<double>& bankInletAir_c, const CoolingLimits& limits) {
    if (bankInletAir_c.empty()) throw std::invalid_argument("simulateCooling: no cooler bank inlet temperatures");
    CoolingResult r;
    const double it = std::isfinite(it_mw) ? std::max(0.0, it_mw) : 0.0;
    const double capacity = building.itCapacity_mw > 0.0 ? building.itCapacity_mw : std::max(it, 1.0);
    const double banks = static_cast<double>(bankInletAir_c.size());
    const double designApproach = std::max(cooling.dryCoolerApproach_c, 0.1);
    const double maxSpeed = std::max(limits.maxFanSpeed, 1e-3);
    const double minSpeed = std::clamp(limits.minFanSpeed, 0.0, maxSpeed);
    // Flow heat capacity of the loop, MW per kelvin: full IT load warms it by designDeltaT.
    const double flowHeatCapacity = capacity / std::max(cooling.designDeltaT_c, 0.1);

    r.pump_mw = cooling.pumpPowerFraction * it;
    const double loopHeat = it + r.pump_mw;
    const double bankLoopHeat = loopHeat / banks;

    // Dry coolers, bank by bank.
    std::vector<double> bankFan(bankInletAir_c.size(), 0.0);
    r.bankFanSpeed.assign(bankInletAir_c.size(), 0.0);
    double outletSum = 0.0;
    for (std::size_t i = 0; i < bankInletAir_c.size(); ++i) {
        double inlet = bankInletAir_c[i];
        double gap = cooling.supplySetpoint_c - inlet;
        double speed = gap > 0.0 ? std::clamp(designApproach / gap, minSpeed, maxSpeed) : maxSpeed;
        bankFan[i] = cooling.fanPowerFraction * bankLoopHeat * speed * speed * speed;
        if (bankLoopHeat > 0.0) r.bankFanSpeed[i] = speed;  // an idle building's fans stand still
        outletSum += std::max(cooling.supplySetpoint_c, inlet + designApproach / speed);
    }
    r.fan_mw = std::accumulate(bankFan.begin(), bankFan.end(), 0.0);
    const double dryCoolerOutlet = outletSum / banks;
    const double meanInlet = std::accumulate(bankInletAir_c.begin(), bankInletAir_c.end(), 0.0) / banks;

    // Trim chillers.
    double chillerHeat = 0.0;
    if (meanInlet > cooling.trimChillerThreshold_c && loopHeat > 0.0) {
        double wanted = flowHeatCapacity * (meanInlet - cooling.trimChillerThreshold_c);
        double toSetpoint = flowHeatCapacity * std::max(0.0, dryCoolerOutlet - cooling.supplySetpoint_c);
        double chillerCapacity = limits.chillerCapacityFraction * capacity;
        chillerHeat = std::max(0.0, std::min({wanted, toSetpoint, loopHeat, chillerCapacity}));
    }
    r.chillerHeat_mw = chillerHeat;
    r.chiller_mw = cooling.trimChillerCop > 0.0 ? chillerHeat / cooling.trimChillerCop : 0.0;

    r.supply_c = dryCoolerOutlet - chillerHeat / flowHeatCapacity;
    r.return_c = r.supply_c + cooling.designDeltaT_c * (it / capacity);
    r.throttling = r.supply_c > cooling.throttleSupply_c;

    r.total_mw = r.fan_mw + r.pump_mw + r.chiller_mw;
    r.heatRejected_mw = it + r.total_mw;
    r.bankHeat_mw.resize(bankInletAir_c.size());
    const double sharedHeat = (loopHeat + r.chiller_mw) / banks;
    for (std::size_t i = 0; i < bankFan.size(); ++i)
        r.bankHeat_mw[i] = sharedHeat + bankFan[i];

    r.electricalLosses_mw = cooling.electricalLosses_fraction * (it + r.total_mw);
    r.facility_mw = it + r.total_mw + r.electricalLosses_mw;
    r.pue = it > 0.0 ? r.facility_mw / it : 0.0;
    return r;
}

}  // namespace ct::twin
