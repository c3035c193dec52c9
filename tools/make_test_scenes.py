#!/usr/bin/env python3
"""Generate the small, deterministic glTF 2.0 test scenes in tests/data/.

Usage: python3 tools/make_test_scenes.py [outdir]
       (default outdir: <repo>/tests/data, where <repo> is the parent of tools/)

Python 3.11 standard library only. Running it twice produces byte-identical
files (sorted JSON keys, fixed float formatting, no timestamps, zlib level 9).

Conventions: metres, +Y up, right-handed, cameras look down their local -Z.
Every scene has a perspective camera node called "main" (yfov 0.8 rad, znear
0.1, infinite far, no aspectRatio) whose rotation is computed by a look-at.

Besides writing the files, the script re-reads every file it wrote from disk
and checks it (buffer/accessor sizes and alignment, POSITION min/max, index
ranges, URIs, GLB layout), then ray casts every pixel probe listed in
README.md / probes.json against the decoded scene to prove that the probe
really sees what the table says, and how many pixels of margin it has.
"""

import base64
import json
import math
import os
import struct
import sys
import zlib

# ---------------------------------------------------------------------------
# constants
# ---------------------------------------------------------------------------

BYTE, UBYTE, SHORT, USHORT, UINT, FLOAT = 5120, 5121, 5122, 5123, 5125, 5126
COMP_SIZE = {BYTE: 1, UBYTE: 1, SHORT: 2, USHORT: 2, UINT: 4, FLOAT: 4}
COMP_FMT = {BYTE: "b", UBYTE: "B", SHORT: "h", USHORT: "H", UINT: "I", FLOAT: "f"}
COMP_NORM = {BYTE: 127.0, UBYTE: 255.0, SHORT: 32767.0, USHORT: 65535.0}
NUM_COMP = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16}
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
NEAREST, CLAMP_TO_EDGE = 9728, 33071

YFOV = 0.8
ZNEAR = 0.1
IMG = 256  # probe image size (square, aspect 1)


