#!/usr/bin/env python3
"""Writes scenarios/abilene.json, the Abilene campus scenario (schema: docs/scenario.md).

Python 3 stdlib only and deterministic: running it again gives identical bytes. The figures
come from docs/campus-facts.md (cited in the file's "sources" and "notes"); the layout is
plausible, not surveyed: the arithmetic below puts buildings on a grid with roads between them
and checks that no two footprints overlap.

    python3 tools/make_abilene_scenario.py                 # writes scenarios/abilene.json
    python3 tools/make_abilene_scenario.py /tmp/x.json     # or anywhere else

Coordinates: x east, z south (-z is north), metres, origin at the site centre.
"""
import json
import math
import os
import sys

# --- figures (campus-facts.md) -------------------------------------------------------------

MW_PER_RACK = 0.135  # GB200 NVL72 at 120 to 140 kW per rack (facts: "Racks")
# Shell sizes (x east-west, z north-south) and cooler-bank counts as tools/assetgen builds the two
# building models (H of two wings joined by a core); "footprint_m" adds the transformer yard (east)
# and generator row (west) around the shell, for the overlap check. No floor plan is published.
STANDARD = {"model": "dc_building", "size_m": (230, 300), "footprint_m": (320, 300), "cooler_banks": 16}
LARGE = {"model": "dc_building_large", "size_m": (290, 360), "footprint_m": (380, 360), "cooler_banks": 24}
GAP_M = 100  # between shells: the yards plus a road between neighbouring buildings

PHASES = [
    (1, "Phase 1", "2024-06-01", "2025-06-01",
     "2 buildings, 200+ MW, built Jun 2024 to 2025 (builder's press release, Mar 2025)."),
    (2, "Phase 2", "2025-03-01", "2026-10-01",
     "+6 buildings, 8 in all, 1.2 GW for the 8 (press release; another report says about 900 MW)."),
    (3, "Phase 3", "2026-03-01", "2027-06-01",
     "+2 buildings of 336 MW critical IT on an adjacent site, first building mid-2027 (announcements, Mar 2026)."),
    (4, "Build-out", "2027-01-01", "2028-12-01",
     "'Ten buildings, may grow to twenty' (Jan 2025): 10 more buildings, dates assumed."),
]


def kind_of(building):
    return LARGE if building["model"] == LARGE["model"] else STANDARD


def racks(it_mw):
    return round(it_mw / MW_PER_RACK)


# --- layout --------------------------------------------------------------------------------

def grid(kind, columns, rows, centre):
    """Centres of a columns x rows block of buildings with GAP_M between them, row by row."""
    width, length = kind["size_m"]
    pitch_x, pitch_z = width + GAP_M, length + 80  # 80 m road between rows (no yards there)
    cx, cz = centre
    return [(cx + (c - (columns - 1) / 2) * pitch_x, cz + (r - (rows - 1) / 2) * pitch_z)
            for r in range(rows) for c in range(columns)]


def buildings():
    out = []

    def add(kind, centre, phase, it_mw, racks_override=None):
        n = len(out) + 1
        out.append({"id": f"bldg-{n:02d}", "model": kind["model"], "position_m": list(centre),
                    "rotation_deg": 0, "phase": phase, "it_capacity_mw": it_mw,
                    "racks": racks_override or racks(it_mw), "cooler_banks": kind["cooler_banks"]})

    # Phases 1 and 2 on the main site: 2 rows of 4, phase 1 at the north-west end.
    main = grid(STANDARD, 4, 2, (0, 0))
    for i, centre in enumerate(main):
        if i < 2:  # about 100 MW each; 694 racks = 50,000 GB200 / 72 (facts: "Racks")
            add(STANDARD, centre, 1, 100.0, 694)
        else:  # (1,200 MW - 2 x 100 MW) / 6 (facts: Phase 2 row)
            add(STANDARD, centre, 2, round(1000.0 / 6, 1))
    # Phase 3 on the adjacent site to the east: 2 x 336 MW critical IT.
    for centre in grid(LARGE, 2, 1, (1600, 0)):
        add(LARGE, centre, 3, 336.0)
    # Build-out extending south: 2 rows of 5 at about 200 MW (assumed).
    for centre in grid(LARGE, 5, 2, (0, 1520)):
        add(LARGE, centre, 4, 200.0)
    return out


