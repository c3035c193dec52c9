#!/usr/bin/env bash
# The README's run command: installs what is missing, builds Release, and runs the twin: a
# window where a display is available, otherwise a headless render written to out/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/ct-xdg.XXXXXX)}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2 --target campus-twin
exec ./build/bin/campus-twin view assets/demo/campus_block.gltf --camera overview --sun-azimuth 240 --sun-elevation 40 "$@"