def f32(x):
    """Round a Python float to the nearest float32 value."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


def clean(x):
    """Round tiny float noise so the JSON stays readable and stable."""
    r = round(x, 12)
    if r == 0:
        return 0.0
    return r


# ---------------------------------------------------------------------------
# small vector / matrix helpers (matrices are row-major 4x4 lists here;
# glTF stores them column-major)
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
    l = math.sqrt(dot(a, a))
    return [a[0] / l, a[1] / l, a[2] / l]


def mat_identity():
    return [[1.0 if i == j else 0.0 for j in range(4)] for i in range(4)]


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(4)) for j in range(4)] for i in range(4)]


def mat_point(m, p):
    return [m[i][0] * p[0] + m[i][1] * p[1] + m[i][2] * p[2] + m[i][3] for i in range(3)]


def mat_det3(m):
    return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
            - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
            + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))


def quat_to_mat3(q):
    x, y, z, w = q
    return [
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ]


def trs_matrix(t=(0, 0, 0), r=(0, 0, 0, 1), s=(1, 1, 1)):
    m3 = quat_to_mat3(r)
    m = mat_identity()
    for i in range(3):
        for j in range(3):
            m[i][j] = m3[i][j] * s[j]
        m[i][3] = t[i]
    return m


def mat3_to_quat(m):
    """Rotation matrix (row-major 3x3) -> unit quaternion [x, y, z, w], w >= 0."""
    tr = m[0][0] + m[1][1] + m[2][2]
    if tr > 0:
        s = math.sqrt(tr + 1.0) * 2
        w = 0.25 * s
        x = (m[2][1] - m[1][2]) / s
        y = (m[0][2] - m[2][0]) / s
        z = (m[1][0] - m[0][1]) / s
    elif m[0][0] > m[1][1] and m[0][0] > m[2][2]:
        s = math.sqrt(1.0 + m[0][0] - m[1][1] - m[2][2]) * 2
        w = (m[2][1] - m[1][2]) / s
        x = 0.25 * s
        y = (m[0][1] + m[1][0]) / s
        z = (m[0][2] + m[2][0]) / s
    elif m[1][1] > m[2][2]:
        s = math.sqrt(1.0 + m[1][1] - m[0][0] - m[2][2]) * 2
        w = (m[0][2] - m[2][0]) / s
        x = (m[0][1] + m[1][0]) / s
        y = 0.25 * s
        z = (m[1][2] + m[2][1]) / s
    else:
        s = math.sqrt(1.0 + m[2][2] - m[0][0] - m[1][1]) * 2
        w = (m[1][0] - m[0][1]) / s
        x = (m[0][2] + m[2][0]) / s
        y = (m[1][2] + m[2][1]) / s
        z = 0.25 * s
    q = [x, y, z, w]
    if w < 0:
        q = [-c for c in q]
    l = math.sqrt(sum(c * c for c in q))
    return [c / l for c in q]


def look_at_quat(eye, target, up=(0.0, 1.0, 0.0)):
    """Quaternion rotating a glTF camera (looking down -Z, +Y up) at target."""
    back = norm(sub(eye, target))          # camera +Z
    right = norm(cross(list(up), back))    # camera +X
    upv = cross(back, right)               # camera +Y
    m = [[right[i], upv[i], back[i]] for i in range(3)]  # columns = axes
    return mat3_to_quat(m)


def quat_axis_angle(axis, angle):
    a = norm(list(axis))
    s = math.sin(angle / 2)
    q = [a[0] * s, a[1] * s, a[2] * s, math.cos(angle / 2)]
    return [clean(c) for c in q]


# ---------------------------------------------------------------------------
# PNG writer (RGBA8, no filtering, zlib level 9 -> deterministic)
# ---------------------------------------------------------------------------

def png_rgba(width, height, pixel):
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter type None
        for x in range(width):
            raw.extend(bytes(pixel(x, y)))

    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + chunk(b"IEND", b""))


def quadrant_texel(x, y, size=64):
    """Texture of textured_quad.gltf; (x, y) with y = 0 at the top row."""
    left, top = x < size // 2, y < size // 2
    if top and left:
        return (255, 0, 0, 255)
    if top:
        return (0, 255, 0, 255)
    if left:
        return (0, 0, 255, 255)
    return (255, 255, 255, 255)


# ---------------------------------------------------------------------------
# glTF builder
# ---------------------------------------------------------------------------

class Builder:
    def __init__(self):
        self.bin = bytearray()
        self.g = {
            "asset": {"version": "2.0", "generator": "campus-twin tools/make_test_scenes.py"},
            "scene": 0,
            "scenes": [{"name": "scene", "nodes": []}],
            "nodes": [],
            "meshes": [],
            "materials": [],
            "accessors": [],
            "bufferViews": [],
            "buffers": [],
        }
        self.camera_info = None

    # -- binary data -------------------------------------------------------
    def view(self, data, target=None, stride=None, name=None):
        while len(self.bin) % 4:
            self.bin.append(0)
        bv = {"buffer": 0, "byteOffset": len(self.bin), "byteLength": len(data)}
        if target is not None:
            bv["target"] = target
        if stride is not None:
            bv["byteStride"] = stride
        if name:
            bv["name"] = name
        self.bin.extend(data)
        self.g["bufferViews"].append(bv)
        return len(self.g["bufferViews"]) - 1

    def accessor(self, view, ctype, count, atype, offset=0, normalized=False,
                 minv=None, maxv=None, sparse=None, name=None):
        a = {"componentType": ctype, "count": count, "type": atype}
        if view is not None:
            a["bufferView"] = view
        if offset:
            a["byteOffset"] = offset
        if normalized:
            a["normalized"] = True
        if minv is not None:
            a["min"] = minv
            a["max"] = maxv
        if sparse is not None:
            a["sparse"] = sparse
        if name:
            a["name"] = name
        self.g["accessors"].append(a)
        return len(self.g["accessors"]) - 1

    def floats(self, rows, atype, target=ARRAY_BUFFER, minmax=False, name=None):
        n = NUM_COMP[atype]
        flat = [float(c) for r in rows for c in r]
        assert all(len(r) == n for r in rows)
        v = self.view(struct.pack("<%df" % len(flat), *flat), target=target, name=name)
        mn = mx = None
        if minmax:
            mn = [min(f32(r[i]) for r in rows) for i in range(n)]
            mx = [max(f32(r[i]) for r in rows) for i in range(n)]
        return self.accessor(v, FLOAT, len(rows), atype, minv=mn, maxv=mx, name=name)

    def indices(self, idx, ctype=USHORT, name=None):
        fmt = COMP_FMT[ctype]
        v = self.view(struct.pack("<%d%s" % (len(idx), fmt), *idx),
                      target=ELEMENT_ARRAY_BUFFER, name=name)
        return self.accessor(v, ctype, len(idx), "SCALAR", name=name)

    # -- scene objects -----------------------------------------------------
    def material(self, name, color, metallic=0.0, roughness=0.6, **extra):
        pbr = {"baseColorFactor": [float(c) for c in color],
               "metallicFactor": metallic, "roughnessFactor": roughness}
        if "baseColorTexture" in extra:
            pbr["baseColorTexture"] = extra.pop("baseColorTexture")
        m = {"name": name, "pbrMetallicRoughness": pbr}
        m.update(extra)
        self.g["materials"].append(m)
        return len(self.g["materials"]) - 1

    def mesh(self, name, prims):
        self.g["meshes"].append({"name": name, "primitives": prims})
        return len(self.g["meshes"]) - 1

    def node(self, name, root=True, **props):
        n = {"name": name}
        n.update(props)
        self.g["nodes"].append(n)
        i = len(self.g["nodes"]) - 1
        if root:
            self.g["scenes"][0]["nodes"].append(i)
        return i

    def camera(self, eye, target):
        self.g.setdefault("cameras", []).append({
            "name": "main", "type": "perspective",
            "perspective": {"yfov": YFOV, "znear": ZNEAR}})
        q = look_at_quat(eye, target)
        self.node("main", camera=len(self.g["cameras"]) - 1,
                  translation=[float(c) for c in eye], rotation=q)
        self.camera_info = (list(eye), list(target), q)

    def use_ext(self, ext, required=False):
        self.g.setdefault("extensionsUsed", [])
        if ext not in self.g["extensionsUsed"]:
            self.g["extensionsUsed"].append(ext)
        if required:
            self.g.setdefault("extensionsRequired", [])
            if ext not in self.g["extensionsRequired"]:
                self.g["extensionsRequired"].append(ext)

    # -- geometry helpers --------------------------------------------------
    def cube_prim(self, edge, cache_key="cube"):
        """24 vertices with flat normals, 36 uint16 indices, CCW outward."""
        cache = self.__dict__.setdefault("_cache", {})
        key = (cache_key, edge)
        if key in cache:
            return dict(cache[key])
        h = edge / 2.0
        pos, nrm, idx = [], [], []
        # each face: normal, and two in-plane axes u, v with u x v = normal
        faces = [((1, 0, 0), (0, 0, -1), (0, 1, 0)),
                 ((-1, 0, 0), (0, 0, 1), (0, 1, 0)),
                 ((0, 1, 0), (1, 0, 0), (0, 0, -1)),
                 ((0, -1, 0), (1, 0, 0), (0, 0, 1)),
                 ((0, 0, 1), (1, 0, 0), (0, 1, 0)),
                 ((0, 0, -1), (-1, 0, 0), (0, 1, 0))]
        for n, u, v in faces:
            assert cross(list(u), list(v)) == list(n)
            base = len(pos)
            for su, sv in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                pos.append([h * (n[i] + su * u[i] + sv * v[i]) for i in range(3)])
                nrm.append([float(c) for c in n])
            idx += [base, base + 1, base + 2, base, base + 2, base + 3]
        p = {"attributes": {"POSITION": self.floats(pos, "VEC3", minmax=True, name="cube_position"),
                            "NORMAL": self.floats(nrm, "VEC3", name="cube_normal")},
             "indices": self.indices(idx, name="cube_indices")}
        cache[key] = p
        return dict(p)

    def quad_xy(self, w, h, z=0.0, cx=0.0, cy=0.0, uv=False, name="quad", index_type=USHORT):
        """Quad in a plane z = const, facing +Z. Vertices BL, BR, TR, TL."""
        x0, x1, y0, y1 = cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2
        pos = [[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y1, z]]
        attrs = {"POSITION": self.floats(pos, "VEC3", minmax=True, name=name + "_position"),
                 "NORMAL": self.floats([[0, 0, 1]] * 4, "VEC3", name=name + "_normal")}
        if uv:
            # uv (0,0) at the top-left corner (position x0, y1)
            attrs["TEXCOORD_0"] = self.floats([[0, 1], [1, 1], [1, 0], [0, 0]], "VEC2",
                                              name=name + "_uv")
        return {"attributes": attrs, "indices": self.indices([0, 1, 2, 0, 2, 3], ctype=index_type, name=name + "_indices")}

    # -- output ------------------------------------------------------------
    def finish(self, mode="datauri", uri=None):
        """Return (json_bytes, extra_files dict name->bytes)."""
        while len(self.bin) % 4:
            self.bin.append(0)
        g = self.g
        for k in ("meshes", "materials", "accessors", "bufferViews"):
            if not g[k]:
                del g[k]
        buf = {"byteLength": len(self.bin)}
        extra = {}
        if mode == "datauri":
            buf["uri"] = "data:application/octet-stream;base64," + base64.b64encode(bytes(self.bin)).decode("ascii")
        elif mode == "external":
            buf["uri"] = uri[0]
            extra[uri[1]] = bytes(self.bin)
        elif mode == "glb":
            pass
        else:
            raise ValueError(mode)
        g["buffers"] = [buf]
        text = json.dumps(g, sort_keys=True, indent=2, ensure_ascii=True) + "\n"
        return text.encode("utf-8"), extra, bytes(self.bin)


def glb_bytes(json_text_bytes, binary):
    j = json_text_bytes.rstrip(b"\n")
    j = j + b" " * ((-len(j)) % 4)
    b = binary + b"\0" * ((-len(binary)) % 4)
    total = 12 + 8 + len(j) + 8 + len(b)
    return (struct.pack("<III", 0x46546C67, 2, total)
            + struct.pack("<I4s", len(j), b"JSON") + j
            + struct.pack("<I4s", len(b), b"BIN\0") + b)


def percent_encode(name):
    out = []
    for byte in name.encode("utf-8"):
        c = chr(byte)
        if c.isascii() and (c.isalnum() or c in "-._~"):
            out.append(c)
        else:
            out.append("%%%02X" % byte)
    return "".join(out)


def percent_decode(uri):
    out = bytearray()
    i = 0
    raw = uri.encode("utf-8")
    while i < len(raw):
        if raw[i] == ord("%"):
            out.append(int(raw[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode("utf-8")


# ---------------------------------------------------------------------------
# scenes. Each returns dict(builder, probes, text, mode, ...)
# A probe is (name, world, expect, hits, note) where hits is the list of
# materials a ray through the probe pixel passes through front-to-back up to
# and including the first opaque one (MASK-discarded and back faces skipped).
# ---------------------------------------------------------------------------

LIT_CUBE_EYE = (3.0, 2.5, 4.0)


def solid_cube_scene(color_name, rgba, mat_name):
    b = Builder()
    m = b.material(mat_name, rgba)
    prim = b.cube_prim(2.0)
    prim["material"] = m
    mesh = b.mesh("cube", [prim])
    b.node("cube", mesh=mesh)
    b.camera(LIT_CUBE_EYE, (0, 0, 0))
    probes = [
        ("cube_centre", [0, 0, 0], color_name, [mat_name], "centre of the image lands on the cube"),
        ("face_pos_x_centre", [1, 0, 0], color_name, [mat_name], "+X face"),
        ("face_pos_y_centre", [0, 1, 0], color_name, [mat_name], "+Y (top) face"),
        ("face_pos_z_centre", [0, 0, 1], color_name, [mat_name], "+Z face"),
        ("beside_cube", [-2.5, 1.5, 0], "clear", [], "nothing there: clear colour / sky"),
    ]
    return b, probes


def scene_lit_cube():
    b, probes = solid_cube_scene("red", (1, 0, 0, 1), "red")
    text = ("One cube, 2 m edge, centred at the origin (spans -1..1 on every axis), "
            "material `red` (baseColorFactor (1,0,0,1), metallic 0, roughness 0.6), "
            "24 vertices with flat normals, uint16 indices. Mesh node `cube`.\n\n"
            "A correct render shows a red cube with three visible faces (+X, +Y, +Z); the centre "
            "pixel of a 256x256 render from `main` is red.")
    return dict(builder=b, probes=probes, text=text)


def scene_textured_quad():
    b = Builder()
    png = png_rgba(64, 64, quadrant_texel)
    b.g["images"] = [{"name": "quadrants", "uri": "data:image/png;base64," + base64.b64encode(png).decode("ascii")}]
    b.g["samplers"] = [{"name": "nearest_clamp", "magFilter": NEAREST, "minFilter": NEAREST,
                        "wrapS": CLAMP_TO_EDGE, "wrapT": CLAMP_TO_EDGE}]
    b.g["textures"] = [{"name": "quadrants", "sampler": 0, "source": 0}]
    m = b.material("quadrants", (1, 1, 1, 1), baseColorTexture={"index": 0},
                   emissiveFactor=[1.0, 1.0, 1.0], emissiveTexture={"index": 0})
    prim = b.quad_xy(2, 2, uv=True)
    prim["material"] = m
    b.node("textured_quad", mesh=b.mesh("textured_quad", [prim]))
    b.camera((0, 0, 2.6), (0, 0, 0))
    probes = [
        ("top_left_quadrant", [-0.5, 0.5, 0], "red", [("quadrants", (255, 0, 0, 255))], "texture top-left"),
        ("top_right_quadrant", [0.5, 0.5, 0], "green", [("quadrants", (0, 255, 0, 255))], "texture top-right"),
        ("bottom_left_quadrant", [-0.5, -0.5, 0], "blue", [("quadrants", (0, 0, 255, 255))], "texture bottom-left"),
        ("bottom_right_quadrant", [0.5, -0.5, 0], "white", [("quadrants", (255, 255, 255, 255))], "texture bottom-right"),
    ]
    text = ("A 2x2 m quad in the XY plane at z=0 (x,y in -1..1), facing +Z, mesh node `textured_quad`. "
            "TEXCOORD_0: uv (0,0) at position (-1,+1) (top-left), (1,1) at (1,-1). "
            "Embedded 64x64 RGBA PNG (`data:image/png;base64,...`) with four solid quadrants: "
            "top-left red (255,0,0), top-right green (0,255,0), bottom-left blue (0,0,255), "
            "bottom-right white. Sampler NEAREST/NEAREST, CLAMP_TO_EDGE. Material `quadrants`: "
            "baseColorFactor white, baseColorTexture and emissiveTexture = that texture, "
            "emissiveFactor (1,1,1), so the colours read at full intensity regardless of lighting.\n\n"
            "A correct render shows the quad filling most of the image with red top-left, green "
            "top-right, blue bottom-left, white bottom-right (as seen from the camera, +X to the right, "
            "+Y up). A vertically flipped image means V was flipped (GL-style origin), a mirrored one "
            "means U or the winding is wrong.")
    return dict(builder=b, probes=probes, text=text)


def scene_hierarchy():
    b = Builder()
    cols = {"grey": (0.5, 0.5, 0.5, 1), "green": (0, 1, 0, 1), "blue": (0, 0, 1, 1), "yellow": (1, 1, 0, 1)}
    meshes = {}
    for cname, rgba in cols.items():
        m = b.material(cname, rgba)
        prim = b.cube_prim(1.0)
        prim["material"] = m
        meshes[cname] = b.mesh("cube_" + cname, [prim])
    # hand: translation (0,1,0), uniform scale 0.5, column-major matrix
    hand_m = [0.5, 0, 0, 0,
              0, 0.5, 0, 0,
              0, 0, 0.5, 0,
              0, 1, 0, 1]
    hand = b.node("hand", root=False, mesh=meshes["blue"], matrix=[float(c) for c in hand_m])
    arm = b.node("arm", root=False, mesh=meshes["green"], translation=[2.0, 0.0, 0.0],
                 rotation=quat_axis_angle((0, 1, 0), math.pi / 2), children=[hand])
    mirror_cube = b.node("mirror_cube", root=False, mesh=meshes["yellow"], translation=[1.0, 0.0, 0.0])
    mirror = b.node("mirror", root=False, translation=[-2.0, 0.0, 0.0], scale=[-1.0, 1.0, 1.0],
                    children=[mirror_cube])
    b.node("base", mesh=meshes["grey"], translation=[0.0, 0.0, 0.0], children=[arm, mirror])
    b.camera((0, 6, 9), (0, 0.5, 0))
    probes = [
        ("base_cube_centre", "@base", "grey", ["grey"], "node base"),
        ("arm_cube_centre", "@arm", "green", ["green"], "node arm"),
        ("hand_cube_centre", "@hand", "blue", ["blue"], "node hand (0.5 m cube)"),
        ("mirror_cube_centre", "@mirror_cube", "yellow", ["yellow"],
         "node mirror_cube; at (-1,0,0) instead if the mirror scale were ignored"),
        ("unmirrored_position", [-1.0, 0, 0], "grey_or_clear", None,
         "where the yellow cube would be WITHOUT the -1 scale: must not be yellow"),
    ]
    text = ("Node hierarchy test. `base` (root, translation (0,0,0), grey cube) has two children: "
            "`arm` (translation (2,0,0), rotation 90 deg about +Y, green cube) whose child `hand` is "
            "given as a column-major `matrix` (translation (0,1,0) in arm space, uniform scale 0.5, "
            "blue cube); and `mirror` (translation (-2,0,0), scale (-1,1,1), no mesh) whose child "
            "`mirror_cube` (translation (1,0,0) in mirror space, yellow cube). All cubes are the "
            "same 1 m mesh (shared accessors, one mesh per material). `mirror_cube` has a negative "
            "determinant world matrix: a renderer must flip the front-face winding for it or its "
            "faces are culled wrongly (you see the inside/back faces). Note that the 90 deg arm "
            "rotation does not move the hand (its offset is along the rotation axis).\n\n"
            "A correct render shows, left to right: yellow cube at x=-3, grey cube at the origin, "
            "green cube at x=2 with the small blue cube floating above it at y=1.")
    return dict(builder=b, probes=probes, text=text, centres=["base", "arm", "hand", "mirror_cube"])


def scene_alpha_blend():
    b = Builder()
    red = b.material("red_blend", (1, 0, 0, 0.5), alphaMode="BLEND", doubleSided=False)
    green = b.material("green_blend", (0, 1, 0, 0.5), alphaMode="BLEND", doubleSided=False)
    blue = b.material("blue_blend", (0, 0, 1, 0.5), alphaMode="BLEND", doubleSided=False)
    white = b.material("white_background", (1, 1, 1, 1), doubleSided=False)
    mask = b.material("magenta_mask", (1, 0, 1, 0.3), alphaMode="MASK", alphaCutoff=0.5, doubleSided=False)
    cyan = b.material("cyan_opaque", (0, 1, 1, 1), alphaMode="OPAQUE", doubleSided=False)

    def quad(name, w, z, cx, cy, mat):
        p = b.quad_xy(w, w, z=z, cx=cx, cy=cy, name=name)
        p["material"] = mat
        return b.node(name, mesh=b.mesh(name, [p]))

    # declaration order nearest -> farthest (wrong for unsorted blending)
    quad("red_quad", 2, 1.0, 0.5, 0, red)
    quad("green_quad", 2, 0.0, 0.0, 0, green)
    quad("blue_quad", 2, -1.0, -0.5, 0, blue)
    quad("background", 6, -2.0, 0, 0, white)
    quad("mask_quad", 1, 0.0, 0, 2.2, mask)
    quad("cyan_quad", 1, 0.0, 0, -2.2, cyan)
    b.camera((0, 0, 7), (0, 0, 0))
    R, G, B, W = "red_blend", "green_blend", "blue_blend", "white_background"
    probes = [
        ("only_red", [1.3, 0, 1], "red_over_white", [R, W], "red quad alone over the white background"),
        ("red_over_green", [0.6, 0, 1], "red_over_green_over_white", [R, G, W], "red over green, no blue"),
        ("red_green_blue", [0, 0, 1], "red_over_green_over_blue_over_white", [R, G, B, W], "all three layers"),
        ("green_over_blue", [-0.8, 0, 0], "green_over_blue_over_white", [G, B, W], "green over blue, no red"),
        ("only_blue", [-1.35, 0, -1], "blue_over_white", [B, W], "blue alone"),
        ("only_white", [2.5, 0, -2], "white", [W], "opaque background only"),
        ("mask_quad_centre", [0, 2.2, 0], "white", [W],
         "MASK quad (alpha 0.3 < cutoff 0.5) is fully discarded: white background shows"),
        ("cyan_quad_centre", [0, -2.2, 0], "cyan", ["cyan_opaque"], "opaque cyan quad"),
        ("outside_background", [3.4, 3.4, -2], "clear", [], "beyond the 6x6 background: clear colour"),
    ]
    text = ("Alpha modes. Opaque white `background` quad 6x6 at z=-2 (x,y in -3..3). Three 2x2 "
            "quads with alphaMode BLEND, base colour alpha 0.5: `blue_quad` at z=-1 centred "
            "x=-0.5, `green_quad` at z=0 centred x=0, `red_quad` at z=+1 centred x=+0.5 (all y in "
            "-1..1). The scene's node list declares them red, green, blue (nearest first), then "
            "background, so a renderer that draws in declaration order without back-to-front "
            "sorting (or without an opaque-first pass) gets a wrong picture. `mask_quad`: 1x1 at "
            "(0,2.2,0), magenta, alpha 0.3, alphaMode MASK, alphaCutoff 0.5 -> must be invisible. "
            "`cyan_quad`: 1x1 at (0,-2.2,0), OPAQUE cyan. All quads face +Z, doubleSided false.\n\n"
            "Correct compositing (back to front, `src*a + dst*(1-a)`, a=0.5): where all three "
            "overlap the result is 0.5 red + 0.25 green + 0.125 blue + 0.125 white (before "
            "lighting), i.e. red clearly dominates; red-over-green is 0.5 red + 0.25 green + "
            "0.25 white; green-over-blue 0.5 green + 0.25 blue + 0.25 white. If the renderer draws "
            "red first and writes depth, the green/blue layers vanish behind red (red over white "
            "only); if it draws in declaration order without depth writes, blue dominates the "
            "triple-overlap instead of red. The MASK quad area must show the white background, "
            "never magenta. The `albedo` column in probes.json is the expected unlit composite.")
    return dict(builder=b, probes=probes, text=text)


def instancing_scene(nx, nz, external=None):
    b = Builder()
    b.use_ext("EXT_mesh_gpu_instancing", required=True)
    m = b.material("orange", (1, 0.5, 0, 1))
    prim = b.cube_prim(0.5)
    prim["material"] = m
    mesh = b.mesh("cube_0.5m", [prim])
    trans, rot, scale = bytearray(), bytearray(), bytearray()
    n = nx * nz
    tmin = [math.inf] * 3
    tmax = [-math.inf] * 3
    for iz in range(nz):
        for ix in range(nx):
            i = iz * nx + ix
            t = (ix - (nx - 1) / 2.0, 0.0, iz - (nz - 1) / 2.0)
            trans += struct.pack("<3f", *t)
            for k in range(3):
                tmin[k] = min(tmin[k], f32(t[k]))
                tmax[k] = max(tmax[k], f32(t[k]))
            a = math.radians((i * 9) % 360)
            rot += struct.pack("<4f", 0.0, math.sin(a / 2), 0.0, math.cos(a / 2))
            scale += struct.pack("<3f", 1.0, 1.0, 1.0)
    tv = b.view(bytes(trans), name="instance_translation")
    rv = b.view(bytes(rot), name="instance_rotation")
    sv = b.view(bytes(scale), name="instance_scale")
    ta = b.accessor(tv, FLOAT, n, "VEC3", minv=tmin, maxv=tmax, name="instance_translation")
    ra = b.accessor(rv, FLOAT, n, "VEC4", name="instance_rotation")
    sa = b.accessor(sv, FLOAT, n, "VEC3", name="instance_scale")
    b.node("instanced_cubes", mesh=mesh, extensions={"EXT_mesh_gpu_instancing": {
        "attributes": {"TRANSLATION": ta, "ROTATION": ra, "SCALE": sa}}})
    return b


def scene_instanced():
    b = instancing_scene(10, 10)
    # brief said (0,9,9); at aspect 1 that cuts off the front grid corners, so back off along the same direction
    b.camera((0, 12, 12), (0, 0, 0))
    probes = [
        ("instance_0_back_left", [-4.5, 0, -4.5], "orange", ["orange"], "instance 0 (ix=0, iz=0)"),
        ("instance_99_front_right", [4.5, 0, 4.5], "orange", ["orange"], "instance 99 (ix=9, iz=9)"),
        ("instance_55", [0.5, 0, 0.5], "orange", ["orange"], "instance 55 (ix=5, iz=5)"),
        ("instance_9_back_right", [4.5, 0, -4.5], "orange", ["orange"], "instance 9 (ix=9, iz=0)"),
        ("instance_90_front_left", [-4.5, 0, 4.5], "orange", ["orange"], "instance 90 (ix=0, iz=9)"),
        ("gap_outside_grid", [0, 0, 6.5], "clear", [], "in front of the grid: nothing (clear colour)"),
    ]
    text = ("`EXT_mesh_gpu_instancing` (in extensionsUsed and extensionsRequired). One 0.5 m cube "
            "mesh (material `orange`, (1,0.5,0)) on node `instanced_cubes` with per-instance "
            "TRANSLATION (float VEC3), ROTATION (float VEC4 quaternion) and SCALE (float VEC3, all 1) "
            "accessors. 100 instances in a 10x10 grid, 1 m spacing in X and Z, centred on the origin, "
            "y=0: instance i = iz*10 + ix sits at (ix-4.5, 0, iz-4.5) and is rotated about +Y by "
            "(i*9) mod 360 degrees. There is no ground.\n\n"
            "A correct render shows 100 small orange cubes in a regular grid, each turned a little "
            "more than the previous one; only ONE cube at the origin (or nothing) means the "
            "instancing extension was ignored.")
    return dict(builder=b, probes=probes, text=text)


def scene_instanced_100k():
    b = instancing_scene(400, 250)
    b.camera((0, 160, 230), (0, 0, 0))
    text = ("Benchmark scene: same as `instanced.gltf` but 100,000 instances in a 400 x 250 grid "
            "(ix 0..399 along X, iz 0..249 along Z, 1 m spacing, centred on the origin: x in "
            "-199.5..199.5, z in -124.5..124.5; instance i = iz*400 + ix rotated (i*9) mod 360 deg "
            "about +Y). The buffer is the external file `instanced_100k.bin` (not a data URI). "
            "Camera `main` at (0,160,230) looking at the origin so the whole grid is in view "
            "(cubes are around a pixel wide at 256x256). No probes: it is for timing only.")
    return dict(builder=b, probes=[], text=text, mode="external",
                uri=("instanced_100k.bin", "instanced_100k.bin"))


def scene_shadow_plane():
    b = Builder()
    gm = b.material("ground", (0.8, 0.8, 0.8, 1))
    cm = b.material("caster", (0.9, 0.9, 0.9, 1))
    pos = [[-10, 0, 10], [10, 0, 10], [10, 0, -10], [-10, 0, -10]]
    ground = {"attributes": {"POSITION": b.floats(pos, "VEC3", minmax=True, name="ground_position"),
                             "NORMAL": b.floats([[0, 1, 0]] * 4, "VEC3", name="ground_normal")},
              "indices": b.indices([0, 1, 2, 0, 2, 3], name="ground_indices"), "material": gm}
    b.node("ground", mesh=b.mesh("ground", [ground]))
    prim = b.cube_prim(2.0)
    prim["material"] = cm
    b.node("caster", mesh=b.mesh("caster", [prim]), translation=[0.0, 2.0, 0.0])
    b.camera((0, 10, 12), (0, 0, 0))
    probes = [
        ("ground_origin_shadow", [0, 0, 0], "ground_shadow", ["ground"],
         "under the cube: in shadow with the sun straight overhead (only ~2-3 px below the cube's "
         "bottom edge in the image, see margin)"),
        ("ground_shadow_safe", [0, 0, 0.5], "ground_shadow", ["ground"],
         "also under the cube, with more pixel margin than the origin"),
        ("ground_lit_pos_x", [6, 0, 0], "ground_lit", ["ground"], "open ground, lit"),
        ("ground_lit_neg_x", [-4, 0, -3], "ground_lit", ["ground"], "open ground, lit"),
        ("caster_top", [0, 3, 0], "caster", ["caster"], "top face of the floating cube, lit"),
    ]
    text = ("Shadow test. `ground`: 20x20 m plane at y=0 (x,z in -10..10), two triangles, normals "
            "+Y, grey 0.8. `caster`: 2 m cube centred at (0,2,0) (spans y 1..3, x,z in -1..1, floating "
            "1 m above the ground), light grey 0.9.\n\n"
            "**With the sun straight overhead, ground point (0,0,0) is in shadow and (6,0,0) is lit.** "
            "The shadow is the square x,z in -1..1 on the ground. From the camera most of that square "
            "is hidden behind the cube: the visible part of the shadow is the strip z in about "
            "-0.22..1 just below the cube in the image, so for pixel tests prefer probe "
            "`ground_shadow_safe` (0,0,0.5) over the origin.")
    return dict(builder=b, probes=probes, text=text)


def scene_sparse():
    b = Builder()
    m = b.material("green", (0, 1, 0, 1))
    pos = [[-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, 1, 0]]
    flat = [float(c) for r in pos for c in r]
    pv = b.view(struct.pack("<12f", *flat), target=ARRAY_BUFFER, name="quad_position_base")
    iv = b.view(struct.pack("<H", 2), name="sparse_indices")
    vv = b.view(struct.pack("<3f", 2.5, 2.5, 0.0), name="sparse_values")
    applied = [list(p) for p in pos]
    applied[2] = [2.5, 2.5, 0.0]
    mn = [min(p[i] for p in applied) for i in range(3)]
    mx = [max(p[i] for p in applied) for i in range(3)]
    pa = b.accessor(pv, FLOAT, 4, "VEC3", minv=[float(c) for c in mn], maxv=[float(c) for c in mx],
                    sparse={"count": 1, "indices": {"bufferView": iv, "componentType": USHORT},
                            "values": {"bufferView": vv}}, name="quad_position_sparse")
    prim = {"attributes": {"POSITION": pa,
                           "NORMAL": b.floats([[0, 0, 1]] * 4, "VEC3", name="quad_normal")},
            "indices": b.indices([0, 1, 2, 0, 2, 3], name="quad_indices"), "material": m}
    b.node("sparse_quad", mesh=b.mesh("sparse_quad", [prim]))
    b.camera((0.5, 0.5, 6), (0.5, 0.5, 0))
    probes = [
        ("quad_lower_left", [-0.5, -0.5, 0], "green", ["green"], "inside the original quad"),
        ("sparse_only", [1.8, 1.6, 0], "green", ["green"],
         "covered ONLY if the sparse substitution of vertex 2 was applied"),
        ("outside", [-1.8, 1.6, 0], "clear", [], "never covered"),
    ]
    text = ("Sparse accessor. Quad vertices BL(-1,-1,0), BR(1,-1,0), TR(1,1,0), TL(-1,1,0), "
            "indices 0,1,2, 0,2,3 (uint16), material `green`, facing +Z. The POSITION accessor has a "
            "real base bufferView plus a `sparse` block (count 1, UNSIGNED_SHORT indices) that "
            "replaces vertex 2 (TR) with (2.5,2.5,0), turning the square into a kite that reaches "
            "up to the top-right. Accessor min/max are the sparse-applied values "
            "([-1,-1,0]..[2.5,2.5,0]).\n\n"
            "A correct render shows a green kite: a square whose top-right corner is pulled out to "
            "(2.5,2.5). The pixel around world (1.8,1.6,0) is covered (green) only if the sparse "
            "substitution was applied; a loader that ignores `sparse` leaves it clear.")
    return dict(builder=b, probes=probes, text=text)


def scene_uint8():
    b = Builder()
    m = b.material("purple", (0.6, 0.1, 0.9, 1))
    prim = b.quad_xy(2, 2, index_type=UBYTE, name="quad_u8")
    prim["material"] = m
    b.node("quad", mesh=b.mesh("quad", [prim]))
    b.camera((0, 0, 4), (0, 0, 0))
    probes = [
        ("quad_centre", [0, 0, 0], "purple", ["purple"], "centre"),
        ("quad_top_right", [0.7, 0.7, 0], "purple", ["purple"], "second triangle"),
        ("quad_bottom_right", [0.7, -0.7, 0], "purple", ["purple"], "first triangle"),
        ("outside", [1.5, 0, 0], "clear", [], "right of the quad"),
    ]
    text = ("2x2 quad at z=0 facing +Z (x,y in -1..1), 4 vertices, 6 indices with componentType "
            "UNSIGNED_BYTE (5121), material `purple` (0.6,0.1,0.9). Vulkan needs "
            "VK_EXT_index_type_uint8 or a conversion to uint16 on load.\n\n"
            "A correct render shows a purple square centred in the image.")
    return dict(builder=b, probes=probes, text=text)


def scene_interleaved():
    b = Builder()
    m = b.material("white_vertex_colour", (1, 1, 1, 1))
    corners = [([-1, -1, 0], (0, 65535), (255, 0, 0, 255)),     # BL red
               ([1, -1, 0], (65535, 65535), (0, 255, 0, 255)),  # BR green
               ([1, 1, 0], (65535, 0), (0, 0, 255, 255)),       # TR blue
               ([-1, 1, 0], (0, 0), (255, 255, 255, 255))]      # TL white
    stride = 32
    data = bytearray()
    for p, uv, c in corners:
        data += struct.pack("<3f3f2H4B", *p, 0.0, 0.0, 1.0, *uv, *c)
    assert len(data) == 4 * stride
    v = b.view(bytes(data), target=ARRAY_BUFFER, stride=stride, name="interleaved_vertices")
    mn = [min(f32(c[0][i]) for c in corners) for i in range(3)]
    mx = [max(f32(c[0][i]) for c in corners) for i in range(3)]
    attrs = {"POSITION": b.accessor(v, FLOAT, 4, "VEC3", 0, minv=mn, maxv=mx, name="position"),
             "NORMAL": b.accessor(v, FLOAT, 4, "VEC3", 12, name="normal"),
             "TEXCOORD_0": b.accessor(v, USHORT, 4, "VEC2", 24, normalized=True, name="texcoord_u16n"),
             "COLOR_0": b.accessor(v, UBYTE, 4, "VEC4", 28, normalized=True, name="color_u8n")}
    prim = {"attributes": attrs, "indices": b.indices([0, 1, 2, 0, 2, 3], name="quad_indices"),
            "material": m}
    b.node("interleaved_quad", mesh=b.mesh("interleaved_quad", [prim]))
    b.camera((0, 0, 4), (0, 0, 0))
    W = ["white_vertex_colour"]
    probes = [
        ("near_bottom_left", [-0.85, -0.85, 0], "mostly_red", W, "vertex 0 colour red"),
        ("near_bottom_right", [0.85, -0.85, 0], "mostly_green", W, "vertex 1 colour green"),
        ("near_top_right", [0.85, 0.85, 0], "mostly_blue", W, "vertex 2 colour blue"),
        ("near_top_left", [-0.85, 0.85, 0], "mostly_white", W, "vertex 3 colour white"),
        ("centre", [0, 0, 0], "mix", W, "halfway between red and blue on the shared diagonal"),
    ]
    text = ("Interleaved vertex data: ONE bufferView with byteStride 32 holding, per vertex, "
            "POSITION float VEC3 @0, NORMAL float VEC3 @12, TEXCOORD_0 UNSIGNED_SHORT normalized "
            "VEC2 @24, COLOR_0 UNSIGNED_BYTE normalized VEC4 @28. Quad 2x2 at z=0 facing +Z, "
            "vertex colours: bottom-left (-1,-1) red, bottom-right (1,-1) green, top-right (1,1) "
            "blue, top-left (-1,1) white. Indices 0,1,2, 0,2,3 (diagonal BL-TR). Material "
            "`white_vertex_colour`: base colour white, no textures (TEXCOORD_0 is present but unused).\n\n"
            "A correct render shows a square with a colour gradient: red bottom-left, green "
            "bottom-right, blue top-right, white top-left; the centre is a red/blue mix (purple-ish). "
            "The `albedo` values in probes.json are the exact interpolated vertex colours.")
    return dict(builder=b, probes=probes, text=text)


def scene_multi_material():
    b = Builder()
    red = b.material("red", (1, 0, 0, 1))
    blue = b.material("blue", (0, 0, 1, 1))
    # 6 shared vertices: bottom row x=-1,0,1 then top row x=-1,0,1
    pos = [[-1, -1, 0], [0, -1, 0], [1, -1, 0], [-1, 1, 0], [0, 1, 0], [1, 1, 0]]
    pa = b.floats(pos, "VEC3", minmax=True, name="position")
    na = b.floats([[0, 0, 1]] * 6, "VEC3", name="normal")
    left = {"attributes": {"POSITION": pa, "NORMAL": na},
            "indices": b.indices([0, 1, 4, 0, 4, 3], name="left_indices"), "material": red}
    right = {"attributes": {"POSITION": pa, "NORMAL": na},
             "indices": b.indices([1, 2, 5, 1, 5, 4], name="right_indices"), "material": blue}
    b.node("two_halves", mesh=b.mesh("two_halves", [left, right]))
    b.camera((0, 0, 4), (0, 0, 0))
    probes = [
        ("left_half", [-0.5, 0, 0], "red", ["red"], "primitive 0"),
        ("right_half", [0.5, 0, 0], "blue", ["blue"], "primitive 1"),
    ]
    text = ("One mesh `two_halves` with two primitives sharing the POSITION/NORMAL accessors (6 "
            "vertices) but with their own index accessors: left half x in -1..0 with material "
            "`red`, right half x in 0..1 with material `blue`; y in -1..1, z=0, facing +Z.\n\n"
            "A correct render shows a 2x2 square, left half red and right half blue.")
    return dict(builder=b, probes=probes, text=text)


def scene_emissive():
    b = Builder()
    b.use_ext("KHR_materials_emissive_strength")
    m = b.material("emissive_orange", (0, 0, 0, 1), emissiveFactor=[1.0, 0.5, 0.0],
                   extensions={"KHR_materials_emissive_strength": {"emissiveStrength": 4.0}})
    prim = b.cube_prim(2.0)
    prim["material"] = m
    b.node("cube", mesh=b.mesh("cube", [prim]))
    b.camera(LIT_CUBE_EYE, (0, 0, 0))
    E = ["emissive_orange"]
    probes = [
        ("cube_centre", [0, 0, 0], "emissive_orange", E, "emission (4, 2, 0) before tone mapping"),
        ("face_pos_x_centre", [1, 0, 0], "emissive_orange", E, "all faces equally bright"),
        ("face_pos_y_centre", [0, 1, 0], "emissive_orange", E, "all faces equally bright"),
        ("face_pos_z_centre", [0, 0, 1], "emissive_orange", E, "all faces equally bright"),
    ]
    text = ("Same geometry and camera as lit_cube (2 m cube at the origin) but material "
            "`emissive_orange`: baseColorFactor black, emissiveFactor (1,0.5,0) and "
            "KHR_materials_emissive_strength emissiveStrength 4 (listed in extensionsUsed, not "
            "required). Emitted radiance = (4, 2, 0).\n\n"
            "A correct render shows a uniformly bright orange/yellow cube (all three visible faces "
            "the same colour, independent of light direction; with HDR tone mapping it is brighter "
            "than the plain emissiveFactor). A renderer ignoring the strength extension shows a "
            "dimmer (1,0.5,0) orange; one ignoring emission shows a black cube.")
    return dict(builder=b, probes=probes, text=text)


def scene_separate_bin():
    b, probes = solid_cube_scene("blue", (0, 0, 1, 1), "blue")
    text = ("The lit cube but blue (material `blue`), with the buffer in an external file whose "
            "name contains a space: the file on disk is `separate bin.bin`, the buffer `uri` is "
            "percent-encoded `separate%20bin.bin` (the loader must URI-decode it). Camera as lit_cube.\n\n"
            "A correct render shows a blue cube; the centre pixel is blue.")
    return dict(builder=b, probes=probes, text=text, mode="external",
                uri=("separate%20bin.bin", "separate bin.bin"))


UNICODE_STEM = "\u00fcn\u00efcode_\u540d\u524d"  # "ünïcode_名前" (NFC)


def scene_unicode():
    b, probes = solid_cube_scene("green", (0, 1, 0, 1), "green")
    uri = percent_encode(UNICODE_STEM + ".bin")
    text = ("The lit cube but green (material `green`). The glTF file name is UTF-8 "
            "(`%s.gltf`, NFC), and so is its buffer file `%s.bin`, referenced by the "
            "percent-encoded UTF-8 URI `%s`. Camera as lit_cube.\n\n"
            "A correct render shows a green cube; the centre pixel is green."
            % (UNICODE_STEM, UNICODE_STEM, uri))
    return dict(builder=b, probes=probes, text=text, mode="external",
                uri=(uri, UNICODE_STEM + ".bin"))


SCENES = [
    ("lit_cube.gltf", scene_lit_cube),
    ("textured_quad.gltf", scene_textured_quad),
    ("hierarchy.gltf", scene_hierarchy),
    ("alpha_blend.gltf", scene_alpha_blend),
    ("instanced.gltf", scene_instanced),
    ("instanced_100k.gltf", scene_instanced_100k),
    ("shadow_plane.gltf", scene_shadow_plane),
    ("sparse.gltf", scene_sparse),
    ("uint8_indices.gltf", scene_uint8),
    ("interleaved.gltf", scene_interleaved),
    ("multi_material.gltf", scene_multi_material),
    ("emissive.gltf", scene_emissive),
    ("separate bin.gltf", scene_separate_bin),
    (UNICODE_STEM + ".gltf", scene_unicode),
]


# ---------------------------------------------------------------------------
# loading back + validation
# ---------------------------------------------------------------------------

class CheckError(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise CheckError(msg)


def load_file(path):
    """Parse a .gltf or .glb from disk -> (doc, [buffer bytes])."""
    with open(path, "rb") as f:
        raw = f.read()
    base = os.path.dirname(path)
    glb_bin = None
    if raw[:4] == b"glTF":
        magic, version, length = struct.unpack_from("<III", raw, 0)
        check(version == 2 and length == len(raw), "GLB header length/version")
        clen, ctype = struct.unpack_from("<II", raw, 12)
        check(ctype == 0x4E4F534A and clen % 4 == 0, "GLB JSON chunk")
        doc = json.loads(raw[20:20 + clen].decode("utf-8"))
        off = 20 + clen
        if off < len(raw):
            blen, btype = struct.unpack_from("<II", raw, off)
            check(btype == 0x004E4942 and blen % 4 == 0, "GLB BIN chunk")
            check(off + 8 + blen == len(raw), "GLB trailing bytes")
            glb_bin = raw[off + 8:off + 8 + blen]
    else:
        doc = json.loads(raw.decode("utf-8"))
    buffers = []
    for i, b in enumerate(doc["buffers"]):
        if "uri" not in b:
            check(i == 0 and glb_bin is not None, "buffer without uri outside GLB")
            check(len(glb_bin) - b["byteLength"] in range(0, 4), "GLB BIN size vs byteLength")
            data = glb_bin[:b["byteLength"]]
        elif b["uri"].startswith("data:"):
            head, payload = b["uri"].split(",", 1)
            check(head.endswith(";base64"), "data uri not base64")
            data = base64.b64decode(payload, validate=True)
        else:
            check("%" not in b["uri"] or b["uri"] == percent_encode(percent_decode(b["uri"])),
                  "uri not canonically percent-encoded")
            with open(os.path.join(base, percent_decode(b["uri"])), "rb") as f:
                data = f.read()
        check(len(data) == b["byteLength"], "buffer %d byteLength %d != %d" % (i, b["byteLength"], len(data)))
        buffers.append(data)
    return doc, buffers


def read_accessor(doc, buffers, ai):
    """Decode accessor ai into a list of tuples (normalized -> float), sparse applied."""
    a = doc["accessors"][ai]
    ct, n, cnt = a["componentType"], NUM_COMP[a["type"]], a["count"]
    cs = COMP_SIZE[ct]
    elem = cs * n
    check(a.get("byteOffset", 0) % cs == 0, "accessor %d byteOffset not aligned" % ai)

    def raw_rows(bvi, offset, count, ctype, ncomp):
        bv = doc["bufferViews"][bvi]
        csz = COMP_SIZE[ctype]
        esz = csz * ncomp
        stride = bv.get("byteStride", esz)
        check(bv["byteOffset"] % 4 == 0 if "byteOffset" in bv else True, "bufferView %d not 4-aligned" % bvi)
        check((bv.get("byteOffset", 0) + offset) % csz == 0, "component misaligned (view %d)" % bvi)
        check(stride >= esz and stride % csz == 0, "bad stride on view %d" % bvi)
        check(offset + stride * (count - 1) + esz <= bv["byteLength"], "accessor overruns view %d" % bvi)
        data = buffers[bv["buffer"]]
        check(bv.get("byteOffset", 0) + bv["byteLength"] <= len(data), "view %d overruns buffer" % bvi)
        start = bv.get("byteOffset", 0) + offset
        fmt = "<%d%s" % (ncomp, COMP_FMT[ctype])
        return [struct.unpack_from(fmt, data, start + k * stride) for k in range(count)]

    if "bufferView" in a:
        rows = [list(r) for r in raw_rows(a["bufferView"], a.get("byteOffset", 0), cnt, ct, n)]
    else:
        rows = [[0] * n for _ in range(cnt)]
    if "sparse" in a:
        sp = a["sparse"]
        ic = sp["indices"]["componentType"]
        check(ic in (UBYTE, USHORT, UINT), "sparse index type")
        for view in (sp["indices"]["bufferView"], sp["values"]["bufferView"]):
            bv = doc["bufferViews"][view]
            check("target" not in bv and "byteStride" not in bv, "sparse view with target/stride")
        idx = [r[0] for r in raw_rows(sp["indices"]["bufferView"], sp["indices"].get("byteOffset", 0),
                                      sp["count"], ic, 1)]
        check(all(idx[k] < idx[k + 1] for k in range(len(idx) - 1)), "sparse indices not increasing")
        check(all(i < cnt for i in idx), "sparse index out of range")
        vals = raw_rows(sp["values"]["bufferView"], sp["values"].get("byteOffset", 0), sp["count"], ct, n)
        for i, v in zip(idx, vals):
            rows[i] = list(v)
    if a.get("normalized"):
        check(ct != FLOAT and ct != UINT, "bad normalized type")
        rows = [[max(c / COMP_NORM[ct], -1.0) for c in r] for r in rows]
    return [tuple(r) for r in rows]


def validate(doc, buffers, fname):
    warnings = []
    check(doc["asset"]["version"] == "2.0", "asset.version")
    # buffer views
    for i, bv in enumerate(doc.get("bufferViews", [])):
        check(bv.get("byteOffset", 0) % 4 == 0, "%s: bufferView %d offset not 4-aligned" % (fname, i))
        check(bv.get("byteOffset", 0) + bv["byteLength"] <= len(buffers[bv["buffer"]]),
              "%s: bufferView %d out of buffer" % (fname, i))
        if "byteStride" in bv:
            check(bv["byteStride"] % 4 == 0 and 4 <= bv["byteStride"] <= 252, "stride rule")
            check(bv.get("target") != ELEMENT_ARRAY_BUFFER, "index view with stride")
    # accessors
    decoded = {}
    for i, a in enumerate(doc.get("accessors", [])):
        decoded[i] = read_accessor(doc, buffers, i)
        if "min" in a:
            n = NUM_COMP[a["type"]]
            rows = decoded[i]
            check(a["min"] == [min(r[k] for r in rows) for k in range(n)], "%s: accessor %d min" % (fname, i))
            check(a["max"] == [max(r[k] for r in rows) for k in range(n)], "%s: accessor %d max" % (fname, i))
    names = set()
    for mi, mesh in enumerate(doc.get("meshes", [])):
        check(mesh.get("name"), "mesh without name")
        for p in mesh["primitives"]:
            attrs = p["attributes"]
            pa = doc["accessors"][attrs["POSITION"]]
            check("min" in pa and "max" in pa, "%s: POSITION without min/max" % fname)
            check(pa["type"] == "VEC3" and pa["componentType"] == FLOAT, "POSITION type")
            vcount = pa["count"]
            for sem, ai in attrs.items():
                acc = doc["accessors"][ai]
                check(acc["count"] == vcount, "attribute count mismatch %s" % sem)
                if "bufferView" in acc:
                    bv = doc["bufferViews"][acc["bufferView"]]
                    check(bv.get("target", ARRAY_BUFFER) == ARRAY_BUFFER, "attribute view target")
                    check(acc.get("byteOffset", 0) % 4 == 0, "vertex attribute offset not 4-aligned")
                    if "byteStride" in bv:
                        check(bv["byteStride"] % 4 == 0, "vertex stride not multiple of 4")
            if "indices" in p:
                ia = doc["accessors"][p["indices"]]
                check(ia["type"] == "SCALAR" and ia["componentType"] in (UBYTE, USHORT, UINT), "index type")
                check(doc["bufferViews"][ia["bufferView"]].get("target") == ELEMENT_ARRAY_BUFFER, "index target")
                idx = [r[0] for r in decoded[p["indices"]]]
                check(len(idx) % 3 == 0 and max(idx) < vcount, "%s: index out of range" % fname)
            if "NORMAL" in attrs:
                for r in decoded[attrs["NORMAL"]]:
                    check(abs(math.sqrt(sum(c * c for c in r)) - 1) < 1e-6, "non-unit normal")
            if "material" in p:
                check(p["material"] < len(doc["materials"]), "material index")
    for m in doc.get("materials", []):
        check(m.get("name"), "%s: material without name" % fname)
    for n in doc["nodes"]:
        check(n.get("name"), "%s: node without name" % fname)
        if "mesh" in n:
            names.add(n["name"])
        if "matrix" in n:
            check(not any(k in n for k in ("translation", "rotation", "scale")), "matrix + TRS")
        if "rotation" in n:
            check(abs(sum(c * c for c in n["rotation"]) - 1) < 1e-9, "non-unit node rotation")
        ext = n.get("extensions", {}).get("EXT_mesh_gpu_instancing")
        if ext:
            cnts = {doc["accessors"][ai]["count"] for ai in ext["attributes"].values()}
            check(len(cnts) == 1, "instancing accessor counts differ")
            for ai in ext["attributes"].values():
                check("target" not in doc["bufferViews"][doc["accessors"][ai]["bufferView"]],
                      "instancing view with target")
            for r in decoded[ext["attributes"]["ROTATION"]]:
                check(abs(sum(c * c for c in r) - 1) < 1e-6, "non-unit instance rotation")
    for e in doc.get("extensionsRequired", []):
        check(e in doc.get("extensionsUsed", []), "required extension not used")
    cams = [n for n in doc["nodes"] if n.get("name") == "main"]
    check(len(cams) == 1 and "camera" in cams[0], "%s: camera node main" % fname)
    cam = doc["cameras"][cams[0]["camera"]]
    check(cam["type"] == "perspective" and cam["perspective"] == {"yfov": YFOV, "znear": ZNEAR}, "camera params")
    # every node reachable exactly once from the scene
    seen = []

    def walk(i):
        seen.append(i)
        for c in doc["nodes"][i].get("children", []):
            walk(c)
    for r in doc["scenes"][doc.get("scene", 0)]["nodes"]:
        walk(r)
    check(sorted(seen) == list(range(len(doc["nodes"]))), "node graph not a forest covering all nodes")
    return decoded, warnings


# ---------------------------------------------------------------------------
# world transforms, projection and a tiny ray caster (for the probes)
# ---------------------------------------------------------------------------

def node_local(n):
    if "matrix" in n:
        c = n["matrix"]
        return [[c[j * 4 + i] for j in range(4)] for i in range(4)]  # column-major -> rows
    return trs_matrix(n.get("translation", (0, 0, 0)), n.get("rotation", (0, 0, 0, 1)),
                      n.get("scale", (1, 1, 1)))


def world_matrices(doc):
    out = {}

    def walk(i, parent):
        m = mat_mul(parent, node_local(doc["nodes"][i]))
        out[i] = m
        for c in doc["nodes"][i].get("children", []):
            walk(c, m)
    for r in doc["scenes"][doc.get("scene", 0)]["nodes"]:
        walk(r, mat_identity())
    return out


class Camera:
    def __init__(self, doc, worlds):
        ci = next(i for i, n in enumerate(doc["nodes"]) if n.get("name") == "main")
        m = worlds[ci]
        self.eye = [m[0][3], m[1][3], m[2][3]]
        self.right = norm([m[0][0], m[1][0], m[2][0]])
        self.up = norm([m[0][1], m[1][1], m[2][1]])
        self.back = norm([m[0][2], m[1][2], m[2][2]])
        self.t = math.tan(YFOV / 2)

    def project(self, p):
        d = sub(p, self.eye)
        x, y, z = dot(d, self.right), dot(d, self.up), dot(d, self.back)
        check(-z > ZNEAR, "probe behind camera")
        nx, ny = x / (-z) / self.t, y / (-z) / self.t  # aspect 1
        return [(nx * 0.5 + 0.5) * IMG, (0.5 - ny * 0.5) * IMG]  # y down, origin top-left

    def ray(self, px, py):
        nx = (px + 0.5) / IMG * 2 - 1
        ny = 1 - (py + 0.5) / IMG * 2
        d = add(add(mul(self.right, nx * self.t), mul(self.up, ny * self.t)), mul(self.back, -1))
        return self.eye, norm(d)


def world_triangles(doc, decoded, worlds):
    """List of triangles (v0, v1, v2, flip, material_index, attr_triplets)."""
    tris = []
    for ni, n in enumerate(doc["nodes"]):
        if "mesh" not in n or ni not in worlds:
            continue
        inst = [mat_identity()]
        ext = n.get("extensions", {}).get("EXT_mesh_gpu_instancing")
        if ext:
            at = ext["attributes"]
            T = decoded[at["TRANSLATION"]]
            Rr = decoded[at["ROTATION"]]
            S = decoded[at["SCALE"]]
            inst = [trs_matrix(T[k], Rr[k], S[k]) for k in range(len(T))]
        for ii, im in enumerate(inst):
            m = mat_mul(worlds[ni], im)
            flip = mat_det3(m) < 0
            for pi, p in enumerate(doc["meshes"][n["mesh"]]["primitives"]):
                pos = [mat_point(m, v) for v in decoded[p["attributes"]["POSITION"]]]
                idx = [r[0] for r in decoded[p["indices"]]] if "indices" in p else list(range(len(pos)))
                uv = decoded.get(p["attributes"].get("TEXCOORD_0"))
                col = decoded.get(p["attributes"].get("COLOR_0"))
                for k in range(0, len(idx), 3):
                    tri = idx[k:k + 3]
                    tris.append(([pos[i] for i in tri], flip, p.get("material"),
                                 [uv[i] for i in tri] if uv else None,
                                 [col[i] for i in tri] if col else None, (ni, ii, pi)))
    return tris


def intersect(o, d, tri):
    (a, b, c) = tri
    e1, e2 = sub(b, a), sub(c, a)
    pv = cross(d, e2)
    det = dot(e1, pv)
    if abs(det) < 1e-12:
        return None
    inv = 1.0 / det
    tv = sub(o, a)
    u = dot(tv, pv) * inv
    if u < 0 or u > 1:
        return None
    qv = cross(tv, e1)
    v = dot(d, qv) * inv
    if v < 0 or u + v > 1:
        return None
    t = dot(e2, qv) * inv
    if t <= ZNEAR:
        return None
    return t, u, v


def texel(uv):
    """Nearest / clamp sample of the textured_quad texture."""
    x = min(max(int(math.floor(uv[0] * 64)), 0), 63)
    y = min(max(int(math.floor(uv[1] * 64)), 0), 63)
    return quadrant_texel(x, y)


def trace(doc, tris, o, d):
    """Front-to-back list of (material name, texel|None, rgba albedo) until opaque."""
    hits = []
    for verts, flip, mi, uvs, cols, key in tris:
        r = intersect(o, d, verts)
        if r is None:
            continue
        mat = doc["materials"][mi]
        nrm = cross(sub(verts[1], verts[0]), sub(verts[2], verts[0]))
        if flip:
            nrm = mul(nrm, -1)
        if not mat.get("doubleSided", False) and dot(nrm, d) >= 0:
            continue  # back face culled
        hits.append((r[0], r[1], r[2], mat, uvs, cols, key))
    hits.sort(key=lambda h: h[0])
    # a ray through a shared triangle edge hits both triangles of one primitive: keep one
    dedup = []
    for h in hits:
        if dedup and dedup[-1][6] == h[6] and abs(dedup[-1][0] - h[0]) < 1e-9:
            continue
        dedup.append(h)
    out = []
    for t, u, v, mat, uvs, cols, _key in dedup:
        w = (1 - u - v, u, v)
        pbr = mat.get("pbrMetallicRoughness", {})
        rgba = list(pbr.get("baseColorFactor", [1, 1, 1, 1]))
        tx = None
        if "baseColorTexture" in pbr:
            uv = [sum(w[k] * uvs[k][j] for k in range(3)) for j in range(2)]
            tx = texel(uv)
            rgba = [rgba[j] * tx[j] / 255.0 for j in range(4)]
        if cols:
            c = [sum(w[k] * cols[k][j] for k in range(3)) for j in range(len(cols[0]))]
            rgba = [rgba[j] * (c[j] if j < len(c) else 1.0) for j in range(4)]
        mode = mat.get("alphaMode", "OPAQUE")
        if mode == "MASK" and rgba[3] < mat.get("alphaCutoff", 0.5):
            continue
        out.append((mat["name"], tx, rgba if mode == "BLEND" else rgba[:3] + [1.0]))
        if mode != "BLEND":
            break
    return out


def signature(hits):
    return [(h[0], tuple(h[1])) if h[1] else h[0] for h in hits]


def composite(hits):
    if not hits or hits[-1][2][3] != 1.0:
        return None
    col = [0.0, 0.0, 0.0]
    for _name, _tx, rgba in reversed(hits):
        a = rgba[3]
        col = [rgba[j] * a + col[j] * (1 - a) for j in range(3)]
    return [round(c, 4) for c in col]


def evaluate_probes(fname, doc, decoded, probes, max_margin=8):
    worlds = world_matrices(doc)
    cam = Camera(doc, worlds)
    # camera really looks at its documented target: project target -> centre
    tris = world_triangles(doc, decoded, worlds)
    out = []
    for name, world, expect, want, note in probes:
        if isinstance(world, str):  # "@node": world-space origin of that node
            ni = next(i for i, n in enumerate(doc["nodes"]) if n["name"] == world[1:])
            m = worlds[ni]
            world = [clean(m[0][3]), clean(m[1][3]), clean(m[2][3])]
        pf = [round(c, 6) for c in cam.project(world)]  # 127.9999999 -> 128
        px, py = int(math.floor(pf[0])), int(math.floor(pf[1]))
        check(8 <= px < IMG - 8 and 8 <= py < IMG - 8, "%s/%s: probe outside image" % (fname, name))
        o, d = cam.ray(px, py)
        hits = trace(doc, tris, o, d)
        sig = signature(hits)
        if want is None:  # only "must not be X" kind of probe: record what is there
            check(all("yellow" not in s for s in sig), "%s/%s: unexpected yellow" % (fname, name))
            want_sig = sig
        else:
            want_sig = [(w[0], tuple(w[1])) if isinstance(w, tuple) else w for w in want]
        check(sig == want_sig, "%s/%s: ray sees %r, expected %r" % (fname, name, sig, want_sig))
        # pixel margin: largest r such that the whole (2r+1)^2 block sees the same layers
        margin = 0
        for r in range(1, max_margin + 1):
            ok = True
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    if max(abs(dx), abs(dy)) != r:
                        continue
                    o2, d2 = cam.ray(px + dx, py + dy)
                    if signature(trace(doc, tris, o2, d2)) != sig:
                        ok = False
                        break
                if not ok:
                    break
            if not ok:
                break
            margin = r
        check(margin >= 1, "%s/%s: probe within 1 px of an edge" % (fname, name))
        if want is None:
            expect = "+".join(str(s) for s in sig) if sig else "clear"
        out.append({"name": name, "world": [float(c) for c in world], "pixel": [px, py],
                    "pixel_f": [round(pf[0], 3), round(pf[1], 3)], "expect": expect,
                    "layers": [h[0] for h in hits], "albedo": composite(hits),
                    "margin_px": margin, "note": note})
    return out, cam, worlds


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def fmt_v(v):
    return "(" + ", ".join(("%.4f" % c).rstrip("0").rstrip(".") if isinstance(c, float) else str(c)
                           for c in v) + ")"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(here), "tests", "data")
    os.makedirs(outdir, exist_ok=True)
    written = []
    results = {}
    readme_sections = []

    def write(name, data):
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        written.append(name)

    for fname, fn in SCENES:
        sc = fn()
        b = sc["builder"]
        eye, target, q = b.camera_info
        mode = sc.get("mode", "datauri")
        js, extra, binary = b.finish(mode, sc.get("uri"))
        for k, v in sorted(extra.items()):
            write(k, v)
        write(fname, js)
        files = [fname]
        if fname == "lit_cube.gltf":
            # same scene as GLB: rebuild with no buffer uri
            b2 = scene_lit_cube()["builder"]
            js2, _, bin2 = b2.finish("glb")
            write("lit_cube.glb", glb_bytes(js2, bin2))
            files.append("lit_cube.glb")

        # ---- validate what is on disk, for every file of this scene
        probe_rows = None
        for f in files:
            doc, bufs = load_file(os.path.join(outdir, f))
            decoded, _ = validate(doc, bufs, f)
            if sc["probes"]:
                rows, cam, worlds = evaluate_probes(f, doc, decoded, sc["probes"])
                if probe_rows is None:
                    probe_rows = rows
                else:
                    check(rows == probe_rows, "GLB and glTF probes differ")
            else:
                worlds = world_matrices(doc)
                cam = Camera(doc, worlds)
            c = cam.project(target)
            check(abs(c[0] - IMG / 2) < 1e-6 and abs(c[1] - IMG / 2) < 1e-6,
                  "%s: camera does not look at its target" % f)
        if probe_rows:
            results[fname] = probe_rows
            if fname == "lit_cube.gltf":
                results["lit_cube.glb"] = probe_rows

        # ---- README section
        s = ["## `%s`%s\n" % (fname, " (and `lit_cube.glb`)" if fname == "lit_cube.gltf" else "")]
        if fname == "lit_cube.gltf":
            s.append("`lit_cube.glb` is the identical scene in a GLB container (JSON + BIN chunk, "
                     "buffer without uri).\n")
        extra_files = sorted(extra)
        s.append(sc["text"] + "\n")
        s.append("Buffer: %s.\n" % ("embedded base64 data URI" if mode == "datauri" else
                                    "external file " + ", ".join("`%s`" % e for e in extra_files)))
        s.append("Camera `main`: at %s looking at %s (rotation quaternion xyzw %s); perspective "
                 "yfov 0.8, znear 0.1, infinite far, aspect from the viewport.\n"
                 % (fmt_v([float(c) for c in eye]), fmt_v([float(c) for c in target]),
                    fmt_v([round(c, 6) for c in q])))
        if "centres" in sc:
            s.append("World-space centres of the cubes (computed from the node transforms):\n")
            s.append("| node | world centre | cube edge (world) | colour |")
            s.append("|---|---|---|---|")
            for nn in sc["centres"]:
                ni = next(i for i, n in enumerate(doc["nodes"]) if n["name"] == nn)
                m = worlds[ni]
                ctr = [clean(m[0][3]), clean(m[1][3]), clean(m[2][3])]
                edge = math.sqrt(sum(m[r][0] ** 2 for r in range(3)))
                mat = doc["materials"][doc["meshes"][doc["nodes"][ni]["mesh"]]["primitives"][0]["material"]]
                s.append("| `%s` | %s | %g | %s |" % (nn, fmt_v(ctr), edge, mat["name"]))
            s.append("")
        if probe_rows:
            s.append("Probes (256x256 render from `main`):\n")
            s.append("| probe | world point | pixel (x,y) in 256x256 | margin px | expected | layers front-to-back |")
            s.append("|---|---|---|---|---|---|")
            for r in probe_rows:
                s.append("| %s | %s | (%d, %d) | %d | %s | %s |" % (
                    r["name"], fmt_v(r["world"]), r["pixel"][0], r["pixel"][1], r["margin_px"],
                    r["expect"], " > ".join(r["layers"]) if r["layers"] else "(nothing: clear colour)"))
            s.append("")
        readme_sections.append("\n".join(s))

    # probes.json
    write("probes.json", (json.dumps(results, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode())

    head = """# Test scenes (generated)

