#!/usr/bin/env bash
# The window against the lavapipe floor (issue 16's targets): vkcube (vulkan-tools: one textured
# cube, immediate present) and campus-twin's window, each at the same size under one Xvfb server,
# measured in the same run so that the ratios hold on a machine whose speed drifts.
#   bench/window_vs_vkcube.sh [BUILD_DIR] [WIDTH] [HEIGHT]
# Prints milliseconds a frame for each case and its ratio to vkcube's. vkcube's frame is the
# difference of a long and a short run (600 and 60 frames) over the frames between (its start-up cancels out); the
# window's is the mean its --stats reports over the frames after the first (pipelines built).
set -euo pipefail
build=${1:-build}
width=${2:-1920}
height=${3:-1080}
here=$(cd "$(dirname "$0")/.." && pwd)
twin="$here/$build/bin/campus-twin"
for tool in vkcube xvfb-run awk "$twin"; do
    command -v "$tool" > /dev/null || { echo "window_vs_vkcube: $tool not found" >&2; exit 2; }
done
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)} LP_NUM_THREADS=${LP_NUM_THREADS:-2}

inside() {  # runs under the Xvfb server: the cases, one line each, "name ms"
    seconds() {
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null 2>&1
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
    }
    short=$(seconds vkcube --present_mode 0 --width "$width" --height "$height" --c 60)
    long=$(seconds vkcube --present_mode 0 --width "$width" --height "$height" --c 600)
    echo "vkcube $(awk -v s="$short" -v l="$long" 'BEGIN { print (l - s) * 1000 / 540 }')"
    window() {  # name, frames, then campus-twin's arguments (enough frames for a few of
                # --stats' two-second reports after the first)
        local name=$1 frames=$2
        shift 2
        local ms
        ms=$("$twin" "$@" --width "$width" --height "$height" --frames "$frames" --stats 2>&1 |
             sed -n 's/^stats: mean of [0-9]* frames: \([0-9.]*\) ms a frame.*/\1/p' | tail -n +2 |
             awk '{ s += $1; n += 1 } END { if (n) printf "%.1f", s / n }')
        echo "$name ${ms:-nan}"
    }
    window lit-cube 100 view "$here/tests/data/lit_cube.gltf"
    window build-out-draft 30 render --scenario "$here/scenarios/abilene.json" --quality draft
    window build-out-standard 15 render --scenario "$here/scenarios/abilene.json" --quality standard
}
# Under the server, this script again in its inner mode (xvfb-run's /bin/sh passes no bash
# functions on).
if [ "${CT_WINDOW_BENCH_INSIDE:-}" = 1 ]; then
    inside
    exit 0
fi
results=$(CT_WINDOW_BENCH_INSIDE=1 xvfb-run -a -s "-screen 0 ${width}x${height}x24" "$0" "$build" "$width" "$height")
floor=$(echo "$results" | awk '$1 == "vkcube" { print $2 }')
device=$(vulkaninfo --summary 2>/dev/null | grep -m1 deviceName | sed 's/.*= *//' || true)
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, ${width}x${height}, ${device:-device unknown}"
echo "$results" | awk -v floor="$floor" '{ printf "%-20s %8.1f ms a frame  %5.2fx vkcube\n", $1, $2, $2 / floor }'
