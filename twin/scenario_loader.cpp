#include "twin/scenario_loader.h"

#include "twin/civil_time.h"
#include "twin/text_file.h"

#include "twin/json_reader.h"

#include <cctype>
#include <cmath>
#include <fstream>
#include <sstream>

namespace ct::twin {
namespace fs = std::filesystem;

namespace {

// Bounds wide enough for any plausible campus, narrow enough to catch unit slips (kW for MW,
// km for m). docs/scenario.md lists them per key.
constexpr Range kSiteCoordinate_m{-50000, 50000};
constexpr Range kRotation_deg{-360, 360};
constexpr Range kFraction{0, 1};
constexpr Range kEfficiency{0.5, 1};
constexpr Range kCo2_tPerMwh{0, 2};

// Entity ids also name scene nodes and form binding paths ("bldg-01/cooler-03"), so they are
// restricted to characters that need no escaping anywhere and never contain '/'.
bool isValidId(const std::string& id) {
    if (id.empty() ||
        !(std::islower(static_cast<unsigned char>(id[0])) || std::isdigit(static_cast<unsigned char>(id[0]))))
        return false;
    for (char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::islower(u) || std::isdigit(u) || c == '-' || c == '_')) return false;
    }
    return true;
}

// A calendar date "YYYY-MM-DD" from 1900 on (the civil-time rules decide month lengths).
bool isIsoDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return std::stoi(s.substr(0, 4)) >= 1900 && parseIsoUtc(s).has_value();
}

std::string twoDigits(int n) {
    std::string digits = std::to_string(n);
    if (digits.size() < 2) digits.insert(digits.begin(), '0');
    return digits;
}

// What an entity id refers to, for checking bindings to its parts.
enum class EntityKind { Building, SolarFarm, Turbine, GasPlant, Substation, Battery, SiteWork };

struct EntityRecord {
    EntityKind kind;
    std::size_t index;    // into the matching vector (unused for the gas plant and substation)
    std::string pointer;  // where the id was defined, for "duplicate id" messages
};

class ScenarioReader {
public:
    explicit ScenarioReader(const fs::path& file) : folder_(file.parent_path()) { s_.sourcePath = file.string(); }

    Scenario read(const nlohmann::json& document) {
        JsonObjectReader root(JsonNode(document, ""));
        s_.name = root.string("name");
        root.skipText("notes");
        root.skipText("sources");
        readSite(JsonObjectReader(root.required("site")));
        readPhases(root.required("phases"));
        readModels(root.required("models"));
        if (auto terrain = root.optional("terrain_model")) s_.terrainModel = modelKey(*terrain);
        if (auto types = root.optional("turbine_types")) readTurbineTypes(*types);
        for (const JsonNode& n : root.required("buildings").elements())
            readBuilding(JsonObjectReader(n));
        if (auto farms = root.optional("solar_farms"))
            for (const JsonNode& n : farms->elements())
                readSolarFarm(JsonObjectReader(n));
        if (auto turbines = root.optional("turbines"))
            for (const JsonNode& n : turbines->elements())
                readTurbine(JsonObjectReader(n));
        readGasPlant(JsonObjectReader(root.required("gas_plant")));
        readSubstation(JsonObjectReader(root.required("substation")));
        if (auto batteries = root.optional("batteries"))
            for (const JsonNode& n : batteries->elements())
                readBattery(JsonObjectReader(n));
        readClimate(JsonObjectReader(root.required("climate")));
        if (auto cooling = root.optional("cooling")) readCooling(JsonObjectReader(*cooling));
        if (auto cameras = root.optional("cameras"))
            for (const JsonNode& n : cameras->elements())
                readCamera(JsonObjectReader(n));
        if (auto works = root.optional("site_works"))
            for (const JsonNode& n : works->elements())
                readSiteWork(JsonObjectReader(n));
        if (auto bindings = root.optional("bindings")) readBindings(*bindings);
        root.finish();
        return std::move(s_);
    }

private:
    // --- shared pieces ---

