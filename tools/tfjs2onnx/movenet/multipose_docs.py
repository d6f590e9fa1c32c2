"""The MoveNet MultiPose sections of assets/models/movenet/SOURCE.md and of the golden data's SOURCES.md."""

import json
import os


def worst(rows, key):
    return max(max(r['ort'][key], r['ort_no_optimization'][key]) for r in rows)


def source_section(mp, package_dir, assets, file_rows):
    rows = mp['results']
    first = rows[0]
    generated = json.load(open(os.path.join(package_dir, 'models', 'movenet-multipose.json'))).get('generatedBy')
    upstream = [(f'`models/movenet-multipose.{ext}`', os.path.join(package_dir, 'models', f'movenet-multipose.{ext}'))
                for ext in ('json', 'bin')]
    table = ['| image | size | people scoring >= 0.01 | live rows | scores and boxes, all rows | '
             'keypoint positions of empty rows |', '|---|---|---|---|---|---|']
    for r in rows:
        table.append(f"| {r['image']} | {r['image_size'][0]}x{r['image_size'][1]} | {r['ort']['live_people']} | "
                     f"{max(r['ort']['max_abs_diff_live'], r['ort_no_optimization']['max_abs_diff_live']):.2e} | "
                     f"{max(r['ort']['max_abs_diff_scores_boxes'], r['ort_no_optimization']['max_abs_diff_scores_boxes']):.2e} | "
                     f"{max(r['ort']['max_abs_diff_empty_positions'], r['ort_no_optimization']['max_abs_diff_empty_positions']):.2e} |")
    table = '\n'.join(table)
    return f"""
## MoveNet MultiPose (Lightning)

`movenet-multipose.onnx`: Google's MoveNet MultiPose Lightning (version 1), up to six people, from
the same npm package by the same converter. `generatedBy`: `{generated}`; Apache License 2.0 as
published by Google on TF Hub (not reachable from this machine), the same `LICENSE`.

| file | bytes | SHA-256 |
|---|---|---|
{file_rows(upstream + [('`movenet-multipose.onnx`', os.path.join(assets, 'movenet-multipose.onnx'))])}

### Interface

- input `input`: int32 `[1, 256, 256, 3]`, RGB 0..255, not normalised: the same letterbox and resize
  as Thunder's (the TF.js model leaves height and width open, multiples of 32; the ONNX graph is
  fixed at 256 x 256, where its shape arithmetic folds into constants).
- output `detections`: float32 `[1, 6, 56]`, one row per candidate person (not sorted by score): 17 x
  `(y, x, score)` in COCO-17 order (as Thunder's), then the box `(ymin, xmin, ymax, xmax)` and the
  **person score** (column 55). Coordinates are normalised to the letterboxed square; back to the
  image as for Thunder (`x * side - pad_left`, `y * side - pad_top`). Rows of absent people have
  person score 0 (or nearly); a threshold such as 0.2 on column 55 picks the people, and each
  keypoint has its own score.

### Conversion

Inside `tools/tfjs2onnx/convert-movenet.sh`:

    /usr/bin/python3 tools/tfjs2onnx/convert.py movenet-multipose.json movenet-multipose.onnx \\
        --rename Identity=detections --input-shape input=1,256,256,3 --float16-weights

The graph decodes its heat maps inside (`TopKV2`, `StridedSlice`, `Select`, `GatherNd`, arg-max):
with the input size fixed, `Shape`, `Range`, `Fill`, `Size` and the arithmetic on them fold into
constants at conversion time (`tfjs2onnx/fold.py`), and the rest converts op for op.

### Parity with TF.js

`movenet/multipose.py`: the images and inputs of the Thunder check, `@tensorflow/tfjs`
{first['tfjs_version']} against `onnxruntime-node` {first['ort_version']}, optimisations on and off. Bar:
1e-4 on every value of every person TF.js scores >= {mp['live']}, and on every score and box value
of all six rows. Measured: people {worst(rows, 'max_abs_diff_live'):.1e}; scores and boxes
{worst(rows, 'max_abs_diff_scores_boxes'):.1e}. {'Every image meets the bar.' if mp['all_meet_bar'] else 'SOME IMAGES MISS THE BAR.'}
Not held to the bar: the keypoint positions of empty rows (person score 0, keypoint scores below
2e-5), which differ by up to {worst(rows, 'max_abs_diff_empty_positions'):.1e} in a few rows: there the decoder takes an
arg-max over heat that is nearly zero everywhere, and float32 rounding can pick another cell.

{table}
"""


def golden_section(mp):
    names = [r['image'] for r in mp['results'] if r['golden']]
    return f"""
## MoveNet MultiPose

`NAME.multipose.tfjs.json` for {', '.join(f'`{n}`' for n in names)}: the input is the Thunder file
`NAME.input.rgb` (the same letterbox and 256 x 256 resize; its SHA-256 is recorded), `tfjs.detections`
the `[6][56]` output of TF.js (float32 values written exactly), `tfjs.people_px` the rows scoring
>= {mp['live']} in pixels of the PNG (box as x0, y0, x1, y1; keypoints as x, y, score). Suggested
assertion: ONNX Runtime reproduces every value of those rows, and every score and box value of all
rows, within 1e-4 (measured: at most {max(worst([r], 'max_abs_diff_live') for r in mp['results'] if r['golden']):.1e}).
"""
