#!/usr/bin/env python3
"""Generate the demonstration campus block: assets/demo/campus_block.gltf + .bin.

Usage: python3 tools/make_demo_scene.py [outdir]
       (default outdir: <repo>/assets/demo, where <repo> is the parent of tools/)

A small, good-looking stand-in for the full campus models, used by the README's
"run the twin" command (tools/run-twin.sh). Python 3.11 standard library only;
running it twice writes byte-identical files (fixed float rounding, insertion-
ordered JSON, no timestamps).

Conventions: glTF 2.0, metres, +Y up, -Z is north, +X is east; cameras look
down their local -Z. Positions are plausible, NOT surveyed: the real campus
(see shared/campus-facts.md) has two H-shaped single-storey Phase 1 buildings
of about 482,000 sq ft each; everything else here is illustrative.

Contents
  ground                          2400 m x 1600 m flat terrain plane at y = 0
  roads                           12 m asphalt strips at y = 0.05, gravel tracks
  building_01, building_02        H-shaped halls (two 300 x 70 x 12 m wings, an
                                  80 x 60 x 14 m core); children
                                  building_NN/cooler_bank_MM (16 per building,
                                  on the roof) and building_NN/transformer_MM
  substation                      fenced 120 m x 80 m yard: transformers,
                                  busbar frames, control house
  solar_field_a/panels            20,160 single-axis tracker panels, one mesh
                                  instanced with EXT_mesh_gpu_instancing
  wind_turbine_01..06             1.5 MW class: tower, nacelle, rotor/hub and
                                  rotor/blade_1..3 (38 m blades, 80 m hub)
  overview, ground_level          perspective cameras

After writing, the script re-reads both files and checks them (bounds of every
accessor and buffer view, 4-byte alignment, POSITION min/max, index ranges,
unit quaternions, names).
"""

import json
import math
import os
import struct
import sys

# ---------------------------------------------------------------------------
# constants
# ---------------------------------------------------------------------------

UBYTE, USHORT, UINT, FLOAT = 5121, 5123, 5125, 5126
COMP_SIZE = {UBYTE: 1, USHORT: 2, UINT: 4, FLOAT: 4}
COMP_FMT = {UBYTE: "B", USHORT: "H", UINT: "I", FLOAT: "f"}
NUM_COMP = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963

GLTF_NAME = "campus_block.gltf"
BIN_NAME = "campus_block.bin"
INSTANCING = "EXT_mesh_gpu_instancing"

# Overview camera: 16:9 frame, about 500 m up, from the south-east.
OVERVIEW_YFOV = 0.7
OVERVIEW_ASPECT = 16.0 / 9.0
OVERVIEW_HEIGHT = 500.0
OVERVIEW_AZIMUTH = 120.0    # degrees clockwise from north, seen from the block's centre