Everything in this directory except `bad/` is written by `tools/make_test_scenes.py`
(Python 3 stdlib only, deterministic: re-running it produces byte-identical files).
Do not edit these files by hand; change the script and re-run:

    python3 tools/make_test_scenes.py            # writes tests/data/
    python3 tools/make_test_scenes.py /tmp/out   # or anywhere else

Conventions: metres, +Y up, right-handed; glTF cameras look down their local -Z.
Every scene has exactly one perspective camera on a node named `main`
(yfov 0.8 rad, znear 0.1, no zfar, no aspectRatio), whose rotation the script computes
with a look-at (world up +Y). Materials are dielectric (metallic 0, roughness 0.6)
unless stated, so colours read clearly under a sun. Buffers are base64 data URIs
unless stated.

## Probes

For each scene the tables below (and `probes.json`, machine-readable) list probe points:

* `world`: a world-space point; `pixel`: the integer pixel (x, y) that contains its
  projection in a **256x256** render from `main` (aspect 1, yfov 0.8, Vulkan-style
  image space: origin at the top-left corner, +y down; `pixel = floor(pixel_f)`, where
  pixel centres are at +0.5).
* `expect`: what a correct render shows there (a colour word, `clear` = nothing
  drawn, i.e. the clear colour / sky, or a layer description for blending).
* `layers`: the surfaces a ray through that pixel centre passes, front to back, up to
  the first opaque one (back faces culled for single-sided materials, MASK fragments
  below the cutoff discarded). These are not guesses: the script decodes the written
  files and ray casts each probe pixel.
* `margin_px`: the largest r (capped at 8) such that every pixel in the
  (2r+1)x(2r+1) block around `pixel` sees the same layers - i.e. how much
  rasterisation/AA slack a test has. Prefer sampling a small block, not one pixel.
* `albedo` (probes.json only): the unlit, linear expected base colour at the pixel
  centre after correct back-to-front blending (base colour factor x texture x vertex
  colour); lighting, emission and tone mapping are NOT applied, so compare hues /
  dominant channels rather than exact values.

`probes.json` has the form
`{"scene.gltf": [{"name", "world", "pixel", "pixel_f", "expect", "layers", "albedo", "margin_px", "note"}]}`.
"""
    readme = head + "\n" + "\n".join(readme_sections)
    write("README.md", readme.encode("utf-8"))

    for n in written:
        print("wrote", os.path.join(outdir, n))


if __name__ == "__main__":
    try:
        main()
    except CheckError as e:
        print("SELF-CHECK FAILED:", e, file=sys.stderr)
        sys.exit(1)