# 120,000 modules per farm; pitches as tools/assetgen's solar_row model (1.13 m along a row,
# 5.5 m between rows: a ground coverage ratio of 0.4 with 2.2 m modules in portrait).
SOLAR_ROWS, PANELS_PER_ROW, ROW_PITCH_M, PANEL_PITCH_M, PANEL_W = 300, 400, 5.5, 1.13, 550.0


def solar_farms():
    farms = []
    for fid, centre, phase in (("solar-a", (-2250, -300), 2), ("solar-b", (-2100, 900), 4)):
        farms.append({"id": fid, "model": "solar_row", "position_m": list(centre), "rotation_deg": 0,
                      "phase": phase, "rows": SOLAR_ROWS, "panels_per_row": PANELS_PER_ROW,
                      "panel_watts": PANEL_W,
                      "capacity_dc_mw": SOLAR_ROWS * PANELS_PER_ROW * PANEL_W / 1e6,
                      "dc_ac_ratio": 1.3, "row_pitch_m": ROW_PITCH_M, "panel_pitch_m": PANEL_PITCH_M,
                      "tracker_limit_deg": 60, "gamma_per_c": -0.0035, "system_losses_pct": 14.08,
                      "inverter_efficiency_nominal": 0.96, "ground_coverage_ratio": 0.4})
    return farms


def solar_size(farm):
    # Single-axis trackers: rows run north-south, repeated east-west at the row pitch.
    return (farm["rows"] * farm["row_pitch_m"], farm["panels_per_row"] * farm["panel_pitch_m"])


TURBINE_TYPES = {
    "ge_1_5mw": {
        "model": "wind_turbine_1_5mw", "rated_mw": 1.5, "hub_height_m": 80, "rotor_diameter_m": 77,
        "cut_in_ms": 3.5, "rated_ms": 12, "cut_out_ms": 25, "rated_rotor_rpm": 18.3,
        # Tabulated in the shape of the manufacturer's 1.5sle curve (MW at m/s); smoothed.
        "power_curve": [[3.5, 0.0], [4, 0.043], [5, 0.131], [6, 0.25], [7, 0.416], [8, 0.64], [9, 0.901],
                        [10, 1.18], [11, 1.4], [12, 1.5], [25, 1.5]],
        "notes": "GE 1.5 MW class: cut-in 3.5, rated 12, cut-out 25 m/s, 77 m rotor (campus-facts.md, Reference models); "
                 "80 m hub as at Horse Hollow.",
    },
    "nrel_5mw": {
        "model": "wind_turbine_5mw", "rated_mw": 5.0, "hub_height_m": 90, "rotor_diameter_m": 126,
        "cut_in_ms": 3, "rated_ms": 11.4, "cut_out_ms": 25, "rated_rotor_rpm": 12.1,
        "power_curve": [[3, 0.04], [4, 0.178], [5, 0.404], [6, 0.738], [7, 1.187], [8, 1.771], [9, 2.519],
                        [10, 3.448], [11, 4.562], [11.4, 5.0], [25, 5.0]],
        "notes": "NREL 5 MW reference turbine (Jonkman et al. 2009): 3 / 11.4 / 25 m/s, 126 m rotor, 90 m hub.",
    },
}