    std::string entityId(JsonObjectReader& r, EntityKind kind, std::size_t index,
                         std::optional<std::string> fallback = std::nullopt) {
        std::optional<JsonNode> node = fallback ? r.optional("id") : r.required("id");
        const std::string id = node ? node->nonEmptyString() : *fallback;
        const JsonNode& where = node ? *node : r.node();
        if (!isValidId(id)) {
            where.fail("id '" + id +
                       "' must be lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        const std::string pointer = node ? node->pointer() : appendPointer(r.node().pointer(), "id");
        const auto [it, added] = entities_.emplace(id, EntityRecord{kind, index, pointer});
        if (!added) where.fail("duplicate id '" + id + "' (first used at " + it->second.pointer + ")");
        return id;
    }

    std::string modelKey(const JsonNode& node) {
        const std::string key = node.nonEmptyString();
        if (!s_.models.count(key)) {
            std::string known;
            for (const auto& [k, _] : s_.models)
                known += (known.empty() ? "" : ", ") + k;
            node.fail("unknown model '" + key + "' (models: " + known + ")");
        }
        return key;
    }

    int phaseNumber(JsonObjectReader& r) {
        const JsonNode node = r.required("phase");
        const int phase = node.integer(-1000, 1000);
        const int count = static_cast<int>(s_.phases.size());
        if (phase < 1 || phase > count) {
            node.fail("phase " + std::to_string(phase) + " does not exist (phases are 1.." + std::to_string(count) +
                      ")");
        }
        return phase;
    }

    static Vec2 position(JsonObjectReader& r) {
        const auto xz = r.required("position_m").elements(2);
        return {xz[0].number(kSiteCoordinate_m), xz[1].number(kSiteCoordinate_m)};
    }

    static std::array<double, 3> point3(const JsonNode& node) {
        const auto xyz = node.elements(3);
        return {xyz[0].number(kSiteCoordinate_m), xyz[1].number(kSiteCoordinate_m), xyz[2].number(kSiteCoordinate_m)};
    }

    static std::array<double, 12> monthly(JsonObjectReader& r, std::string_view key, Range range) {
        const auto months = r.required(key).elements(12);
        std::array<double, 12> out{};
        for (std::size_t m = 0; m < 12; ++m)
            out[m] = months[m].number(range);
        return out;
    }

    // --- sections ---

    void readSite(JsonObjectReader r) {
        Site& site = s_.site;
        site.latitude_deg = r.number("latitude_deg", {-90, 90});
        site.longitude_deg = r.number("longitude_deg", {-180, 180});
        site.elevation_m = r.number("elevation_m", {-500, 9000});
        site.timeZone = r.string("time_zone");
        site.standardUtcOffset_h = r.number("standard_utc_offset_h", {-12, 14});
        site.usDaylightSaving = r.booleanOr("us_daylight_saving", true);
        r.skipText("notes");
        r.finish();
    }

    void readPhases(const JsonNode& list) {
        const auto items = list.elements();
        if (items.empty()) list.fail("at least one phase is required");
        for (std::size_t i = 0; i < items.size(); ++i) {
            JsonObjectReader r(items[i]);
            Phase phase;
            const JsonNode number = r.required("number");
            phase.number = number.integer(1, 1000);
            if (phase.number != static_cast<int>(i) + 1) {
                number.fail("phase " + std::to_string(phase.number) + " is out of order (expected " +
                            std::to_string(i + 1) + ": phases are numbered 1..N in file order)");
            }
            phase.name = r.string("name");
            phase.constructionStart = isoDate(r.required("construction_start"));
            const JsonNode energised = r.required("energised");
            phase.energised = isoDate(energised);
            // ISO dates compare correctly as strings.
            if (phase.energised < phase.constructionStart) {
                energised.fail(phase.energised + " is before construction_start " + phase.constructionStart);
            }
            if (i > 0 && phase.constructionStart < s_.phases.back().constructionStart) {
                r.required("construction_start")
                    .fail(phase.constructionStart + " is before the previous phase's construction_start " +
                          s_.phases.back().constructionStart);
            }
            r.skipText("notes");
            r.finish();
            s_.phases.push_back(phase);
        }
    }

    static std::string isoDate(const JsonNode& node) {
        const std::string date = node.string();
        if (!isIsoDate(date)) node.fail("'" + date + "' is not a valid date (YYYY-MM-DD)");
        return date;
    }

    void readModels(const JsonNode& map) {
        for (const auto& [key, node] : map.members()) {
            if (!isValidId(key)) node.fail("model key '" + key + "' must be lower-case letters, digits, '-' or '_'");
            const std::string relative = node.nonEmptyString();
            const fs::path resolved = (folder_ / relative).lexically_normal();
            std::error_code ec;
            if (!fs::is_regular_file(resolved, ec)) {
                node.fail("model file '" + relative + "' not found (looked for " + resolved.string() + ")");
            }
            s_.models[key] = ModelRef{relative};
        }
    }

    void readTurbineTypes(const JsonNode& map) {
        for (const auto& [key, node] : map.members()) {
            if (!isValidId(key)) node.fail("turbine type '" + key + "' must be lower-case letters, digits, '-' or '_'");
            JsonObjectReader r(node);
            TurbineType t;
            t.id = key;
            t.model = modelKey(r.required("model"));
            t.rated_mw = r.number("rated_mw", {0.01, 30});
            t.hubHeight_m = r.number("hub_height_m", {10, 300});
            t.rotorDiameter_m = r.number("rotor_diameter_m", {1, 300});
            t.cutIn_ms = r.number("cut_in_ms", {0, 50});
            t.cutOut_ms = r.number("cut_out_ms", {0, 50});
            const JsonNode rated = r.required("rated_ms");
            t.rated_ms = rated.number({0, 50});
            if (!(t.cutIn_ms < t.rated_ms && t.rated_ms < t.cutOut_ms)) {
                rated.fail(formatNumber(t.rated_ms) + " must lie between cut_in_ms " + formatNumber(t.cutIn_ms) +
                           " and cut_out_ms " + formatNumber(t.cutOut_ms));
            }
            t.ratedRotor_rpm = r.numberOr("rated_rotor_rpm", {0.1, 100}, t.ratedRotor_rpm);
            const JsonNode curve = r.required("power_curve");
            for (const JsonNode& point : curve.elements()) {
                const auto pair = point.elements(2);
                const double wind = pair[0].number({0, 50});
                const double power = pair[1].number({0, t.rated_mw * 1.05});
                if (!t.curve.empty() && wind <= t.curve.back().wind_ms) {
                    pair[0].fail("wind speed " + formatNumber(wind) + " m/s is not above the previous point's " +
                                 formatNumber(t.curve.back().wind_ms) + " (the curve must increase in wind speed)");
                }
                t.curve.push_back({wind, power});
            }
            if (t.curve.size() < 2) curve.fail("a power curve needs at least 2 points");
            r.skipText("notes");
            r.finish();
            s_.turbineTypes[key] = std::move(t);
        }
    }

    void readBuilding(JsonObjectReader r) {
        Building b;
        b.id = entityId(r, EntityKind::Building, s_.buildings.size());
        b.model = modelKey(r.required("model"));
        b.position = position(r);
        b.rotation_deg = r.numberOr("rotation_deg", kRotation_deg, b.rotation_deg);
        b.phase = phaseNumber(r);
        b.itCapacity_mw = r.number("it_capacity_mw", {0.1, 2000});
        b.racks = r.integerOr("racks", 1, 100000, b.racks);
        b.coolerBanks = r.integerOr("cooler_banks", 1, 200, b.coolerBanks);
        r.skipText("notes");
        r.finish();
        s_.buildings.push_back(std::move(b));
    }

    void readSolarFarm(JsonObjectReader r) {
        SolarFarm f;
        f.id = entityId(r, EntityKind::SolarFarm, s_.solarFarms.size());
        f.model = modelKey(r.required("model"));
        f.position = position(r);
        f.rotation_deg = r.numberOr("rotation_deg", kRotation_deg, f.rotation_deg);
        f.phase = phaseNumber(r);
        f.rows = r.integer("rows", 1, 10000);
        f.panelsPerRow = r.integer("panels_per_row", 1, 10000);
        f.panelWatts = r.number("panel_watts", {50, 1000});
        f.dcAcRatio = r.numberOr("dc_ac_ratio", {0.5, 3}, f.dcAcRatio);
        f.rowPitch_m = r.numberOr("row_pitch_m", {0.5, 100}, f.rowPitch_m);
        f.panelPitch_m = r.numberOr("panel_pitch_m", {0.1, 20}, f.panelPitch_m);
        f.trackerLimit_deg = r.numberOr("tracker_limit_deg", {0, 90}, f.trackerLimit_deg);
        f.gamma_perC = r.numberOr("gamma_per_c", {-0.02, 0}, f.gamma_perC);
        f.systemLosses_pct = r.numberOr("system_losses_pct", {0, 100}, f.systemLosses_pct);
        f.inverterEfficiencyNominal =
            r.numberOr("inverter_efficiency_nominal", kEfficiency, f.inverterEfficiencyNominal);
        f.groundCoverageRatio = r.numberOr("ground_coverage_ratio", {0.05, 1}, f.groundCoverageRatio);
        f.blocks = r.integerOr("blocks", 1, f.rows, std::min(f.blocks, f.rows));
        // The DC capacity follows from the panel count; if the file states it too, the two must agree.
        const double fromPanels_mw = f.rows * static_cast<double>(f.panelsPerRow) * f.panelWatts / 1e6;
        f.capacityDc_mw = fromPanels_mw;
        if (auto stated = r.optional("capacity_dc_mw")) {
            const double mw = stated->number({0.001, 100000});
            if (std::abs(mw - fromPanels_mw) > 0.01 * fromPanels_mw) {
                stated->fail(formatNumber(mw) + " MW disagrees with rows x panels_per_row x panel_watts = " +
                             formatNumber(fromPanels_mw) + " MW (more than 1 % apart)");
            }
            f.capacityDc_mw = mw;
        }
        r.skipText("notes");
        r.finish();
        s_.solarFarms.push_back(std::move(f));
    }

    void readTurbine(JsonObjectReader r) {
        Turbine t;
        t.id = entityId(r, EntityKind::Turbine, s_.turbines.size());
        const JsonNode type = r.required("type");
        t.type = type.nonEmptyString();
        if (!s_.turbineTypes.count(t.type)) {
            std::string known;
            for (const auto& [k, _] : s_.turbineTypes)
                known += (known.empty() ? "" : ", ") + k;
            type.fail("unknown turbine type '" + t.type + "' (turbine_types: " + (known.empty() ? "none" : known) +
                      ")");
        }
        t.position = position(r);
        t.phase = phaseNumber(r);
        r.skipText("notes");
        r.finish();
        s_.turbines.push_back(std::move(t));
    }

    void readGasPlant(JsonObjectReader r) {
        GasPlant& g = s_.gasPlant;
        g.id = entityId(r, EntityKind::GasPlant, 0, g.id);
        g.model = modelKey(r.required("model"));
        g.position = position(r);
        g.rotation_deg = r.numberOr("rotation_deg", kRotation_deg, g.rotation_deg);
        g.phase = phaseNumber(r);
        g.units = r.integer("units", 1, 100);
        g.unitCapacity_mw = r.number("unit_capacity_mw", {0.1, 1000});
        g.minLoadFraction = r.numberOr("min_load_fraction", kFraction, g.minLoadFraction);
        g.rampRate_mwPerMin = r.numberOr("ramp_rate_mw_per_min", {0.01, 1000}, g.rampRate_mwPerMin);
        g.startTime_min = r.numberOr("start_time_min", {0, 1440}, g.startTime_min);
        g.co2_tPerMwh = r.numberOr("co2_t_per_mwh", kCo2_tPerMwh, g.co2_tPerMwh);
        r.skipText("notes");
        r.finish();
    }

    void readSubstation(JsonObjectReader r) {
        Substation& sub = s_.substation;
        sub.id = entityId(r, EntityKind::Substation, 0, sub.id);
        sub.model = modelKey(r.required("model"));
        sub.position = position(r);
        sub.rotation_deg = r.numberOr("rotation_deg", kRotation_deg, sub.rotation_deg);
        sub.gridImportLimit_mw = r.number("grid_import_limit_mw", {0, 100000});
        if (const auto byPhase = r.optional("grid_import_limit_by_phase_mw")) {
            for (const JsonNode& limit : byPhase->elements(s_.phases.size()))
                sub.gridImportLimitByPhase_mw.push_back(limit.number({0, 100000}));
        }
        sub.gridCo2_tPerMwh = r.numberOr("grid_co2_t_per_mwh", kCo2_tPerMwh, sub.gridCo2_tPerMwh);
        r.skipText("notes");
        r.finish();
    }

    void readBattery(JsonObjectReader r) {
        Battery b;
        b.id = entityId(r, EntityKind::Battery, s_.batteries.size());
        b.model = modelKey(r.required("model"));
        b.position = position(r);
        b.rotation_deg = r.numberOr("rotation_deg", kRotation_deg, b.rotation_deg);
        b.phase = phaseNumber(r);
        b.power_mw = r.number("power_mw", {0.01, 10000});
        b.energy_mwh = r.number("energy_mwh", {0.01, 100000});
        b.roundTripEfficiency = r.numberOr("round_trip_efficiency", kEfficiency, b.roundTripEfficiency);
        b.initialSoc = r.numberOr("initial_soc", kFraction, b.initialSoc);
        r.skipText("notes");
        r.finish();
        s_.batteries.push_back(std::move(b));
    }

    void readSiteWork(JsonObjectReader r) {
        SiteWork w;
        w.id = entityId(r, EntityKind::SiteWork, s_.siteWorks.size());
        const JsonNode kindNode = r.required("kind");
        const std::string kind = kindNode.nonEmptyString();
        bool known = false;
        std::string kinds;
        for (const SiteWorkKind k :
             {SiteWorkKind::Road, SiteWorkKind::Fence, SiteWorkKind::PowerLine, SiteWorkKind::Parking,
              SiteWorkKind::Laydown, SiteWorkKind::Pond, SiteWorkKind::Switchyard}) {
            kinds += (kinds.empty() ? "" : ", ") + std::string(siteWorkKindName(k));
            if (kind == siteWorkKindName(k)) {
                w.kind = k;
                known = true;
            }
        }
        if (!known) kindNode.fail("unknown site work kind '" + kind + "' (kinds: " + kinds + ")");
        w.phase = phaseNumber(r);
        if (isPath(w.kind)) {
            const JsonNode pathNode = r.required("path_m");
            const auto points = pathNode.elements();
            if (points.size() < 2) pathNode.fail("a path needs at least two points");
            for (const JsonNode& point : points) {
                const auto xz = point.elements(2);
                w.path.push_back({xz[0].number(kSiteCoordinate_m), xz[1].number(kSiteCoordinate_m)});
            }
            w.closed = r.booleanOr("closed", false);
            if (w.kind == SiteWorkKind::Road) w.width_m = r.numberOr("width_m", {2, 60}, 8.0);
            if (w.kind == SiteWorkKind::Fence) w.height_m = r.numberOr("height_m", {0.5, 10}, 2.4);
            if (w.kind == SiteWorkKind::PowerLine) w.height_m = r.numberOr("height_m", {5, 150}, 40.0);
        } else {
            w.position = position(r);
            const auto size = r.required("size_m").elements(2);
            w.width_m = size[0].number({1, 5000});
            w.depth_m = size[1].number({1, 5000});
            w.rotation_deg = r.numberOr("rotation_deg", kRotation_deg, 0.0);
        }
        r.skipText("notes");
        r.finish();
        s_.siteWorks.push_back(std::move(w));
    }

    void readClimate(JsonObjectReader r) {
        Climate& c = s_.climate;
        c.monthlyHigh_c = monthly(r, "monthly_high_c", {-60, 60});
        c.monthlyLow_c = monthly(r, "monthly_low_c", {-80, 60});
        const auto lows = r.required("monthly_low_c").elements(12);
        for (std::size_t m = 0; m < 12; ++m) {
            if (c.monthlyLow_c[m] > c.monthlyHigh_c[m]) {
                lows[m].fail(formatNumber(c.monthlyLow_c[m]) + " is above that month's high " +
                             formatNumber(c.monthlyHigh_c[m]));
            }
        }
        c.relativeHumidity_pct = monthly(r, "relative_humidity_pct", {0, 100});
        c.cloudiness = monthly(r, "cloudiness", kFraction);
        c.meanWind_ms = r.number("mean_wind_ms", {0.1, 30});
        c.weibullShape = r.numberOr("weibull_shape", {0.5, 5}, c.weibullShape);
        c.prevailingWind_deg = r.numberOr("prevailing_wind_deg", {0, 360}, c.prevailingWind_deg);
        c.shearExponent = r.numberOr("shear_exponent", {0, 1}, c.shearExponent);
        r.skipText("notes");
        r.finish();
    }

    void readCooling(JsonObjectReader r) {
        Cooling& c = s_.cooling;
        c.supplySetpoint_c = r.numberOr("supply_setpoint_c", {5, 70}, c.supplySetpoint_c);
        c.designDeltaT_c = r.numberOr("design_delta_t_c", {1, 40}, c.designDeltaT_c);
        c.dryCoolerApproach_c = r.numberOr("dry_cooler_approach_c", {0, 30}, c.dryCoolerApproach_c);
        c.fanPowerFraction = r.numberOr("fan_power_fraction", kFraction, c.fanPowerFraction);
        c.fanDesign_rpm = r.numberOr("fan_design_rpm", {10, 3000}, c.fanDesign_rpm);
        c.pumpPowerFraction = r.numberOr("pump_power_fraction", kFraction, c.pumpPowerFraction);
        c.trimChillerThreshold_c = r.numberOr("trim_chiller_threshold_c", {-20, 60}, c.trimChillerThreshold_c);
        c.trimChillerCop = r.numberOr("trim_chiller_cop", {0.5, 20}, c.trimChillerCop);
        c.electricalLosses_fraction = r.numberOr("electrical_losses_fraction", kFraction, c.electricalLosses_fraction);
        if (auto throttle = r.optional("throttle_supply_c")) c.throttleSupply_c = throttle->number({5, 100});
        if (c.throttleSupply_c <= c.supplySetpoint_c) {
            (r.has("throttle_supply_c") ? r.required("throttle_supply_c") : r.required("supply_setpoint_c"))
                .fail("throttle_supply_c " + formatNumber(c.throttleSupply_c) + " must be above supply_setpoint_c " +
                      formatNumber(c.supplySetpoint_c));
        }
        r.skipText("notes");
        r.finish();
    }

    void readCamera(JsonObjectReader r) {
        Camera cam;
        const JsonNode name = r.required("name");
        cam.name = name.nonEmptyString();
        for (std::size_t i = 0; i < s_.cameras.size(); ++i) {
            if (s_.cameras[i].name == cam.name) {
                name.fail("duplicate camera name '" + cam.name + "' (first at /cameras/" + std::to_string(i) +
                          "/name)");
            }
        }
        cam.eye = point3(r.required("eye_m"));
        const JsonNode target = r.required("target_m");
        cam.target = point3(target);
        if (cam.eye == cam.target) target.fail("target_m equals eye_m: the camera has no direction");
        cam.fov_deg = r.numberOr("fov_deg", {1, 179}, cam.fov_deg);
        r.skipText("notes");
        r.finish();
        s_.cameras.push_back(std::move(cam));
    }

    // "bldg-01" or "bldg-01/cooler-03": the entity must exist, and a part must be one it has.
    void readBindings(const JsonNode& map) {
        for (const auto& [entity, node] : map.members()) {
            const auto slash = entity.find('/');
            const std::string id = entity.substr(0, slash);
            const std::string part = slash == std::string::npos ? "" : entity.substr(slash + 1);
            const auto found = entities_.find(id);
            if (found == entities_.end()) node.fail("binding names entity '" + id + "', which does not exist");
            if (!part.empty()) checkPart(node, id, found->second, part);
            s_.bindings.push_back(Binding{entity, node.nonEmptyString()});
        }
    }

    void checkPart(const JsonNode& node, const std::string& id, const EntityRecord& entity, const std::string& part) {
        auto numbered = [&](const std::string& prefix, int count, const std::string& what) {
            for (int k = 1; k <= count; ++k) {
                if (part == prefix + twoDigits(k)) return;
            }
            node.fail("'" + id + "' has no part '" + part + "' (" + what + ": " + prefix + "01 .. " + prefix +
                      twoDigits(count) + ")");
        };
        switch (entity.kind) {
            case EntityKind::Building:
                numbered("cooler-", s_.buildings[entity.index].coolerBanks, "cooler banks");
                return;
            case EntityKind::GasPlant:
                numbered("unit-", s_.gasPlant.units, "units");
                return;
            case EntityKind::Turbine:
                if (part == "rotor" || part == "nacelle") return;
                node.fail("'" + id + "' has no part '" + part + "' (turbine parts: rotor, nacelle)");
            default:
                node.fail("'" + id + "' has no parts to bind ('" + part + "' given)");
        }
    }

    fs::path folder_;
    Scenario s_;
    std::map<std::string, EntityRecord> entities_;
};

// Keys and paths come from the file and may hold control characters; the error stays one line.
std::string oneLine(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20) {
            out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : "?";
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

bool isPath(SiteWorkKind kind) {
    return kind == SiteWorkKind::Road || kind == SiteWorkKind::Fence || kind == SiteWorkKind::PowerLine;
}

const char* siteWorkKindName(SiteWorkKind kind) {
    switch (kind) {
        case SiteWorkKind::Road:
            return "road";
        case SiteWorkKind::Fence:
            return "fence";
        case SiteWorkKind::PowerLine:
            return "power_line";
        case SiteWorkKind::Parking:
            return "parking";
        case SiteWorkKind::Laydown:
            return "laydown";
        case SiteWorkKind::Pond:
            return "pond";
        case SiteWorkKind::Switchyard:
            return "switchyard";
    }
    return "?";
}

namespace {

template <class Entity>
std::vector<const Entity*> standingAt(const std::vector<Entity>& all, int phase) {
    std::vector<const Entity*> out;
    for (const Entity& e : all) {
        if (e.phase <= phase) out.push_back(&e);
    }
    return out;
}

}  // namespace

ScenarioResult loadScenario(const fs::path& path) {
    ScenarioResult result;
    const std::string file = path.string();
    const TextFile text = readTextFile(path, kScenarioFileLimit, "scenario file");
    if (!text.text) {
        result.error = text.error;
        return result;
    }
    try {
        result.scenario = ScenarioReader(path).read(parseJsonWithPositions(*text.text));
    } catch (const JsonReadError& e) {
        result.error = oneLine(file + ": " + e.pointer + ": " + e.problem);
    }
    return result;
}

fs::path resolveModelPath(const Scenario& scenario, const std::string& modelKey) {
    const auto it = scenario.models.find(modelKey);
    if (it == scenario.models.end()) return {};
    return (fs::path(scenario.sourcePath).parent_path() / it->second.path).lexically_normal();
}

std::vector<const Building*> buildingsAtPhase(const Scenario& s, int phase) {
    return standingAt(s.buildings, phase);
}
std::vector<const SolarFarm*> solarFarmsAtPhase(const Scenario& s, int phase) {
    return standingAt(s.solarFarms, phase);
}
std::vector<const Turbine*> turbinesAtPhase(const Scenario& s, int phase) {
    return standingAt(s.turbines, phase);
}
std::vector<const Battery*> batteriesAtPhase(const Scenario& s, int phase) {
    return standingAt(s.batteries, phase);
}
bool gasPlantAtPhase(const Scenario& s, int phase) {
    return s.gasPlant.phase <= phase;
}

}  // namespace ct::twin
