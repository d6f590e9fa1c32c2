#!/usr/bin/env bash
# Proves that a launcher opens the studio window on this machine, or explains what is missing:
#   1. with GTK 3 hidden from the launcher's check, it must print the install paragraph and exit 3, no trace;
#   2. under a virtual X display (Xvfb) it must open the window ("Studio window shown" in its log) and
#      draw something (a screenshot that is not one flat colour).
# Usage: desktop-test.sh LAUNCHER WORKDIR. Without Xvfb, step 2 is skipped unless FVSTUDIO_REQUIRE_DESKTOP=1
# (set by .ci/run, which installs it), so that CI can never pass on a machine where the window cannot open.
set -euo pipefail
launcher="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work/home"
[ -x "$launcher" ] || { echo "desktop: no launcher at $launcher" >&2; exit 1; }

export HOME="$work/home"
export FVSTUDIO_HOME="$work/home/.fvstudio"
# The packaged launcher takes its home from user.home, which Java reads from the password file, not $HOME.
export JAVA_TOOL_OPTIONS="-Dfvstudio.home=$FVSTUDIO_HOME"
export ORT_DISABLE_TELEMETRY=1 DJL_OFFLINE=true
log="$FVSTUDIO_HOME/logs/fvstudio.log"

# 1. The check names what is missing, before JavaFX is touched.
status=0
DISPLAY=:0 FVSTUDIO_HIDE_LIBRARIES=libgtk-3.so.0 "$launcher" > "$work/no-gtk.out" 2>&1 || status=$?
if [ "$status" -ne 3 ] || ! grep -q "libgtk-3.so.0" "$work/no-gtk.out" \
    || ! grep -q "sudo apt-get install libgtk-3-0" "$work/no-gtk.out" \
    || grep -Eq "Exception|^[[:space:]]+at " "$work/no-gtk.out"; then
  echo "desktop: with GTK hidden the launcher exited $status and printed:" >&2
  cat "$work/no-gtk.out" >&2
  exit 1
fi
echo "desktop: with GTK 3 hidden the launcher explains it and exits 3"

# 2. The window opens under a virtual display.
if ! command -v Xvfb > /dev/null; then
  if [ "${FVSTUDIO_REQUIRE_DESKTOP:-0}" = 1 ]; then
    echo "desktop: Xvfb is not installed, so the window cannot be tried (apt-get install xvfb)" >&2
    exit 1
  fi
  echo "desktop: skipped the window check (no Xvfb; apt-get install xvfb to run it)"
  exit 0
fi
display=""
for n in $(seq 90 130); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "desktop: no free X display number" >&2; exit 1; }
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb=$!
studio=""
cleanup() {
  if [ -n "$studio" ] && kill "$studio" 2> /dev/null; then
    for _ in $(seq 20); do kill -0 "$studio" 2> /dev/null || break; sleep 0.25; done
    kill -9 "$studio" 2> /dev/null || true
  fi
  kill "$xvfb" 2> /dev/null || true
  return 0
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.2; done

DISPLAY="$display" "$launcher" > "$work/studio.out" 2>&1 &
studio=$!
shown=0
for _ in $(seq 180); do
  if [ -f "$log" ] && grep -q "Studio window shown" "$log"; then shown=1; break; fi
  kill -0 "$studio" 2> /dev/null || break
  sleep 0.5
done
if [ "$shown" != 1 ]; then
  echo "desktop: the studio window did not appear on $display; launcher output:" >&2
  cat "$work/studio.out" >&2
  [ -f "$log" ] && tail -n 40 "$log" >&2
  exit 1
fi
# Let the sample project open and the first frame draw, then look at the screen.
for _ in $(seq 60); do grep -q "Opened " "$log" && break; sleep 0.5; done
sleep 3
if command -v xwd > /dev/null && command -v python3 > /dev/null; then
  DISPLAY="$display" xwd -root -silent > "$work/screen.xwd"
  colours=$(python3 - "$work/screen.xwd" << 'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
header_size, _, _, depth, width, height = struct.unpack(">6I", data[:24])
ncolors = struct.unpack(">I", data[76:80])[0]
bytes_per_line = struct.unpack(">I", data[48:52])[0]
pixels = data[header_size + 12 * ncolors:]
seen = set()
for y in range(0, height, 8):
    row = pixels[y * bytes_per_line:(y + 1) * bytes_per_line]
    for x in range(0, width, 8):
        seen.add(row[4 * x:4 * x + 3])
print(len(seen))
PY
)
  if [ "$colours" -lt 16 ]; then
    echo "desktop: the screen on $display is blank ($colours colours)" >&2
    exit 1
  fi
  echo "desktop: the studio window opened on $display and drew $colours distinct colours (screen: $work/screen.xwd)"
else
  echo "desktop: the studio window opened on $display (no xwd/python3 for a screenshot)"
fi
if grep -Eq "Exception|^[[:space:]]+at " "$work/studio.out"; then
  echo "desktop: the launcher printed a stack trace:" >&2
  cat "$work/studio.out" >&2
  exit 1
fi
