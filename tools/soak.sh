#!/usr/bin/env bash
# Soak: the campus window plays the presentation tour under Xvfb with the validation layer on
# for MINUTES (default 30), while the simulation's values stream in over MQTT (QoS 1) and the
# broker is restarted twice (at a third and two thirds of the run). A `monitor` with a persistent
# session stores every value in a SQLite historian. Afterwards it checks:
#   - the window exits 0: no validation message in the whole run;
#   - its resident memory after warm-up (the first 20 %, at least 2 minutes) grows by less than 5 %;
#   - every value the publisher had acknowledged is in the historian exactly once.
# Figures and the RSS samples go to out/soak/ (summary.txt, rss.csv); exit 1 when a check fails.
#   tools/soak.sh [MINUTES]          (build/ must be built: tools/run-tests.sh or cmake --build build)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
exe="$PWD/build/bin/campus-twin"
[ -x "$exe" ] || { echo "soak: build/bin/campus-twin is missing; build first (cmake --build build)"; exit 2; }
for tool in xvfb-run mosquitto python3; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || { echo "soak: needs $tool (tools/install-deps.sh)"; exit 2; }
done
mosquitto_exe=$(command -v mosquitto || echo /usr/sbin/mosquitto)

out="$PWD/out/soak"
rm -rf "$out"
mkdir -p "$out"
work=$(mktemp -d /tmp/ct-soak.XXXXXX)
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$work/xdg}"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export XDG_CONFIG_HOME="$work/config" LP_NUM_THREADS="${LP_NUM_THREADS:-2}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
seconds=$((minutes * 60))

cat >"$work/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
# Sessions and queued QoS 1 messages survive a restart (saved on SIGTERM).
persistence true
persistence_location $work/
# Run as whoever runs the soak (mosquitto started as root otherwise drops to the 'mosquitto'
# user, which cannot write the private folder above, and every save fails).
user $(id -un)
max_queued_messages 0
CONF
broker_pid=""
start_broker() {
  "$mosquitto_exe" -c "$work/mosquitto.conf" >>"$out/mosquitto.log" 2>&1 &
  broker_pid=$!
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "soak: mosquitto did not start on port $port"; exit 1
}
stop_broker() { kill -TERM "$broker_pid" 2>/dev/null || true; wait "$broker_pid" 2>/dev/null || true; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_broker
  rm -rf "$work"
}
trap cleanup EXIT

points='[{"topic": "campus/+/+", "entity": "{1}", "quantity": "{2}"},
         {"topic": "campus/+/+/+", "entity": "{1}/{2}", "quantity": "{3}"}]'
cat >"$work/historian_binding.json" <<JSON
{"mqtt": {"qos": 1, "client_id": "ct-soak-historian", "persistent_session": true,
          "reconnect_min_s": 1, "reconnect_max_s": 2},
 "points": $points}
JSON
cat >"$work/window_binding.json" <<JSON
{"mqtt": {"qos": 1, "reconnect_min_s": 1, "reconnect_max_s": 2}, "points": $points}
JSON

start_broker
scenario=scenarios/abilene.json
# The historian: the twin at 1 simulated minute per second, longer than the stream.
"$exe" monitor --scenario "$scenario" --telemetry "$work/historian_binding.json" --broker "127.0.0.1:$port" \
  --historian "$out/historian.db" --start 2026-07-15T00:00 --hours $(( (seconds + 90) / 60 )) --step 60 --speed 60 \
  --out /dev/null 2>"$out/monitor.log" &
monitor_pid=$!
pids+=("$monitor_pid")
sleep 3
# The window: presentation mode, the shipped tour looping, validation on.
xvfb-run -a -s "-screen 0 1280x720x24 -noreset" "$exe" --validate render --scenario "$scenario" --presentation \
  --telemetry "$work/window_binding.json" --broker "127.0.0.1:$port" --width 960 --height 540 \
  --seconds "$seconds" >"$out/window.log" 2>&1 &
window_pid=$!
pids+=("$window_pid")
# The stream: every quantity of the campus once a simulated minute, one minute per second, until
# a minute before the window closes.
stream_minutes=$(( seconds - 60 ))
"$exe" publish --scenario "$scenario" --broker "127.0.0.1:$port" --qos 1 --start 2026-07-15T00:00 \
  --hours "$(python3 -c "print($stream_minutes / 60)")" --step 60 --speed 60 2>"$out/publish.log" &
