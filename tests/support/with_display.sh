#!/usr/bin/env bash
# Runs a test that needs a display: under its own Xvfb server when xvfb-run is installed (the
# same screen on every machine), else on the display the environment names, else not at all:
# exit 77, which ctest reports as skipped (SKIP_RETURN_CODE), never as passed.
#   with_display.sh WIDTHxHEIGHT -- COMMAND [ARGS...]
set -u
screen="$1"
shift
[ "${1:-}" = "--" ] && shift
if command -v xvfb-run >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1; then
  # -noreset: a test opens several windows in turn, and a server that resets when the last
  # client leaves may refuse the next one while it does.
  exec xvfb-run -a -s "-screen 0 ${screen}x24 -noreset" "$@"
fi
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$@"
fi
echo "SKIPPED: no xvfb-run and no DISPLAY or WAYLAND_DISPLAY; this test needs a display" >&2
exit 77
