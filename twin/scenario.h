// The scenario: everything the twin and the renderer need to know about one campus, read from
// a JSON file (scenarios/abilene.json; schema in docs/scenario.md). Plain data, no behaviour.
// Units are in the names: _m metres, _mw megawatts, _c degrees Celsius, _deg degrees,
// _ms metres per second. Site coordinates: x east, z south (so -z is north), y up, metres,
// origin at the site centre.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ct::twin {

struct Site {
    double latitude_deg = 0.0;
    double longitude_deg = 0.0;  // east positive
    double elevation_m = 0.0;
    std::string timeZone;              // IANA name, e.g. "America/Chicago"
    double standardUtcOffset_h = 0.0;  // e.g. -6
    bool usDaylightSaving = true;      // US rules: +1 h from 2nd Sunday of March to 1st Sunday of November
};

struct Phase {
    int number = 0;                 // 1-based, in order
    std::string name;               // "Phase 1", "Build-out"
    std::string constructionStart;  // ISO date YYYY-MM-DD
    std::string energised;          // ISO date: buildings of this phase carry load from here
};

struct Vec2 {
    double x = 0.0;
    double z = 0.0;
};

struct Camera {
    std::string name;
    std::array<double, 3> eye{};
    std::array<double, 3> target{};
    double fov_deg = 45.0;
};

struct Building {
    std::string id;     // entity id, e.g. "bldg-01"
    std::string model;  // key into Scenario::models
    Vec2 position;
    double rotation_deg = 0.0;  // about +y, counter-clockwise seen from above
    int phase = 1;
    double itCapacity_mw = 100.0;
    int racks = 694;
    int coolerBanks = 16;  // rooftop dry-cooler banks; nodes cooler_bank_01.. in the model
};

struct SolarFarm {
    std::string id;
    std::string model;  // the panel/row model
    Vec2 position;      // centre of the field
    double rotation_deg = 0.0;
    int phase = 1;
    double capacityDc_mw = 100.0;
    double dcAcRatio = 1.3;
    int rows = 100;
    int panelsPerRow = 100;
    double rowPitch_m = 6.0;
    double panelPitch_m = 1.1;  // along a row
    double panelWatts = 550.0;  // Pdc0 of one panel
    double trackerLimit_deg = 60.0;
    double gamma_perC = -0.0035;
    double systemLosses_pct = 14.08;
    double inverterEfficiencyNominal = 0.96;
    double groundCoverageRatio = 0.35;
    int blocks = 10;  // inverter blocks: groups of whole rows side by side, each under its own sky
};

struct PowerCurvePoint {
    double wind_ms = 0.0;
    double power_mw = 0.0;
};

struct TurbineType {
    std::string id;     // "ge_1_5mw"
    std::string model;  // key into Scenario::models
    double rated_mw = 1.5;
    double hubHeight_m = 80.0;
    double rotorDiameter_m = 77.0;
    double cutIn_ms = 3.5;
    double rated_ms = 12.0;
    double cutOut_ms = 25.0;
    double ratedRotor_rpm = 18.0;
    std::vector<PowerCurvePoint> curve;  // tabulated, increasing wind speed
};

struct Turbine {
    std::string id;    // "wtg-01"
    std::string type;  // key into Scenario::turbineTypes
    Vec2 position;
    int phase = 1;
};

struct GasPlant {
    std::string id = "gas";
    std::string model;
    Vec2 position;
    double rotation_deg = 0.0;
    int phase = 1;
    int units = 10;
    double unitCapacity_mw = 36.05;
    double minLoadFraction = 0.3;
    double rampRate_mwPerMin = 10.0;  // per unit
    double startTime_min = 10.0;
    double co2_tPerMwh = 0.55;
};

struct Substation {
    std::string id = "substation";
    std::string model;
    Vec2 position;
    double rotation_deg = 0.0;
    double gridImportLimit_mw = 200.0;
    // The substation's growth: one limit per phase (optional). Empty: gridImportLimit_mw always.
    std::vector<double> gridImportLimitByPhase_mw;
    double gridCo2_tPerMwh = 0.37;