publish_pid=$!
pids+=("$publish_pid")

# Resident memory of the window's process every 5 s; the broker restarts at 1/3 and 2/3.
echo "seconds,rss_kb" >"$out/rss.csv"
start=$(date +%s)
restarts=0
viewer_pid=""
while kill -0 "$window_pid" 2>/dev/null; do
  now=$(( $(date +%s) - start ))
  # The viewer itself, not the xvfb-run shell around it (whose command line names it too).
  [ -n "$viewer_pid" ] || viewer_pid=$(pgrep -n -f "^$exe --validate render" || true)
  if [ -n "$viewer_pid" ] && [ -r "/proc/$viewer_pid/status" ]; then
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$viewer_pid/status" 2>/dev/null || true)
    [ -n "$rss" ] && echo "$now,$rss" >>"$out/rss.csv"
  fi
  if [ $restarts -lt 2 ] && [ "$now" -ge $(( seconds * (restarts + 1) / 3 )) ]; then
    echo "restart $((restarts + 1)) of the broker at ${now} s" >>"$out/restarts.log"
    stop_broker
    sleep 3
    start_broker
    restarts=$((restarts + 1))
  fi
  sleep 5
done
window_rc=0; wait "$window_pid" || window_rc=$?
publish_rc=0; wait "$publish_pid" || publish_rc=$?
monitor_rc=0; wait "$monitor_pid" || monitor_rc=$?
pids=()

python3 - "$out" "$window_rc" "$publish_rc" "$monitor_rc" "$restarts" "$minutes" <<'PY'
import re, sqlite3, statistics, sys
out, window_rc, publish_rc, monitor_rc, restarts, minutes = sys.argv[1], *map(int, sys.argv[2:7])
lines, failed = [], False
def check(ok, text):
    global failed
    failed |= not ok
    lines.append(("ok   " if ok else "FAIL ") + text)

window_log = open(f"{out}/window.log", errors="replace").read()
validation = [l for l in window_log.splitlines() if "Validation" in l or "validation error" in l]
check(window_rc == 0 and not validation,
      f"window exit {window_rc}, {len(validation)} validation line(s) in {minutes} min")
samples = [tuple(map(int, l.split(","))) for l in open(f"{out}/rss.csv").read().split()[1:]]
total = max((t for t, _ in samples), default=0)
warm = max(120, total // 5)
after = [r for t, r in samples if warm <= t < warm + 60]
last = [r for t, r in samples if t >= total - 60]
if after and last:
    base, end = statistics.median(after), statistics.median(last)
    growth = 100.0 * (end - base) / base
    check(growth < 5.0, f"resident memory after warm-up ({warm} s): {base / 1024:.0f} MiB, at the end "
                        f"{end / 1024:.0f} MiB: {growth:+.2f} % (limit 5 %); peak {max(r for _, r in samples) / 1024:.0f} MiB")
else:
    check(False, f"too few memory samples ({len(samples)}) for a run of {total} s")
publish_log = open(f"{out}/publish.log", errors="replace").read()
m = re.search(r"(\d+) values published .* (\d+) delivered", publish_log)
published = int(m.group(1)) if m else -1
delivered = int(m.group(2)) if m else -1
check(publish_rc == 0 and published > 0 and delivered >= published,
      f"publisher exit {publish_rc}: {published} values published, {delivered} acknowledged by the broker")
db = sqlite3.connect(f"{out}/historian.db")
measured = db.execute("SELECT COUNT(*) FROM samples WHERE provenance = 'measured'").fetchone()[0]
distinct = db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT series, time FROM samples WHERE provenance = 'measured')").fetchone()[0]
check(measured == published and distinct == measured,
      f"historian: {measured} measured values stored, {distinct} distinct (series, time); published {published}")
check(restarts == 2, f"broker restarted {restarts} times")
check(monitor_rc == 0, f"monitor exit {monitor_rc}: {open(f'{out}/monitor.log', errors='replace').read().strip().splitlines()[-1:]}")
summary = "\n".join(lines)
print(summary)
open(f"{out}/summary.txt", "w").write(summary + "\n")
sys.exit(1 if failed else 0)
PY
