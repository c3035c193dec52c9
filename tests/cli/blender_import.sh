#!/usr/bin/env bash
# Imports an exported campus into Blender, headless, with Blender's own glTF importer, and checks
# that the entities arrived: an object named by each entity id given, its id also in the object's
# custom property "entity" (the node's extras). Runs only where `blender` is on PATH; elsewhere it
# exits 77, which ctest reports as skipped (SKIP_RETURN_CODE), never as passed.
#   blender_import.sh FILE.glb ENTITY_ID...
set -u
if ! command -v blender >/dev/null 2>&1; then
  echo "SKIPPED: blender is not on PATH; this test imports the exported campus into Blender" >&2
  exit 77
fi
# --python-exit-code: an exception in the script fails the run (Blender exits 0 otherwise).
read -r -d '' script <<'PY'
import sys
import bpy
args = sys.argv[sys.argv.index("--") + 1:]
path, entities = args[0], args[1:]
bpy.ops.wm.read_factory_settings(use_empty=True)
result = bpy.ops.import_scene.gltf(filepath=path)
if "FINISHED" not in result:
    raise RuntimeError("import of %s ended %s" % (path, result))
objects = {o.name: o for o in bpy.data.objects}
for entity in entities:
    if entity not in objects:
        raise RuntimeError("no object named %s among %d imported" % (entity, len(objects)))
    if objects[entity].get("entity") != entity:
        raise RuntimeError("object %s has entity property %r" % (entity, objects[entity].get("entity")))
print("blender %s imported %s: %d objects, %d meshes, %d materials" % (
    bpy.app.version_string, path, len(bpy.data.objects), len(bpy.data.meshes), len(bpy.data.materials)))
PY
exec blender --background --factory-startup --python-exit-code 1 --python-expr "$script" -- "$@"
