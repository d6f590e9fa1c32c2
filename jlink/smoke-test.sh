#!/usr/bin/env bash
# Starts the packaged launcher with --smoke (open the sample project, generate one frame on CPU,
# exit) in a throw-away home folder and checks what it wrote. Needs no display.
set -euo pipefail
image="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work/home"
launcher="$image/bin/fvstudio"
[ -x "$launcher" ] || { echo "smoke: no launcher at $launcher" >&2; exit 1; }

export HOME="$work/home"
export ORT_DISABLE_TELEMETRY=1
export DJL_OFFLINE=true
unset DISPLAY

if ! "$launcher" --smoke --out "$work/out" > "$work/smoke.log" 2>&1; then
  echo "smoke: launcher failed; its output:" >&2
  cat "$work/smoke.log" >&2
  exit 1
fi
frame="$work/out/frame.png"
[ -s "$frame" ] || { echo "smoke: $frame was not written" >&2; cat "$work/smoke.log" >&2; exit 1; }
signature=$(head -c 8 "$frame" | od -An -tx1 | tr -d ' \n')
[ "$signature" = "89504e470d0a1a0a" ] || { echo "smoke: $frame is not a PNG" >&2; exit 1; }
grep -q "smoke: ok" "$work/smoke.log" || { echo "smoke: no success line" >&2; cat "$work/smoke.log" >&2; exit 1; }
echo "smoke: packaged launcher generated $(stat -c %s "$frame") bytes of PNG"
