#!/usr/bin/env bash
# The README's run command: installs what is missing, builds Release, and runs the twin on the
# Abilene campus at build-out: a window where a display is available, otherwise a headless
# render written to out/ (its path is printed). Extra arguments go to `campus-twin render`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/ct-xdg.XXXXXX)}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2 --target campus-twin
exec ./build/bin/campus-twin render --scenario scenarios/abilene.json --camera overview \
  --sun-azimuth 230 --sun-elevation 35 --tracker-tilt 30 "$@"
