#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, -fsanitize=fuzzer,address,undefined) in build-fuzz/ and
# runs each for SECONDS (default 60), two at a time, from the seeds in the repository plus
# whatever corpus earlier runs kept in build-fuzz/corpus/. Before fuzzing, every seed and
# regression input is run once. An input that crashes, leaks, times out or runs out of memory is
# written to build-fuzz/artifacts/<target>/ and the script exits 1; make it a regression case
# (fuzz/README.md says how).
#   tools/fuzz.sh [SECONDS] [TARGET...]      targets: gltf glb scenario tour binding
#                                            telemetry_csv mqtt_payload weather command_line
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
all=(gltf glb scenario tour binding telemetry_csv mqtt_payload weather command_line)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCT_FUZZ=ON \
  -DCT_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build-fuzz -j2 --target $(printf 'fuzz_%s ' "${targets[@]}")

# The seeds of each target, one path a line (some names hold spaces): files already in the
# repository, small, one idea each.
seeds_of() {
  case "$1" in
    gltf) ls -1 tests/data/*.gltf tests/data/bad/*.gltf tests/data/khronos/*.gltf ;;
    glb) ls -1 tests/data/*.glb tests/data/bad/*.glb ;;
    scenario) ls -1 scenarios/abilene.json tests/data/bad_scenarios/*.json tests/data/exit_codes/broken_model.json ;;
    tour) ls -1 scenarios/abilene_tour.json tests/data/exit_codes/*tour*.json ;;
    binding) ls -1 tests/data/telemetry/*.json tests/data/telemetry/bad_bindings/*.json ;;
    telemetry_csv) ls -1 tests/data/telemetry/*.csv ;;
    mqtt_payload) ls -1 fuzz/seeds/mqtt_payload/* ;;
    weather) ls -1 tests/data/weather/*.csv ;;
    command_line) ls -1 fuzz/seeds/command_line/* ;;
  esac
  # Inputs a fuzzer once broke, kept so they stay fixed.
  if [ -d "fuzz/regressions/$1" ]; then ls -1d fuzz/regressions/"$1"/*; fi
}

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The gltf harness reads files beside the input; the temporary folders go with each process.
run_target() {
  local target=$1 exe=build-fuzz/bin/fuzz_$1
  local corpus=build-fuzz/corpus/$1 artifacts=build-fuzz/artifacts/$1/ log=build-fuzz/logs/$1.log
  mkdir -p "$corpus" "$artifacts" build-fuzz/logs
  local dict=()
  case "$target" in gltf|scenario|tour|binding|mqtt_payload) dict=(-dict=fuzz/json.dict) ;; esac
  local seeds=()
  mapfile -t seeds < <(seeds_of "$target")
  # Every seed once, as a plain run: a seed that fails is a regression, not a discovery.
  if ! "$exe" -close_fd_mask=3 -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$artifacts" "${seeds[@]}" \
       >"$log" 2>&1; then
    echo "fuzz_$target: a seed or regression input fails (see $log)"
    return 1
  fi
  for seed in "${seeds[@]}"; do cp -n "$seed" "$corpus/" 2>/dev/null || true; done
  if "$exe" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" >>"$log" 2>&1; then
    echo "fuzz_$target: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n1) runs in ${seconds} s, nothing found (corpus $(ls "$corpus" | wc -l) files)"
  else
    echo "fuzz_$target: FOUND a failing input in $artifacts (log: $log)"
    grep -m3 -E 'ERROR|runtime error|gave an|Abort|deadly|Timeout|out-of-memory' "$log" | sed 's/^/    /'
    return 1
  fi
}

status=0
running=0
pids=()
names=()
for target in "${targets[@]}"; do
  run_target "$target" &
  pids+=($!)
  names+=("$target")
  running=$((running + 1))
  if [ $running -ge 2 ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
    running=$((running - 1))
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
rm -rf /tmp/ct-fuzz-* 2>/dev/null || true
exit $status