    double importLimitAt(int phase) const {
        if (phase >= 1 && phase <= static_cast<int>(gridImportLimitByPhase_mw.size()))
            return gridImportLimitByPhase_mw[phase - 1];
        return gridImportLimit_mw;
    }
};

struct Battery {
    std::string id;
    std::string model;
    Vec2 position;
    double rotation_deg = 0.0;
    int phase = 1;
    double power_mw = 50.0;
    double energy_mwh = 200.0;
    double roundTripEfficiency = 0.88;
    double initialSoc = 0.8;
};

struct Climate {
    std::array<double, 12> monthlyHigh_c{};  // mean daily high, January first
    std::array<double, 12> monthlyLow_c{};
    std::array<double, 12> relativeHumidity_pct{};
    std::array<double, 12> cloudiness{};  // mean fraction of clear-sky irradiance lost, 0..1
    double meanWind_ms = 7.0;             // at 10 m
    double weibullShape = 2.0;
    double prevailingWind_deg = 180.0;  // direction the wind comes from, clockwise from north
    double shearExponent = 0.14;        // power-law wind shear
};

struct Cooling {
    double supplySetpoint_c = 32.0;    // coolant to the racks
    double designDeltaT_c = 10.0;      // return minus supply at full load
    double dryCoolerApproach_c = 6.0;  // coolant leaving the dry coolers minus inlet air, at design
    double fanPowerFraction = 0.015;   // fan power at design, as a fraction of heat rejected
    // The coolers' fans at design speed: 35 m/s at the tips of 3.2 m fans (quiet dry coolers keep
    // their tips near that), what the scene turns them at (an assumption, docs/campus-facts.md).
    double fanDesign_rpm = 210.0;
    double pumpPowerFraction = 0.01;
    double trimChillerThreshold_c = 35.0;  // inlet air above which trim chillers start
    double trimChillerCop = 4.0;
    double throttleSupply_c = 40.0;           // coolant supply above which IT throttles
    double electricalLosses_fraction = 0.03;  // distribution, UPS, transformers
};

// One placed glTF model in the composed campus scene: the renderer instantiates `model` at the
// entity's position; the twin knows the same entity by `id`.
struct ModelRef {
    std::string path;  // relative to the scenario file
};

// Entity id -> node path in the composed scene ("bldg-01/cooler_bank_03").
struct Binding {
    std::string entity;
    std::string node;
};

// The site's civil works, drawn and not simulated: roads, fences and power lines along a path;
// parking, construction laydown yards, stormwater ponds and the switchyard over a rectangle. Each
// entry's notes say where it comes from (docs/campus-facts.md) or that it is assumed.
enum class SiteWorkKind { Road, Fence, PowerLine, Parking, Laydown, Pond, Switchyard };

struct SiteWork {
    std::string id;
    SiteWorkKind kind = SiteWorkKind::Road;
    int phase = 1;  // there from this phase on
    // Roads, fences and power lines: the path (two points or more); closed: back to the first.
    std::vector<Vec2> path;
    bool closed = false;
    double width_m = 8.0;   // a road's carriageway; an area's extent along x before rotation
    double height_m = 0.0;  // a fence's; a power line's towers
    // Areas: a rectangle of width_m x depth_m about `position`, turned by rotation_deg.
    Vec2 position;
    double depth_m = 0.0;
    double rotation_deg = 0.0;
};

bool isPath(SiteWorkKind kind);
const char* siteWorkKindName(SiteWorkKind kind);

struct Scenario {
    std::string sourcePath;
    std::string name;
    Site site;
    std::vector<Phase> phases;
    std::map<std::string, ModelRef> models;
    std::vector<Building> buildings;
    std::vector<SolarFarm> solarFarms;
    std::map<std::string, TurbineType> turbineTypes;
    std::vector<Turbine> turbines;
    GasPlant gasPlant;
    Substation substation;
    std::vector<Battery> batteries;
    Climate climate;
    Cooling cooling;
    std::string terrainModel;  // key into models; drawn under everything
    std::vector<Camera> cameras;
    std::vector<Binding> bindings;
    std::vector<SiteWork> siteWorks;
};

}  // namespace ct::twin