def f32(x):
    """Round a Python float to the nearest float32 value."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def r(x, nd=4):
    """Round a number for the JSON (no -0.0)."""
    v = round(float(x), nd)
    return 0.0 if v == 0 else v


# ---------------------------------------------------------------------------
# small vector / quaternion helpers
# ---------------------------------------------------------------------------

def sub(a, b):
    return [a[0] - b[0], a[1] - b[1], a[2] - b[2]]


def add(a, b):
    return [a[0] + b[0], a[1] + b[1], a[2] + b[2]]


def mul(a, s):
    return [a[0] * s, a[1] * s, a[2] * s]


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a, b):
    return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]


def norm(a):
    n = math.sqrt(dot(a, a))
    return [a[0] / n, a[1] / n, a[2] / n]


def quat_axis_angle(axis, angle):
    a = norm(list(axis))
    s = math.sin(angle / 2)
    return [a[0] * s, a[1] * s, a[2] * s, math.cos(angle / 2)]


def quat_mul(a, b):
    ax, ay, az, aw = a
    bx, by, bz, bw = b
    return [aw * bx + ax * bw + ay * bz - az * by,
            aw * by - ax * bz + ay * bw + az * bx,
            aw * bz + ax * by - ay * bx + az * bw,
            aw * bw - ax * bx - ay * by - az * bz]


def quat_to_mat3(q):
    x, y, z, w = q
    return [[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
            [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
            [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]]


def mat3_apply(m, v):
    return [m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]]


def mat3_to_quat(m):
    """Rotation matrix (row-major 3x3) -> unit quaternion [x, y, z, w], w >= 0."""
    tr = m[0][0] + m[1][1] + m[2][2]
    if tr > 0:
        s = math.sqrt(tr + 1.0) * 2
        q = [(m[2][1] - m[1][2]) / s, (m[0][2] - m[2][0]) / s, (m[1][0] - m[0][1]) / s, 0.25 * s]
    elif m[0][0] > m[1][1] and m[0][0] > m[2][2]:
        s = math.sqrt(1.0 + m[0][0] - m[1][1] - m[2][2]) * 2
        q = [0.25 * s, (m[0][1] + m[1][0]) / s, (m[0][2] + m[2][0]) / s, (m[2][1] - m[1][2]) / s]
    elif m[1][1] > m[2][2]:
        s = math.sqrt(1.0 + m[1][1] - m[0][0] - m[2][2]) * 2
        q = [(m[0][1] + m[1][0]) / s, 0.25 * s, (m[1][2] + m[2][1]) / s, (m[0][2] - m[2][0]) / s]
    else:
        s = math.sqrt(1.0 + m[2][2] - m[0][0] - m[1][1]) * 2
        q = [(m[0][2] + m[2][0]) / s, (m[1][2] + m[2][1]) / s, 0.25 * s, (m[1][0] - m[0][1]) / s]
    if q[3] < 0:
        q = [-c for c in q]
    return q


def look_at_quat(eye, target, up=(0.0, 1.0, 0.0)):
    """Quaternion turning a glTF camera (looking down -Z, +Y up) towards target."""
    back = norm(sub(eye, target))          # camera +Z
    right = norm(cross(list(up), back))    # camera +X
    upv = cross(back, right)               # camera +Y
    return mat3_to_quat([[right[i], upv[i], back[i]] for i in range(3)])


def json_quat(q):
    """Normalise and round a quaternion for the JSON (unit length to ~1e-9)."""
    n = math.sqrt(sum(c * c for c in q))
    return [r(c / n, 9) for c in q]


# ---------------------------------------------------------------------------
# mesh building
# ---------------------------------------------------------------------------

class Prim:
    """One primitive under construction: flat lists of positions and normals."""

    def __init__(self, material):
        self.material = material
        self.pos = []
        self.nrm = []
        self.idx = []

    def vertex(self, p, n):
        self.pos.append((p[0], p[1], p[2]))
        self.nrm.append((n[0], n[1], n[2]))
        return len(self.pos) - 1

    def tri(self, a, b, c):
        self.idx.extend((a, b, c))

    def quad(self, p0, p1, p2, p3, outward=None):
        """Flat quad; the winding is fixed so it is counter-clockwise seen from `outward`."""
        n = cross(sub(p1, p0), sub(p2, p0))
        if dot(n, n) < 1e-18:
            n = cross(sub(p2, p0), sub(p3, p0))
        if outward is not None and dot(n, outward) < 0:
            p0, p1, p2, p3 = p0, p3, p2, p1
            n = mul(n, -1.0)
        n = norm(n)
        i = [self.vertex(p, n) for p in (p0, p1, p2, p3)]
        self.tri(i[0], i[1], i[2])
        self.tri(i[0], i[2], i[3])

    def hexa(self, c, faces="xXyYzZ", top=None):
        """Convex hexahedron from 8 corners c[i + 2j + 4k] (i: -x/+x, j: -y/+y, k: -z/+z).

        faces picks which sides to emit (x = -X side, X = +X side, ...). The +Y face
        goes to `top` when given (a second primitive, e.g. a roof material)."""
        centre = mul([sum(p[a] for p in c) for a in range(3)], 1.0 / 8.0)
        table = {
            "x": (0, 4, 6, 2), "X": (1, 3, 7, 5),
            "y": (0, 1, 5, 4), "Y": (2, 6, 7, 3),
            "z": (0, 2, 3, 1), "Z": (4, 5, 7, 6),
        }
        for f in faces:
            q = [c[k] for k in table[f]]
            fc = mul([sum(p[a] for p in q) for a in range(3)], 0.25)
            target = top if (f == "Y" and top is not None) else self
            target.quad(q[0], q[1], q[2], q[3], outward=sub(fc, centre))

    def box(self, lo, hi, faces="xXyYzZ", top=None):
        c = [[(lo, hi)[i][0], (lo, hi)[j][1], (lo, hi)[k][2]]
             for k in (0, 1) for j in (0, 1) for i in (0, 1)]
        self.hexa(c, faces, top)

    def box_c(self, centre, size, faces="xXyYzZ", top=None):
        lo = [centre[a] - size[a] / 2 for a in range(3)]
        hi = [centre[a] + size[a] / 2 for a in range(3)]
        self.box(lo, hi, faces, top)

    def cylinder(self, base, r0, r1, h, segs, cap_top=True, cap_bottom=False, rot=None):
        """Cylinder (tapered when r0 != r1) along +Y from `base`, smooth sides.

        rot: optional 3x3 matrix applied (about `base`) to turn the axis."""
        m = rot or [[1, 0, 0], [0, 1, 0], [0, 0, 1]]

        def P(x, y, z):
            return add(base, mat3_apply(m, [x, y, z]))

        def N(x, y, z):
            return norm(mat3_apply(m, [x, y, z]))

        slope = (r0 - r1) / h
        ring = []
        for s in range(segs + 1):
            a = 2 * math.pi * (s % segs) / segs
            ca, sa = math.cos(a), math.sin(a)
            n = N(ca, slope, sa)
            b = self.vertex(P(r0 * ca, 0.0, r0 * sa), n)
            t = self.vertex(P(r1 * ca, h, r1 * sa), n)
            ring.append((b, t))
        for s in range(segs):
            b0, t0 = ring[s]
            b1, t1 = ring[s + 1]
            # counter-clockwise seen from outside (angle grows from +X to +Z)
            self.tri(b0, t0, t1)
            self.tri(b0, t1, b1)
        for cap, y, rad, ny in ((cap_top, h, r1, 1.0), (cap_bottom, 0.0, r0, -1.0)):
            if not cap or rad <= 0:
                continue
            n = N(0.0, ny, 0.0)
            c = self.vertex(P(0.0, y, 0.0), n)
            rim = [self.vertex(P(rad * math.cos(2 * math.pi * s / segs), y,
                                 rad * math.sin(2 * math.pi * s / segs)), n) for s in range(segs)]
            for s in range(segs):
                a, b = rim[s], rim[(s + 1) % segs]
                if ny > 0:
                    self.tri(c, b, a)
                else:
                    self.tri(c, a, b)

    def cone(self, base, rad, h, segs, rot=None):
        """Pointed cone along +Y (a spinner), smooth sides, no base."""
        m = rot or [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        slope = rad / h
        for s in range(segs):
            a0 = 2 * math.pi * s / segs
            a1 = 2 * math.pi * (s + 1) / segs
            am = (a0 + a1) / 2
            p0 = add(base, mat3_apply(m, [rad * math.cos(a0), 0.0, rad * math.sin(a0)]))
            p1 = add(base, mat3_apply(m, [rad * math.cos(a1), 0.0, rad * math.sin(a1)]))
            tip = add(base, mat3_apply(m, [0.0, h, 0.0]))
            n0 = norm(mat3_apply(m, [math.cos(a0), slope, math.sin(a0)]))
            n1 = norm(mat3_apply(m, [math.cos(a1), slope, math.sin(a1)]))
            nm = norm(mat3_apply(m, [math.cos(am), slope, math.sin(am)]))
            i0 = self.vertex(p0, n0)
            i1 = self.vertex(p1, n1)
            it = self.vertex(tip, nm)
            self.tri(i0, it, i1)


ROT_Y_TO_Z = [[1, 0, 0], [0, 0, -1], [0, 1, 0]]   # turns +Y into +Z (right-handed)


# ---------------------------------------------------------------------------
# glTF writer
# ---------------------------------------------------------------------------

class Gltf:
    def __init__(self):
        self.bin = bytearray()
        self.doc = {
            "asset": {"version": "2.0", "generator": "Campus Twin tools/make_demo_scene.py",
                      "copyright": "Generated demonstration scene; positions plausible, not surveyed"},
            "extensionsUsed": [INSTANCING],
            "extensionsRequired": [INSTANCING],
            "scene": 0,
            "scenes": [],
            "nodes": [],
            "meshes": [],
            "materials": [],
            "cameras": [],
            "accessors": [],
            "bufferViews": [],
            "buffers": [],
        }
        self.material_index = {}

    # -- buffer ----------------------------------------------------------------
    def view(self, data, target=None, name=None):
        while len(self.bin) % 4:
            self.bin.append(0)
        bv = {"buffer": 0, "byteOffset": len(self.bin), "byteLength": len(data)}
        if target is not None:
            bv["target"] = target
        if name:
            bv["name"] = name
        self.bin.extend(data)
        self.doc["bufferViews"].append(bv)
        return len(self.doc["bufferViews"]) - 1

    def accessor(self, values, ctype, atype, target=None, minmax=False, name=None):
        """values: list of tuples (or scalars for SCALAR)."""
        n = NUM_COMP[atype]
        fmt = "<" + COMP_FMT[ctype] * n
        buf = bytearray()
        if n == 1:
            if ctype == FLOAT:
                buf.extend(struct.pack("<%d%s" % (len(values), COMP_FMT[ctype]), *values))
            else:
                buf.extend(struct.pack("<%d%s" % (len(values), COMP_FMT[ctype]), *values))
        else:
            for v in values:
                buf.extend(struct.pack(fmt, *v))
        acc = {"bufferView": self.view(bytes(buf), target, name), "componentType": ctype,
               "count": len(values), "type": atype}
        if minmax:
            if ctype == FLOAT:
                vals = [tuple(f32(c) for c in v) for v in values]
            else:
                vals = [(v,) if n == 1 else tuple(v) for v in values]
            acc["min"] = [min(v[a] for v in vals) for a in range(n)]
            acc["max"] = [max(v[a] for v in vals) for a in range(n)]
        if name:
            acc["name"] = name
        self.doc["accessors"].append(acc)
        return len(self.doc["accessors"]) - 1

    # -- materials ---------------------------------------------------------------
    def material(self, name, rgb, metallic=0.0, roughness=0.8, double_sided=False):
        m = {"name": name, "pbrMetallicRoughness": {
            "baseColorFactor": [r(rgb[0]), r(rgb[1]), r(rgb[2]), 1.0],
            "metallicFactor": r(metallic), "roughnessFactor": r(roughness)}}
        if double_sided:
            m["doubleSided"] = True
        self.doc["materials"].append(m)
        self.material_index[name] = len(self.doc["materials"]) - 1

    # -- meshes --------------------------------------------------------------------
    def mesh(self, name, prims):
        out = []
        for p in prims:
            if not p.idx:
                continue
            pos = [tuple(f32(c) for c in v) for v in p.pos]
            nrm = [tuple(f32(c) for c in v) for v in p.nrm]
            a_pos = self.accessor(pos, FLOAT, "VEC3", ARRAY_BUFFER, minmax=True)
            a_nrm = self.accessor(nrm, FLOAT, "VEC3", ARRAY_BUFFER)
            ctype = USHORT if len(pos) <= 65535 else UINT
            a_idx = self.accessor(list(p.idx), ctype, "SCALAR", ELEMENT_ARRAY_BUFFER)
            out.append({"attributes": {"POSITION": a_pos, "NORMAL": a_nrm}, "indices": a_idx,
                        "material": self.material_index[p.material], "mode": 4})
        self.doc["meshes"].append({"name": name, "primitives": out})
        return len(self.doc["meshes"]) - 1

    # -- nodes ---------------------------------------------------------------------
    def node(self, name, mesh=None, t=None, q=None, s=None, children=None, camera=None, extensions=None):
        n = {"name": name}
        if mesh is not None:
            n["mesh"] = mesh
        if camera is not None:
            n["camera"] = camera
        if t is not None and any(abs(c) > 0 for c in t):
            n["translation"] = [r(c) for c in t]
        if q is not None and abs(q[3]) < 1.0 - 1e-12:
            n["rotation"] = json_quat(q)
        if s is not None:
            n["scale"] = [r(c) for c in s]
        if children:
            n["children"] = children
        if extensions:
            n["extensions"] = extensions
        self.doc["nodes"].append(n)
        return len(self.doc["nodes"]) - 1

    def camera(self, name, yfov, znear, zfar, aspect=None):
        p = {"yfov": r(yfov, 6), "znear": r(znear, 6), "zfar": r(zfar, 6)}
        if aspect:
            p["aspectRatio"] = r(aspect, 6)
        self.doc["cameras"].append({"name": name, "type": "perspective", "perspective": p})
        return len(self.doc["cameras"]) - 1

    def finish(self):
        while len(self.bin) % 4:
            self.bin.append(0)
        self.doc["buffers"].append({"uri": BIN_NAME, "byteLength": len(self.bin)})


# ---------------------------------------------------------------------------
# the campus block
# ---------------------------------------------------------------------------

GROUND_X, GROUND_Z = 2400.0, 1600.0
ROAD_Y = 0.05
ROAD_W = 12.0
TRACK_Y = 0.04

# Buildings: two H-shaped halls, long axis north-south, 150 m apart.
WING_W, WING_L, WING_H = 70.0, 300.0, 12.0     # X, Z, Y
CORE_W, CORE_L, CORE_H = 80.0, 60.0, 14.0      # X (between the wings), Z, Y
BLDG_W = 2 * WING_W + CORE_W                   # 220 m east-west
BLDG_GAP = 150.0
BLDG_X = [-(BLDG_W + BLDG_GAP) / 2, (BLDG_W + BLDG_GAP) / 2]   # -185, +185
COOLERS_PER_WING = 8
COOLER = (30.0, 3.0, 8.0)                      # X, Y, Z (long axis east-west, across the wing)
TRANSFORMERS_PER_BUILDING = 6

# Substation yard (west of building_01, beside the south road).
SUB_C = (-470.0, 140.0)                        # x, z centre
SUB_SIZE = (120.0, 80.0)                       # x, z

# Roads (x or z centre line, from, to)
SOUTH_Z, NORTH_Z = 215.0, -215.0
WEST_X, EAST_X = -340.0, 340.0

# Solar field: 2 x 3 blocks of 28 tracker rows x 120 panels.
PANEL = (2.0, 0.04, 1.0)                       # X (across the row), Y, Z (along the row)
PANEL_PITCH_Z = 1.04                           # along a row
ROW_PITCH = 6.0                                # between rows (east-west)
PANEL_Y = 1.5                                  # tracker axis height
TILT_DEG = 20.0                                # afternoon: turned to face west
ROWS_PER_BLOCK, PANELS_PER_ROW = 28, 120
BLOCK_COLS, BLOCK_ROWS = 2, 3
BLOCK_GAP = 12.0
SOLAR_X0 = 460.0                               # west edge
SOLAR_W = BLOCK_COLS * ROWS_PER_BLOCK * ROW_PITCH + (BLOCK_COLS - 1) * BLOCK_GAP
SOLAR_L = BLOCK_ROWS * PANELS_PER_ROW * PANEL_PITCH_Z + (BLOCK_ROWS - 1) * BLOCK_GAP

# Wind turbines: GE 1.5 MW class, 77 m rotor, 80 m hub, facing south (prevailing wind).
TURBINE_X = -720.0
TURBINE_Z = [-500.0 + 200.0 * i for i in range(6)]      # 200 m apart, about 2.6 rotor diameters
HUB_H = 80.0
BLADE_LEN = 38.0
ROTOR_OFFSET = 4.2                             # hub centre ahead (south, +Z) of the tower axis

SEGS = 20


def materials(g):
    g.material("ground_dry_grass", (0.42, 0.38, 0.27), 0.0, 1.0)
    g.material("asphalt", (0.075, 0.075, 0.08), 0.0, 0.95)
    g.material("gravel", (0.56, 0.53, 0.48), 0.0, 1.0)
    g.material("concrete", (0.60, 0.59, 0.56), 0.0, 0.9)
    g.material("roof_white", (0.82, 0.83, 0.85), 0.0, 0.6)
    g.material("wall_grey", (0.64, 0.66, 0.69), 0.0, 0.75)
    g.material("wall_louvre", (0.42, 0.44, 0.47), 0.3, 0.5)
    g.material("cooler_dark_grey", (0.19, 0.20, 0.22), 0.4, 0.5)
    g.material("cooler_fan", (0.05, 0.05, 0.06), 0.2, 0.6)
    g.material("transformer_grey", (0.45, 0.49, 0.50), 0.3, 0.5)
    g.material("steel_galvanised", (0.72, 0.73, 0.74), 0.3, 0.5)
    g.material("fence_wire", (0.68, 0.69, 0.70), 0.1, 0.8)
    g.material("insulator_brown", (0.42, 0.22, 0.12), 0.0, 0.4)
    g.material("pv_panel", (0.05, 0.08, 0.2), 0.3, 0.3)
    g.material("inverter_white", (0.78, 0.79, 0.77), 0.1, 0.6)
    g.material("turbine_white", (0.92, 0.92, 0.91), 0.0, 0.45)


def ground_mesh(g):
    p = Prim("ground_dry_grass")
    hx, hz = GROUND_X / 2, GROUND_Z / 2
    # a 12 x 8 grid of quads keeps triangles a sensible size for rasterisers
    nx, nz = 12, 8
    for i in range(nx):
        for k in range(nz):
            x0 = -hx + GROUND_X * i / nx
            x1 = -hx + GROUND_X * (i + 1) / nx
            z0 = -hz + GROUND_Z * k / nz
            z1 = -hz + GROUND_Z * (k + 1) / nz
            p.quad([x0, 0, z0], [x0, 0, z1], [x1, 0, z1], [x1, 0, z0], outward=[0, 1, 0])
    return g.mesh("ground", [p])


def flat_rect(prim, x0, x1, z0, z1, y):
    prim.quad([x0, y, z0], [x0, y, z1], [x1, y, z1], [x1, y, z0], outward=[0, 1, 0])


def roads_mesh(g):
    asphalt = Prim("asphalt")
    gravel = Prim("gravel")
    h = ROAD_W / 2

    def ns(prim, x, z0, z1, w, y):
        flat_rect(prim, x - w / 2, x + w / 2, z0, z1, y)

    def ew(prim, z, x0, x1, w, y):
        flat_rect(prim, x0, x1, z - w / 2, z + w / 2, y)

    # Ring road round the two halls and a spine between them. Strips are cut at the
    # crossings so no two asphalt quads overlap.
    ew(asphalt, SOUTH_Z, SUB_C[0] - SUB_SIZE[0] / 2 - 30.0, SOLAR_X0 + SOLAR_W, ROAD_W, ROAD_Y)
    ew(asphalt, NORTH_Z, WEST_X - h, EAST_X + h, ROAD_W, ROAD_Y)
    for x in (WEST_X, 0.0, EAST_X):
        ns(asphalt, x, NORTH_Z + h, SOUTH_Z - h, ROAD_W, ROAD_Y)
    # Site entrance from the south edge of the block.
    ns(asphalt, 0.0, SOUTH_Z + h, GROUND_Z / 2, ROAD_W, ROAD_Y)
    # Substation access spur.
    ns(asphalt, SUB_C[0], SUB_C[1] + SUB_SIZE[1] / 2 + 2.0, SOUTH_Z - h, 8.0, ROAD_Y)
    # Gravel tracks: turbine line and the solar field's central aisle.
    tx = TURBINE_X + 30.0
    ns(gravel, tx, TURBINE_Z[0] - 20.0, TURBINE_Z[-1] + 20.0, 6.0, TRACK_Y)
    ew(gravel, SOUTH_Z, tx + 3.0, SUB_C[0] - SUB_SIZE[0] / 2 - 30.0, 6.0, TRACK_Y)
    for z in TURBINE_Z:
        ew(gravel, z, TURBINE_X + 6.0, tx - 3.0, 5.0, TRACK_Y)
        flat_rect(gravel, TURBINE_X - 12.0, TURBINE_X + 12.0, z - 12.0, z + 12.0, TRACK_Y)
    aisle_x = SOLAR_X0 + ROWS_PER_BLOCK * ROW_PITCH + BLOCK_GAP / 2
    ns(gravel, aisle_x, -SOLAR_L / 2, SOUTH_Z - h, 6.0, TRACK_Y)
    return g.mesh("roads", [asphalt, gravel])


def building_mesh(g, name):
    walls = Prim("wall_grey")
    roof = Prim("roof_white")
    louvre = Prim("wall_louvre")
    concrete = Prim("concrete")
    wx = CORE_W / 2 + WING_W / 2
    for sx in (-1, 1):
        walls.box_c([sx * wx, WING_H / 2, 0.0], [WING_W, WING_H, WING_L], faces="xXzZY", top=roof)
        # a parapet-height band of louvres along the outer long wall (air intakes)
        lx = sx * (wx + WING_W / 2 + 0.15)
        louvre.box_c([lx, 8.0, 0.0], [0.3, 3.0, WING_L - 20.0], faces="xXyYzZ")
    # the core's side walls below the wing roofs lie inside the wings, hidden
    walls.box_c([0.0, CORE_H / 2, 0.0], [CORE_W, CORE_H, CORE_L], faces="xXzZY", top=roof)
    # concrete apron under the building footprint, a kerb's height proud of the ground
    concrete.box_c([0.0, 0.1, 0.0], [BLDG_W + 30.0, 0.2, WING_L + 30.0], faces="xXzZY")
    return g.mesh(name, [walls, roof, louvre, concrete])


def cooler_bank_mesh(g):
    body = Prim("cooler_dark_grey")
    fans = Prim("cooler_fan")
    sx, sy, sz = COOLER
    legs = 0.6
    body.box_c([0.0, legs + (sy - legs) / 2, 0.0], [sx, sy - legs, sz], faces="xXyYzZ")
    for lx in (-sx / 2 + 0.4, 0.0, sx / 2 - 0.4):
        for lz in (-sz / 2 + 0.4, sz / 2 - 0.4):
            body.box_c([lx, legs / 2, lz], [0.3, legs, 0.3], faces="xXzZ")
    # two rows of six fans on top
    for i in range(6):
        for k in (-1, 1):
            fans.cylinder([-sx / 2 + 2.5 + i * (sx - 5.0) / 5, sy, k * sz / 4], 1.5, 1.5, 0.35, 16,
                          cap_top=True)
    return g.mesh("cooler_bank", [body, fans])


def transformer_mesh(g, name, size, bushings):
    body = Prim("transformer_grey")
    ins = Prim("insulator_brown")
    pad = Prim("concrete")
    sx, sy, sz = size
    pad.box_c([0.0, 0.15, 0.0], [sx + 2.0, 0.3, sz + 2.0], faces="xXzZY")
    body.box_c([0.0, 0.3 + sy / 2, 0.0], [sx, sy, sz], faces="xXzZY")
    # radiator banks on both long sides
    for s in (-1, 1):
        body.box_c([0.0, 0.3 + sy * 0.45, s * (sz / 2 + 0.4)], [sx * 0.8, sy * 0.7, 0.8], faces="xXzZY")
    for i in range(bushings):
        x = -sx / 2 + sx * (i + 0.5) / bushings
        ins.cylinder([x, 0.3 + sy, 0.0], 0.25, 0.15, max(1.2, sy * 0.3), 12, cap_top=True)
    return g.mesh(name, [body, ins, pad])


def busbar_frame_mesh(g):
    steel = Prim("steel_galvanised")
    span, h, post = 24.0, 12.0, 0.5
    for x in (-span / 2, span / 2):
        steel.box_c([x, h / 2, 0.0], [post, h, post], faces="xXzZY")
    steel.box_c([0.0, h - 0.5, 0.0], [span + post, 0.8, 0.8], faces="xXyYzZ")
    steel.box_c([0.0, h - 3.5, 0.0], [span + post, 0.3, 0.3], faces="xXyYzZ")
    ins = Prim("insulator_brown")
    for x in (-8.0, 0.0, 8.0):
        ins.cylinder([x, h - 4.6, 0.0], 0.18, 0.18, 1.2, 10, cap_top=False)
    return g.mesh("busbar_frame", [steel, ins])


def substation_meshes(g):
    yard = Prim("gravel")
    fence = Prim("fence_wire")
    hx, hz = SUB_SIZE[0] / 2, SUB_SIZE[1] / 2
    yard.box([-hx, 0.0, -hz], [hx, 0.12, hz], faces="xXzZY")
    fh, ft = 2.4, 0.05
    gate = 10.0
    fence.box([-hx, 0.0, -hz - ft], [hx, fh, -hz], faces="xXzZY")          # north
    fence.box([-hx - ft, 0.0, -hz], [-hx, fh, hz], faces="xXzZY")          # west
    fence.box([hx, 0.0, -hz], [hx + ft, fh, hz], faces="xXzZY")            # east
    fence.box([-hx, 0.0, hz], [-gate / 2, fh, hz + ft], faces="xXzZY")     # south, with a gate
    fence.box([gate / 2, 0.0, hz], [hx, fh, hz + ft], faces="xXzZY")
    posts = Prim("steel_galvanised")
    n = 24
    for i in range(n + 1):
        x = -hx + 2 * hx * i / n
        for z in (-hz, hz):
            if z > 0 and abs(x) < gate / 2:
                continue
            posts.box_c([x, fh / 2 + 0.05, z], [0.2, fh + 0.1, 0.2], faces="xXzZY")
    for k in range(1, 8):
        z = -hz + 2 * hz * k / 8
        for x in (-hx, hx):
            posts.box_c([x, fh / 2 + 0.05, z], [0.2, fh + 0.1, 0.2], faces="xXzZY")
    m_yard = g.mesh("substation_yard", [yard, fence, posts])
    m_house = None
    house = Prim("inverter_white")
    roof = Prim("wall_louvre")
    house.box_c([0.0, 2.5, 0.0], [18.0, 5.0, 9.0], faces="xXzZY", top=roof)
    m_house = g.mesh("control_house", [house, roof])
    return m_yard, m_house


def panel_mesh(g):
    p = Prim("pv_panel")
    p.box_c([0.0, 0.0, 0.0], list(PANEL))
    return g.mesh("pv_panel", [p])


def inverter_mesh(g):
    p = Prim("inverter_white")
    pad = Prim("concrete")
    pad.box_c([0.0, 0.1, 0.0], [4.0, 0.2, 8.0], faces="xXzZY")
    p.box_c([0.0, 1.45, 0.0], [2.5, 2.5, 6.0], faces="xXzZY")
    return g.mesh("inverter_skid", [p, pad])


def turbine_meshes(g):
    tower = Prim("turbine_white")
    top = HUB_H - 1.9
    tower.cylinder([0.0, 0.0, 0.0], 2.1, 1.3, top, SEGS, cap_top=True)
    base = Prim("concrete")
    base.cylinder([0.0, 0.0, 0.0], 4.0, 4.0, 0.4, SEGS, cap_top=True)
    m_tower = g.mesh("turbine_tower", [tower, base])

    nac = Prim("turbine_white")
    # nacelle: 10 m long, behind (north of) the rotor; origin on the tower axis at hub height
    nac.box([-1.7, -1.9, -7.8], [1.7, 1.9, 2.6])
    m_nacelle = g.mesh("turbine_nacelle", [nac])

    hub = Prim("turbine_white")
    # spinner along +Z (upwind, facing south): short cylinder + nose cone, rotor-local
    hub.cylinder([0.0, 0.0, -1.6], 1.5, 1.6, 1.8, SEGS, cap_top=False, cap_bottom=True, rot=ROT_Y_TO_Z)
    hub.cone([0.0, 0.0, 0.2], 1.6, 2.2, SEGS, rot=ROT_Y_TO_Z)
    m_hub = g.mesh("turbine_hub", [hub])

    blade = Prim("turbine_white")
    # Blade along rotor-local +Y: root cylinder-ish section, widest chord at 25 %,
    # tapering to the tip. A chain of flat-faced hexahedra.
    r0 = 1.2
    stations = [  # (radius from hub centre, chord (X), thickness (Z))
        (r0, 1.6, 1.6),
        (r0 + 0.08 * BLADE_LEN, 2.4, 1.2),
        (r0 + 0.25 * BLADE_LEN, 3.0, 0.75),
        (r0 + 0.55 * BLADE_LEN, 2.0, 0.45),
        (r0 + 0.85 * BLADE_LEN, 1.1, 0.25),
        (r0 + BLADE_LEN, 0.45, 0.1),
    ]
    for (ya, ca, ta), (yb, cb, tb) in zip(stations, stations[1:]):
        # leading edge at -X (rotor turns clockwise seen from upwind); chord mostly aft
        c = []
        for k in (0, 1):
            for j in (0, 1):
                y, ch, th = (ya, ca, ta) if j == 0 else (yb, cb, tb)
                for i in (0, 1):
                    x = -0.3 * ch if i == 0 else 0.7 * ch
                    z = -th / 2 if k == 0 else th / 2
                    c.append([x, y, z])
        faces = "xXzZ"
        if ya == r0:
            faces += "y"
        if yb == r0 + BLADE_LEN:
            faces += "Y"
        blade.hexa(c, faces)
    m_blade = g.mesh("turbine_blade", [blade])
    return m_tower, m_nacelle, m_hub, m_blade


def panel_instances():
    """Translations and rotations of every tracker panel, row by row, west to east."""
    tilt = quat_axis_angle([0.0, 0.0, 1.0], math.radians(TILT_DEG))  # +Y leans to -X: faces west
    rot = tuple(f32(c) for c in json_quat(tilt))
    trans = []
    for bc in range(BLOCK_COLS):
        for row in range(ROWS_PER_BLOCK):
            x = SOLAR_X0 + bc * (ROWS_PER_BLOCK * ROW_PITCH + BLOCK_GAP) + (row + 0.5) * ROW_PITCH
            for br in range(BLOCK_ROWS):
                z0 = -SOLAR_L / 2 + br * (PANELS_PER_ROW * PANEL_PITCH_Z + BLOCK_GAP)
                for i in range(PANELS_PER_ROW):
                    z = z0 + (i + 0.5) * PANEL_PITCH_Z
                    trans.append((f32(x), f32(PANEL_Y), f32(round(z, 4))))
    return trans, [rot] * len(trans)


def overview_camera_pose(points):
    """Eye 500 m up, to the south-east (azimuth OVERVIEW_AZIMUTH from the block's centre).

    For each distance (in 10 m steps) the view direction is centred on the angular
    extent of `points`; the first distance at which every point fits the 16:9 frame
    with a small margin wins."""
    cx = (min(p[0] for p in points) + max(p[0] for p in points)) / 2
    cz = (min(p[2] for p in points) + max(p[2] for p in points)) / 2
    az = math.radians(OVERVIEW_AZIMUTH)
    horiz = [math.sin(az), 0.0, -math.cos(az)]
    ty = math.tan(OVERVIEW_YFOV / 2)
    tx = ty * OVERVIEW_ASPECT
    margin = 0.95
    for step in range(30, 600):
        d = 10.0 * step
        eye = [cx + horiz[0] * d, OVERVIEW_HEIGHT, cz + horiz[2] * d]
        fwd = norm(sub([cx, 0.0, cz], eye))
        for _ in range(20):
            back = mul(fwd, -1.0)
            right = norm(cross([0.0, 1.0, 0.0], back))
            up = cross(back, right)
            xs, ys = [], []
            for p in points:
                v = sub(p, eye)
                z = -dot(v, back)
                xs.append(dot(v, right) / z)
                ys.append(dot(v, up) / z)
            mx = (max(xs) + min(xs)) / 2
            my = (max(ys) + min(ys)) / 2
            fwd = norm(add(fwd, add(mul(right, mx), mul(up, my))))
        if max(abs(x) for x in xs) <= tx * margin and max(abs(y) for y in ys) <= ty * margin:
            # a target on the ground along the view direction
            t = eye[1] / -fwd[1]
            return eye, add(eye, mul(fwd, t))
    raise RuntimeError("overview camera: no distance fits")


def build(g):
    materials(g)
    roots = []

    # ground and roads
    roots.append(g.node("ground", mesh=ground_mesh(g)))
    roots.append(g.node("roads", mesh=roads_mesh(g)))

    # buildings
    m_cooler = cooler_bank_mesh(g)
    m_xfmr = transformer_mesh(g, "yard_transformer", (7.0, 4.5, 5.0), 3)
    wx = CORE_W / 2 + WING_W / 2
    for b, bx in enumerate(BLDG_X):
        name = "building_%02d" % (b + 1)
        m = building_mesh(g, name)
        children = []
        n = 0
        for sx in (-1, 1):
            for i in range(COOLERS_PER_WING):
                n += 1
                z = -WING_L / 2 + WING_L * (i + 0.5) / COOLERS_PER_WING
                children.append(g.node("%s/cooler_bank_%02d" % (name, n), mesh=m_cooler,
                                       t=[sx * wx, WING_H, z]))
        # yard transformers along the outer long wall (west of building_01, east of building_02)
        side = -1 if b == 0 else 1
        tx = side * (BLDG_W / 2 + 24.0)
        for i in range(TRANSFORMERS_PER_BUILDING):
            z = -WING_L / 2 + 30.0 + (WING_L - 60.0) * i / (TRANSFORMERS_PER_BUILDING - 1)
            children.append(g.node("%s/transformer_%02d" % (name, i + 1), mesh=m_xfmr,
                                   t=[tx, 0.0, z], q=quat_axis_angle([0, 1, 0], math.pi / 2)))
        roots.append(g.node(name, mesh=m, t=[bx, 0.0, 0.0], children=children))

    # substation
    m_yard, m_house = substation_meshes(g)
    m_big = transformer_mesh(g, "substation_transformer", (12.0, 7.0, 8.0), 6)
    m_bus = busbar_frame_mesh(g)
    children = [g.node("substation/yard", mesh=m_yard)]
    for i in range(4):
        children.append(g.node("substation/transformer_%02d" % (i + 1), mesh=m_big,
                               t=[-42.0 + 28.0 * i, 0.12, 14.0]))
    k = 0
    for row_z in (-24.0, -8.0):
        for i in range(4):
            k += 1
            children.append(g.node("substation/busbar_frame_%02d" % k, mesh=m_bus,
                                   t=[-42.0 + 28.0 * i, 0.12, row_z]))
    children.append(g.node("substation/control_house", mesh=m_house, t=[40.0, 0.12, 31.0]))
    roots.append(g.node("substation", t=[SUB_C[0], 0.0, SUB_C[1]], children=children))

    # solar field
    trans, rots = panel_instances()
    a_t = g.accessor(trans, FLOAT, "VEC3", name="solar_field_a/panels TRANSLATION")
    a_r = g.accessor(rots, FLOAT, "VEC4", name="solar_field_a/panels ROTATION")
    m_panel = panel_mesh(g)
    m_inv = inverter_mesh(g)
    children = [g.node("solar_field_a/panels", mesh=m_panel, extensions={
        INSTANCING: {"attributes": {"TRANSLATION": a_t, "ROTATION": a_r}}})]
    aisle_x = SOLAR_X0 + ROWS_PER_BLOCK * ROW_PITCH + BLOCK_GAP / 2
    k = 0
    for br in range(BLOCK_ROWS):
        zc = -SOLAR_L / 2 + br * (PANELS_PER_ROW * PANEL_PITCH_Z + BLOCK_GAP) + PANELS_PER_ROW * PANEL_PITCH_Z / 2
        for s in (-1, 1):
            k += 1
            children.append(g.node("solar_field_a/inverter_%02d" % k, mesh=m_inv,
                                   t=[aisle_x, 0.0, zc + s * 20.0]))
    roots.append(g.node("solar_field_a", children=children))

    # wind turbines
    m_tower, m_nacelle, m_hub, m_blade = turbine_meshes(g)
    for i, z in enumerate(TURBINE_Z):
        name = "wind_turbine_%02d" % (i + 1)
        # rotor azimuth differs per turbine; yaw within a few degrees of due south
        spin = math.radians((17.0 + 47.0 * i + 11.0 * (i * i % 5)) % 120.0)
        yaw = math.radians([-3.0, 1.5, 4.0, -1.0, 2.5, -4.5][i])
        blades = [g.node("%s/rotor/blade_%d" % (name, k + 1), mesh=m_blade,
                         q=quat_axis_angle([0, 0, 1], 2 * math.pi * k / 3)) for k in range(3)]
        hub = g.node("%s/rotor/hub" % name, mesh=m_hub)
        rotor = g.node("%s/rotor" % name, t=[0.0, HUB_H, ROTOR_OFFSET],
                       q=quat_axis_angle([0, 0, 1], spin), children=[hub] + blades)
        tower = g.node("%s/tower" % name, mesh=m_tower)
        nacelle = g.node("%s/nacelle" % name, mesh=m_nacelle, t=[0.0, HUB_H, 0.0])
        roots.append(g.node(name, t=[TURBINE_X, 0.0, z], q=quat_axis_angle([0, 1, 0], yaw),
                            children=[tower, nacelle, rotor]))

    # cameras
    # what must be in the overview: turbines (blade tips included), buildings, substation,
    # solar field
    reach = HUB_H + BLADE_LEN + 1.2
    pts = []
    for z in TURBINE_Z:
        for dx in (-reach + HUB_H, reach - HUB_H):
            pts.append([TURBINE_X + dx, 0.0, z])
            pts.append([TURBINE_X + dx, reach, z])
    for bx in BLDG_X:
        for sx in (-1, 1):
            for sz in (-1, 1):
                pts.append([bx + sx * (BLDG_W / 2 + 30.0), CORE_H, sz * (WING_L / 2 + 15.0)])
    for sx in (-1, 1):
        for sz in (-1, 1):
            pts.append([SUB_C[0] + sx * SUB_SIZE[0] / 2, 12.0, SUB_C[1] + sz * SUB_SIZE[1] / 2])
            pts.append([SOLAR_X0 + SOLAR_W / 2 + sx * SOLAR_W / 2, 2.0, sz * SOLAR_L / 2])
    eye, target = overview_camera_pose(pts)
    cam = g.camera("overview", OVERVIEW_YFOV, 1.0, 10000.0)
    roots.append(g.node("overview", camera=cam, t=eye, q=look_at_quat(eye, target)))

    # ground level: on the verge of the south road, looking north-west into building_01's
    # southern courtyard, with the turbines beyond
    eye2 = [-22.0, 2.0, SOUTH_Z + 16.0]
    target2 = [-200.0, 11.0, 130.0]
    cam2 = g.camera("ground_level", 0.8, 0.5, 5000.0)
    roots.append(g.node("ground_level", camera=cam2, t=eye2, q=look_at_quat(eye2, target2)))

    g.doc["scenes"].append({"name": "campus_block", "nodes": roots})
    g.finish()
    return eye, target


# ---------------------------------------------------------------------------
# checks (on the files as written)
# ---------------------------------------------------------------------------

def check(gltf_path, bin_path):
    with open(gltf_path, "rb") as f:
        doc = json.loads(f.read().decode("utf-8"))
    with open(bin_path, "rb") as f:
        data = f.read()
    errors = []

    def err(msg):
        errors.append(msg)

    if len(doc["buffers"]) != 1 or doc["buffers"][0]["byteLength"] != len(data):
        err("buffer byteLength does not match the .bin size")
    if doc["buffers"][0]["uri"] != BIN_NAME:
        err("buffer uri is not %s" % BIN_NAME)
    for i, bv in enumerate(doc["bufferViews"]):
        if bv["byteOffset"] % 4:
            err("bufferView %d offset %d not 4-aligned" % (i, bv["byteOffset"]))
        if bv["byteOffset"] + bv["byteLength"] > len(data):
            err("bufferView %d runs past the buffer" % i)

    def read(ai):
        a = doc["accessors"][ai]
        bv = doc["bufferViews"][a["bufferView"]]
        n = NUM_COMP[a["type"]]
        size = COMP_SIZE[a["componentType"]] * n
        off = bv["byteOffset"] + a.get("byteOffset", 0)
        if a.get("byteOffset", 0) + size * a["count"] > bv["byteLength"]:
            err("accessor %d runs past its bufferView" % ai)
            return []
        if off % COMP_SIZE[a["componentType"]]:
            err("accessor %d misaligned" % ai)
        fmt = "<%d%s" % (n * a["count"], COMP_FMT[a["componentType"]])
        flat = struct.unpack_from(fmt, data, off)
        return [flat[k:k + n] for k in range(0, len(flat), n)]

    values = [read(i) for i in range(len(doc["accessors"]))]
    for i, a in enumerate(doc["accessors"]):
        if "min" in a:
            v = values[i]
            n = NUM_COMP[a["type"]]
            if [min(x[c] for x in v) for c in range(n)] != a["min"] or \
               [max(x[c] for x in v) for c in range(n)] != a["max"]:
                err("accessor %d min/max do not match the data" % i)
    for mi, m in enumerate(doc["meshes"]):
        for p in m["primitives"]:
            pa, na = p["attributes"]["POSITION"], p["attributes"].get("NORMAL")
            if "min" not in doc["accessors"][pa]:
                err("mesh %s POSITION without min/max" % m["name"])
            if na is None:
                err("mesh %s has no NORMAL" % m["name"])
                continue
            for nv in values[na]:
                if abs(math.sqrt(sum(c * c for c in nv)) - 1.0) > 1e-5:
                    err("mesh %s has a non-unit normal" % m["name"])
                    break
            count = doc["accessors"][pa]["count"]
            if doc["accessors"][p["indices"]]["componentType"] not in (USHORT, UINT):
                err("mesh %s indices are not uint16/uint32" % m["name"])
            if max(x[0] for x in values[p["indices"]]) >= count:
                err("mesh %s index out of range" % m["name"])
    for ni, n in enumerate(doc["nodes"]):
        if not n.get("name"):
            err("node %d has no name" % ni)
        if "rotation" in n and abs(math.sqrt(sum(c * c for c in n["rotation"])) - 1.0) > 1e-6:
            err("node %s rotation is not a unit quaternion" % n.get("name"))
        ext = n.get("extensions", {}).get(INSTANCING)
        if ext:
            for q in values[ext["attributes"]["ROTATION"]]:
                if abs(math.sqrt(sum(c * c for c in q)) - 1.0) > 1e-5:
                    err("instance rotation is not a unit quaternion")
                    break
    for m in doc["materials"]:
        if not m.get("name"):
            err("unnamed material")
    names = [n["name"] for n in doc["nodes"]]
    if len(set(names)) != len(names):
        err("node names are not unique")
    return errors, doc, data


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "assets", "demo")
    os.makedirs(outdir, exist_ok=True)
    g = Gltf()
    eye, target = build(g)
    text = json.dumps(g.doc, indent=1, separators=(",", ": "), ensure_ascii=True) + "\n"
    gltf_path = os.path.join(outdir, GLTF_NAME)
    bin_path = os.path.join(outdir, BIN_NAME)
    with open(bin_path, "wb") as f:
        f.write(bytes(g.bin))
    with open(gltf_path, "wb") as f:
        f.write(text.encode("utf-8"))
    errors, doc, data = check(gltf_path, bin_path)
    tris = 0
    for n in doc["nodes"]:
        if "mesh" in n:
            k = 1
            ext = n.get("extensions", {}).get(INSTANCING)
            if ext:
                k = doc["accessors"][ext["attributes"]["TRANSLATION"]]["count"]
            for p in doc["meshes"][n["mesh"]]["primitives"]:
                tris += k * doc["accessors"][p["indices"]]["count"] // 3
    print("wrote %s (%d bytes) and %s (%d bytes): %d nodes, %d meshes, %d materials, "
          "%d triangles drawn, overview eye (%.0f, %.0f, %.0f)"
          % (gltf_path, len(text.encode("utf-8")), bin_path, len(data), len(doc["nodes"]),
             len(doc["meshes"]), len(doc["materials"]), tris, eye[0], eye[1], eye[2]))
    if errors:
        for e in errors:
            print("error: " + e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