def turbines():
    out = []
    d = TURBINE_TYPES["ge_1_5mw"]["rotor_diameter_m"]
    # 5 strings running east-west (across the prevailing southerly wind), 5 D apart within a string
    # and 10 D between strings, 4 to 8 km west of the campus.
    for row in range(5):
        for col in range(11):
            out.append(("ge_1_5mw", (-7900 + col * 5 * d, (row - 2) * 10 * d), 1))
    big = TURBINE_TYPES["nrel_5mw"]["rotor_diameter_m"]
    for col in range(3):
        out.append(("nrel_5mw", (-7500 + col * 5 * big, 2400), 4))
    return [{"id": f"wtg-{i + 1:02d}", "type": t, "position_m": [round(x, 1), round(z, 1)], "phase": p}
            for i, (t, (x, z), p) in enumerate(out)]


GAS_UNITS = 10
GAS = {"id": "gas", "model": "gas_plant", "position_m": [830, 210], "rotation_deg": 0, "phase": 1,
       "units": GAS_UNITS, "unit_capacity_mw": 36.05, "min_load_fraction": 0.3, "ramp_rate_mw_per_min": 10,
       "start_time_min": 10, "co2_t_per_mwh": 0.55,
       "notes": "10 simple-cycle turbines, 360.5 MW in all, half GE Vernova and half Solar Turbines (permit "
                "application, Jan 2025). Min load, ramp, start time and CO2 (0.5 to 0.6 t/MWh for simple "
                "cycle) are typical values, not published ones."}
SUBSTATION = {"id": "substation", "model": "substation", "position_m": [830, -230], "rotation_deg": 0,
              "grid_import_limit_mw": 200, "grid_import_limit_by_phase_mw": [200, 1000, 1000, 1000],
              "grid_co2_t_per_mwh": 0.37,
              "notes": "Lancium's 200 MW substation into ERCOT; planned to grow about 5x (campus-facts.md): "
                       "200 MW for Phase 1, the 5x growth (1,000 MW) assumed in place from Phase 2 on. The import "
                       "limit is a planning lever. 0.37 t/MWh is about the ERCOT average grid intensity."}
BATTERIES = [
    {"id": f"bess-{i + 1:02d}", "model": "battery", "position_m": [x, 300], "rotation_deg": 0, "phase": 3,
     "power_mw": 100, "energy_mwh": 400, "round_trip_efficiency": 0.88, "initial_soc": 0.8}
    for i, x in enumerate((1400, 1740))
]
# Rough footprints (x, z) of the plant models, for the overlap check only.
FOOTPRINTS = {"gas_plant": (220, 160), "substation": (160, 120), "battery": (120, 60)}

CLIMATE = {
    # Plausible NOAA-like 1991-2020 normals for Abilene Regional Airport, rounded; January and
    # July anchored to campus-facts.md (Jan 14 C / 0.5 C). Hot Julys reach 39-40 C highs.
    "monthly_high_c": [14.0, 16.4, 21.1, 25.8, 30.0, 33.6, 35.5, 35.1, 31.0, 25.6, 19.2, 14.6],
    "monthly_low_c": [0.5, 2.9, 7.3, 11.8, 17.2, 21.3, 23.5, 22.9, 18.5, 12.7, 6.2, 1.5],
    "relative_humidity_pct": [63, 62, 57, 57, 63, 61, 55, 57, 64, 63, 63, 63],
    "cloudiness": [0.3, 0.28, 0.26, 0.25, 0.27, 0.2, 0.15, 0.16, 0.22, 0.23, 0.27, 0.3],
    "mean_wind_ms": 5.7, "weibull_shape": 2.0, "prevailing_wind_deg": 190, "shear_exponent": 0.14,
    "notes": "Monthly normals are plausible values in the shape of NOAA's for Abilene, not copied from the "
             "official table; January and July follow campus-facts.md. Record high 43.9 C, record low -23 C. "
             "Wind: about 5.7 m/s mean at 10 m, Weibull k 2, prevailing from the south.",
}
COOLING = {
    "supply_setpoint_c": 32, "design_delta_t_c": 10, "dry_cooler_approach_c": 6, "fan_power_fraction": 0.015,
    "pump_power_fraction": 0.01, "trim_chiller_threshold_c": 35, "trim_chiller_cop": 4,
    "throttle_supply_c": 40, "electrical_losses_fraction": 0.03,
    "notes": "Closed-loop direct-to-chip liquid cooling, heat rejected by dry coolers (campus-facts.md, Cooling). "
             "No equipment figures are published: these are engineering defaults.",
}


