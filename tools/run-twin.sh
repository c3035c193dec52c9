#!/usr/bin/env bash
# The README's run command: installs what is missing, builds Release, and runs the twin on the
# Abilene campus. With a display: the live campus in a window with its panels (extra arguments
# go to `campus-twin render`). Without one: a still of the build-out, then the guided campus
# tour rendered headless to MP4, both in out/ with their paths printed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/ct-xdg.XXXXXX)}"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2 --target campus-twin
twin=./build/bin/campus-twin
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$twin" render --scenario scenarios/abilene.json "$@"
fi
mkdir -p out
"$twin" render --scenario scenarios/abilene.json --camera overview --sun-azimuth 230 --sun-elevation 35 \
  --tracker-tilt 30 --out out/campus_overview.png "$@"
# 960x540 at 15 frames a second keeps a CPU-only (lavapipe) machine to a few minutes.
exec "$twin" tour --scenario scenarios/abilene.json --tour scenarios/abilene_tour.json \
  --out out/campus_tour.mp4 --width 960 --height 540 --fps 15
