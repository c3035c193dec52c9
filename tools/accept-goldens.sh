#!/usr/bin/env bash
# Accepts new golden images: re-renders every golden test with CT_UPDATE_GOLDENS=1, which
# writes the renders over tests/golden/*.png. Look at `git diff --stat tests/golden` and open the
# changed PNGs before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" -j2 --target ct_test_render
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/ct-xdg.XXXXXX)}"
CT_UPDATE_GOLDENS=1 LP_NUM_THREADS=2 ctest --test-dir "$build" -R '^golden:' --output-on-failure
git status --short tests/golden