# The site's civil works (docs/campus-facts.md, "Site works"): no site plan is published, so every
# path and area here is assumed, laid out in the gaps the grid above leaves: a ring road and
# lanes between the columns of each block, a two-lane access road from the north, the perimeter
# fence, parking by the blocks, laydown yards for the phases being built, stormwater ponds, and the
# switchyard where the utility's 345 kV line lands, with a 138 kV line on to the substation.
ASSUMED = "Assumed: no site plan is published (docs/campus-facts.md, Site works)."


def road(id_, phase, path, width=8, closed=False, note=ASSUMED):
    work = {"id": id_, "kind": "road", "phase": phase, "path_m": path, "width_m": width}
    if closed:
        work["closed"] = True
    work["notes"] = note
    return work


def area(id_, kind, phase, centre, size, note=ASSUMED):
    return {"id": id_, "kind": kind, "phase": phase, "position_m": list(centre), "size_m": list(size), "notes": note}


def site_works():
    main_ring = [[-690, -365], [690, -365], [690, 365], [-690, 365]]
    east_ring = [[1190, -200], [2010, -200], [2010, 230], [1190, 230]]
    south_ring = [[-1000, 1090], [1000, 1090], [1000, 1950], [-1000, 1950]]
    return [
        road("road-access", 1, [[0, -365], [0, -1500], [300, -2600], [300, -7900]], width=10,
             note="Two lanes from a county road to the north. Assumed: no site plan is published."),
        road("road-ring-main", 1, main_ring, closed=True),
        road("road-main-spine", 1, [[-690, 0], [1190, 0]]),
        *[road(f"road-lane-{i + 1}", 1, [[x, -365], [x, 365]]) for i, x in enumerate((-330, 0, 330))],
        road("road-ring-east", 3, east_ring, closed=True),
        road("road-ring-south", 4, south_ring, closed=True),
        road("road-south-spine", 4, [[-1000, 1520], [1000, 1520]]),
        road("road-south-link", 4, [[0, 365], [0, 1090]]),
        *[road(f"road-south-lane-{i + 1}", 4, [[x, 1090], [x, 1950]]) for i, x in enumerate((-585, -195, 195, 585))],
        {"id": "fence-perimeter", "kind": "fence", "phase": 1,
         "path_m": [[8, -800], [2450, -800], [2450, 2250], [-1250, 2250], [-1250, -800], [-8, -800]],
         "height_m": 2.4, "notes": "Chain-link security fence with a gate where the access road enters; "
                                   "2.4 m (8 ft) is the common height for utility and data-center sites. Assumed."},
        area("parking-main", "parking", 1, (-160, -480), (180, 72)),
        area("parking-east", "parking", 3, (1600, -320), (144, 54)),
        area("parking-south", "parking", 4, (-200, 2040), (216, 72)),
        area("laydown-east", "laydown", 3, (2250, 0), (200, 140),
             note="Construction laydown for Phase 3 (assumed)."),
        area("laydown-south", "laydown", 4, (1250, 1500), (300, 200),
             note="Construction laydown for the build-out (assumed)."),
        area("pond-north", "pond", 1, (-500, -600), (160, 90)),
        area("pond-west", "pond", 2, (-1100, 400), (120, 160)),
        area("pond-south", "pond", 4, (1300, 2100), (200, 100)),
        area("switchyard", "switchyard", 1, (1100, -600), (180, 120),
             note="Where the utility's 345 kV line lands (ERCOT interconnection; the voltage is assumed, as is the "
                  "place)."),
        {"id": "line-345kv", "kind": "power_line", "phase": 1,
         "path_m": [[1100, -660], [1100, -1400], [2400, -2600], [5900, -5200]], "height_m": 42,
         "notes": "The utility's 345 kV line to the switchyard, lattice towers about 42 m tall and 300 m apart "
                  "(typical for 345 kV); the route is assumed."},
        {"id": "line-138kv", "kind": "power_line", "phase": 1, "path_m": [[1010, -600], [830, -600], [830, -300]],
         "height_m": 25, "notes": "From the switchyard to the campus substation (assumed)."},
    ]


