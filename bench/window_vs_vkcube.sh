#!/usr/bin/env bash
# The window against the lavapipe floor (issue 16's targets): vkcube (vulkan-tools: one textured
# cube, immediate present) and campus-twin's window, each at the same size under one Xvfb server,
# measured in the same run so that the ratios hold on a machine whose speed drifts.
#   bench/window_vs_vkcube.sh [BUILD_DIR] [WIDTH] [HEIGHT]
# Prints milliseconds a frame for each case and its ratio to vkcube's. vkcube's frame is the
# difference of a long and a short run over their frame counts (its start-up cancels out); the
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
    short=$(seconds vkcube --present_mode 0 --width "$width" --height "$height" --c 30)
    long=$(seconds vkcube --present_mode 0 --width "$width" --height "$height" --c 150)
    echo "vkcube $(awk -v s="$short" -v l="$long" 'BEGIN { print (l - s) * 1000 / 120 }')"
    window() {  # name, then campus-twin's arguments
        local name=$1; shift
        local ms
        ms=$("$twin" "$@" --width "$width" --height "$height" --frames 40 --stats 2>&1 |
             sed -n 's/^stats: mean of [0-9]* frames: \([0-9.]*\) ms a frame.*/\1/p' | tail -n +2 |
             awk '{ s += $1; n += 1 } END { if (n) printf "%.1f", s / n }')
        echo "$name ${ms:-nan}"
    }
    window lit-cube view "$here/tests/data/lit_cube.gltf"
    window build-out-draft render --scenario "$here/scenarios/abilene.json" --quality draft
    window build-out-standard render --scenario "$here/scenarios/abilene.json" --quality standard
}
export -f inside
export here twin width height
results=$(xvfb-run -a -s "-screen 0 ${width}x${height}x24" bash -c inside)
floor=$(echo "$results" | awk '$1 == "vkcube" { print $2 }')
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, ${width}x${height}, $(vulkaninfo --summary 2>/dev/null | sed -n 's/^ *deviceName *= *//p' | head -1)"
echo "$results" | awk -v floor="$floor" '{ printf "%-20s %8.1f ms a frame  %5.2fx vkcube\n", $1, $2, $2 / floor }'
