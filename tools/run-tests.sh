#!/usr/bin/env bash
# The README's test command: installs what is missing, builds (warnings are errors), and runs
# every test through ctest with the Khronos validation layer on (tests that need a display run
# under Xvfb); then builds the sanitized variant and runs the bad-input tests and the Vulkan
# context's release tests under AddressSanitizer and UBSan; then runs every fuzzer briefly.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/ct-xdg.XXXXXX)}"
[ -d "$XDG_RUNTIME_DIR" ] || mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export LP_NUM_THREADS=2
jobs=2

echo "== build and test (Release, validation on)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCT_WARNINGS_AS_ERRORS=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== bad input and partial construction under AddressSanitizer and UBSan"
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DCT_SANITIZE=ON -DCT_WARNINGS_AS_ERRORS=ON \
      -DCT_BUILD_BENCH=OFF -DCT_BUILD_WINDOW=OFF
cmake --build build-sanitize -j"$jobs" --target campus-twin ct_test_scene ct_test_twin ct_test_vk
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -L "bad-input|scene|twin"
# A Context whose construction fails part-way, under the sanitizers and the leak checker too.
ctest --test-dir build-sanitize --output-on-failure -R "releases its instance|gives back every host allocation"

echo "== fuzzers, ${CT_FUZZ_SECONDS:-15} s each (tools/fuzz.sh; longer runs: tools/fuzz.sh 600)"
bash tools/fuzz.sh "${CT_FUZZ_SECONDS:-15}"