def cameras(blds, farms):
    def rect(centre, size):
        return (centre[0] - size[0] / 2, centre[1] - size[1] / 2, centre[0] + size[0] / 2, centre[1] + size[1] / 2)

    boxes = [rect(b["position_m"], kind_of(b)["footprint_m"]) for b in blds]
    boxes += [rect(f["position_m"], solar_size(f)) for f in farms]
    x0, z0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, z1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    cx, cz = (x0 + x1) / 2, (z0 + z1) / 2
    radius = math.hypot(x1 - x0, z1 - z0) / 2
    # Tighter than the bounding sphere: a 16:9 view is wider than it is tall.
    distance = radius / math.sin(math.radians(45 / 2)) * 0.62
    d = [0.8, 0.85, 1.2]  # from the south-south-east, about 31 degrees up
    n = math.sqrt(sum(v * v for v in d))
    eye = [round(cx + distance * d[0] / n), round(distance * d[1] / n), round(cz + distance * d[2] / n)]
    solar_a = farms[0]["position_m"]
    phase1 = [b["position_m"] for b in blds if b["phase"] == 1]
    p1 = (sum(p[0] for p in phase1) / len(phase1), sum(p[1] for p in phase1) / len(phase1))
    return [
        {"name": "overview", "eye_m": eye, "target_m": [round(cx), 0, round(cz)], "fov_deg": 45},
        {"name": "phase1", "eye_m": [round(p1[0]) + 460, 250, round(p1[1]) + 640],
         "target_m": [round(p1[0]), 10, round(p1[1])], "fov_deg": 45},
        {"name": "solar", "eye_m": [solar_a[0] + 750, 350, solar_a[1] + 800], "target_m": [solar_a[0], 0, solar_a[1]],
         "fov_deg": 45},
        {"name": "wind", "eye_m": [-2500, 600, 4200], "target_m": [-6000, 60, 0], "fov_deg": 45},
        {"name": "street", "eye_m": [-660, 1.7, 0], "target_m": [400, 8, 0], "fov_deg": 60,
         "notes": "Eye height, on the east-west road between the two rows of the main site."},
    ]


def bindings(blds, farms, wtgs):
    out = {}
    for b in blds:
        out[b["id"]] = b["id"]
        for k in range(1, b["cooler_banks"] + 1):
            out[f"{b['id']}/cooler-{k:02d}"] = f"{b['id']}/cooler_bank_{k:02d}"
    for f in farms:
        out[f["id"]] = f["id"]
    for t in wtgs:
        out[t["id"]] = t["id"]
        out[t["id"] + "/rotor"] = t["id"] + "/rotor"
        out[t["id"] + "/nacelle"] = t["id"] + "/nacelle"
    out["gas"] = "gas"
    for k in range(1, GAS_UNITS + 1):
        out[f"gas/unit-{k:02d}"] = f"gas/unit_{k:02d}"
    out["substation"] = "substation"
    for b in BATTERIES:
        out[b["id"]] = b["id"]
    return out


def check_no_overlaps(blds, farms, wtgs):
    items = []
    for b in blds:
        items.append((b["id"], b["position_m"], kind_of(b)["footprint_m"]))
    for f in farms:
        items.append((f["id"], f["position_m"], solar_size(f)))
    for e in [GAS, SUBSTATION] + BATTERIES:
        items.append((e["id"], e["position_m"], FOOTPRINTS[e["model"]]))
    for t in wtgs:
        items.append((t["id"], t["position_m"], (60, 60)))
    for i, (a, pa, sa) in enumerate(items):
        for b, pb, sb in items[i + 1:]:
            if abs(pa[0] - pb[0]) * 2 < sa[0] + sb[0] and abs(pa[1] - pb[1]) * 2 < sa[1] + sb[1]:
                raise SystemExit(f"layout error: {a} overlaps {b}")


