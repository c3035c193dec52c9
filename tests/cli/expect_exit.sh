#!/usr/bin/env bash
# Runs a command and checks how it ended: the exit code, the number of lines on stderr that are
# not Vulkan device banners, and a text that stderr (or stdout) must contain.
# usage: expect_exit.sh CODE STDERR_LINES|any SUBSTRING -- COMMAND...
set -u
code=$1; lines=$2; substring=$3; shift 4
err=$(mktemp); out=$(mktemp)
"$@" >"$out" 2>"$err"
actual=$?
# The device banner is informative output, not part of the error report.
grep -v '^Vulkan device ' "$err" > "$err.filtered"
count=$(wc -l < "$err.filtered")
fail=0
if [ "$actual" -ne "$code" ]; then echo "exit code $actual, expected $code"; fail=1; fi
if [ "$lines" != "any" ] && [ "$count" -ne "$lines" ]; then echo "stderr has $count lines, expected $lines"; fail=1; fi
if [ -n "$substring" ] && ! grep -qF -- "$substring" "$err" "$out"; then echo "output lacks: $substring"; fail=1; fi
if [ $fail -ne 0 ]; then echo "--- stderr:"; cat "$err"; echo "--- stdout:"; cat "$out"; fi
rm -f "$err" "$err.filtered" "$out"
exit $fail
