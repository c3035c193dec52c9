// The twin's state at one instant: what the UI, the labels, the KPI output and (later) the
// heat map read. Every quantity is keyed by the entity id that binds to a glTF node and carries
// its unit and provenance, so a measured value (telemetry) and a simulated one can stand side
// by side. DataSource is what produces snapshots: the simulation now, telemetry later.
#pragma once

#include "twin/civil_time.h"
#include "twin/cloud_field.h"
#include "twin/it_load.h"
#include "twin/solar_position.h"
#include "twin/weather.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ct::twin {

enum class Provenance { Simulated, Measured, Assumed };
const char* provenanceName(Provenance provenance);

struct Quantity {
    std::string entity;  // "bldg-01", "wtg-07", "campus"
    std::string name;    // "it_power"
    double value = 0.0;
    std::string unit;  // "MW"
    Provenance provenance = Provenance::Simulated;
};

const char* buildingStateName(BuildingState state);

struct BuildingSnapshot {
    std::string id;
    BuildingState state = BuildingState::NotBuilt;
    double it_mw = 0.0;
    double cooling_mw = 0.0;   // fans + pumps + chillers
    double facility_mw = 0.0;  // IT + cooling + electrical losses
    double pue = 0.0;          // 0 while the building carries no IT load
    double supply_c = 0.0;     // coolant to the racks
    double return_c = 0.0;
    double heatRejected_mw = 0.0;
    std::vector<double> bankHeat_mw;  // per cooler bank: the heat map's sources
    std::vector<double> bankInlet_c;  // per cooler bank: the air drawn in
    std::vector<double> bankFan_rpm;  // per cooler bank: its fans' speed (0: still, the building idle)
    // Per cooler bank: where its fans stand (degrees about the vertical), integrated from the
    // speed history (coolerFanAngleAfter), so a picture at a time is the same whatever the frame rate.
    std::vector<double> bankFanAngle_deg;
    double powerHeadroom_mw = 0.0;    // IT capacity not in use
    double thermalHeadroom_c = 0.0;   // throttle threshold minus supply temperature
    bool throttling = false;
};

// Where bank `bank`'s fans stand `elapsed_s` after the step of `building` (its speed held until the
// next step); 0 for a bank the snapshot does not list.
double coolerFanAngleAfter(const BuildingSnapshot& building, std::size_t bank, double elapsed_s);

struct TurbineSnapshot {
    std::string id;
    double hubWind_ms = 0.0;
    double power_mw = 0.0;
    double rotor_rpm = 0.0;  // held until the next step
    double yaw_deg = 0.0;    // the nacelle's heading, clockwise from north, slewing towards windFrom_deg
    double windFrom_deg = 0.0;
    double rotorAngle_deg = 0.0;  // blade 1 from up, turning with the rotor: integrated from the speed history
};

// One inverter block of a solar farm (twin::solarBlockCentre): its own share of the cloud shadow.
struct SolarBlockSnapshot {
    double x_m = 0.0, z_m = 0.0;  // the block's centre, site metres
    double cloudShade = 0.0;      // fraction of the clear-sky GHI the cloud field takes there
    double poa_wm2 = 0.0;
    double ac_mw = 0.0;
};

struct SolarFarmSnapshot {
    std::string id;
    double poa_wm2 = 0.0;
    double cellTemp_c = 0.0;
    double dc_mw = 0.0;
    double ac_mw = 0.0;
    double trackerAngle_deg = 0.0;
    std::vector<SolarBlockSnapshot> blocks;  // the farm's figures above are their sums and means
};

// One gas turbine unit of the plant, in the plant's unit order (unit_01, unit_02, ...).
struct GasUnitSnapshot {
    bool starting = false;  // purging and firing: no output yet
    bool online = false;
    double output_mw = 0.0;
    double capacity_mw = 0.0;
};

struct CampusKpis {
    double it_mw = 0.0;
    double cooling_mw = 0.0;
    double losses_mw = 0.0;
    double facility_mw = 0.0;  // demand: IT + cooling + losses
    double pue = 0.0;
    double solar_mw = 0.0;  // taken (after curtailment)
    double wind_mw = 0.0;
    double curtailed_mw = 0.0;
    double gas_mw = 0.0;
    int gasUnitsOnline = 0;
    double grid_mw = 0.0;
    double battery_mw = 0.0;  // + discharging, - charging
    double batteryStored_mwh = 0.0;
    double loadShed_mw = 0.0;
    double renewableShare = 0.0;  // of the energy served this step
    double co2_tPerH = 0.0;
    double water_m3PerH = 0.0;  // closed-loop cooling: no evaporation, so make-up only
};

struct StateSnapshot {
    UtcSeconds time = 0;
    SolarPosition sun;
    WeatherSample weather;
    double ghi_wm2 = 0.0;  // the region's mean; each solar block's own under the cloud field
    CloudLayer clouds;
    CampusKpis campus;
    std::vector<BuildingSnapshot> buildings;
    std::vector<TurbineSnapshot> turbines;
    std::vector<SolarFarmSnapshot> solarFarms;
    std::vector<GasUnitSnapshot> gasUnits;  // empty before the plant's phase
    // (entity, quantity) pairs whose value came from a measurement (telemetry); the rest is
    // simulated. Filled by the telemetry overlay, empty for the bare simulation.
    std::set<std::pair<std::string, std::string>> measured;

    // The same state as a flat list of quantities keyed by entity id, with units and
    // provenance: what labels, inspectors and KPI output consume.
    std::vector<Quantity> quantities() const;
};

class DataSource {
public:
    virtual ~DataSource() = default;
    virtual const StateSnapshot& current() const = 0;
    // Moves forward by one step and returns the new state.
    virtual const StateSnapshot& advance() = 0;
};

}  // namespace ct::twin