def scenario():
    blds, farms, wtgs = buildings(), solar_farms(), turbines()
    check_no_overlaps(blds, farms, wtgs)
    models = {k: f"../assets/campus/{k}.gltf" for k in
              ("dc_building", "dc_building_large", "solar_row", "wind_turbine_1_5mw", "wind_turbine_5mw",
               "gas_plant", "substation", "battery", "terrain")}
    return {
        "name": "Stargate AI campus, Abilene, Texas",
        "notes": [
            "Generated by tools/make_abilene_scenario.py; edit the script, not this file.",
            "Positions and sizes are plausible, not surveyed: buildings sit on a grid with 80 m roads between "
            "them; Phases 1 and 2 on the main site (about 1,100 acres, 2.1 km square, centred on the origin), "
            "Phase 3 on an adjacent site to the east, the build-out extending south. Solar farms lie to the "
            "west and south-west, the wind farm 4 to 8 km west.",
            "Coordinates: x east, z south (-z is north), metres, origin at the site centre.",
            "Solar and wind sizes are assumptions: SB Energy is reported to supply solar and batteries but no "
            "figures are published; the wind turbines stand for the regional farms (Horse Hollow: GE 1.5 MW), "
            "which are not contracted to the campus.",
            "Phase 3 is reported to have its own power plant; the schema has one gas plant, so the 10 permitted "
            "units stand for all on-site gas.",
        ],
        "sources": [
            "docs/campus-facts.md (site, phases, buildings, racks, gas plant, substation, climate, turbines)",
            "Builder's press release, Mar 2025: Phase 1, 2 buildings, 200+ MW",
            "Permit application, Jan 2025: 10 simple-cycle gas turbines, 360.5 MW",
            "Announcements, Mar 2026: Phase 3, 2 x 336 MW critical IT",
            "NOAA climate normals for Abilene (shape only; see climate notes)",
            "Jonkman et al. 2009, NREL 5 MW reference turbine",
        ],
        "site": {"latitude_deg": 32.5022, "longitude_deg": -99.7892, "elevation_m": 546,
                 "time_zone": "America/Chicago", "standard_utc_offset_h": -6, "us_daylight_saving": True,
                 "notes": "Centre of a public satellite timelapse (unofficial); elevation of Abilene Regional "
                          "Airport (32.41325 N, 99.68311 W, 546 m)."},
        "phases": [{"number": n, "name": name, "construction_start": start, "energised": on, "notes": note}
                   for n, name, start, on, note in PHASES],
        "models": models,
        "terrain_model": "terrain",
        "buildings": blds,
        "solar_farms": farms,
        "turbine_types": TURBINE_TYPES,
        "turbines": wtgs,
        "gas_plant": GAS,
        "substation": SUBSTATION,
        "batteries": BATTERIES,
        "climate": CLIMATE,
        "cooling": COOLING,
        "cameras": cameras(blds, farms),
        "site_works": site_works(),
        "bindings": bindings(blds, farms, wtgs),
    }


def tidy(value):
    """Whole-number floats as integers (-465 rather than -465.0), everything else unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tidy(v) for v in value]
    return value


def to_text(value, indent=0):
    """JSON with short values on one line, so a building or a turbine reads as one row."""
    flat = json.dumps(value, ensure_ascii=False)
    if indent > 0 and len(flat) + indent <= 118:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k)}: {to_text(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list):
        return "[\n" + ",\n".join(pad + to_text(v, indent + 2) for v in value) + "\n" + " " * indent + "]"
    return flat


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "scenarios", "abilene.json")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(to_text(tidy(scenario())) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
