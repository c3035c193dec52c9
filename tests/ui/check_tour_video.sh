#!/usr/bin/env bash
# Renders the first seconds of the shipped tour headless to MP4 and checks with ffprobe that the
# video has the size, frame rate and duration asked for.
#   check_tour_video.sh CAMPUS_TWIN SCENARIO TOUR OUT_DIR
set -euo pipefail
campus_twin=$1 scenario=$2 tour=$3 out_dir=$4
mkdir -p "$out_dir"
video="$out_dir/tour_check.mp4"
rm -f "$video"
"$campus_twin" --validate tour --scenario "$scenario" --tour "$tour" --out "$video" \
  --width 320 --height 180 --fps 5 --max-seconds 8
probe=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height,r_frame_rate \
  -show_entries format=duration -of json "$video")
echo "$probe"
python3 - "$probe" <<'PY'
import json, sys
p = json.loads(sys.argv[1])
s = p["streams"][0]
duration = float(p["format"]["duration"])
assert (s["width"], s["height"]) == (320, 180), f"size {s['width']}x{s['height']}, expected 320x180"
assert s["r_frame_rate"] == "5/1", f"frame rate {s['r_frame_rate']}, expected 5/1"
assert abs(duration - 8.0) < 0.25, f"duration {duration} s, expected 8 s"
print("tour video: 320x180, 5 fps, %.2f s" % duration)
PY
