#!/usr/bin/python3
"""MoveNet MultiPose parity: the TF.js original against the converted ONNX model on real images.

    multipose.py --models-dir PKG/models --onnx OUT.onnx --work WORK [--data DIR] [--golden DIR]

The images and model inputs are Thunder's (letterbox + Pillow bilinear to 256, int32), so the golden
inputs are the Thunder `NAME.input.rgb` files; the golden JSON is `NAME.multipose.tfjs.json`.
Output `detections` [1, 6, 56]: per person 17 x (y, x, score), then (ymin, xmin, ymax, xmax, score).
Bar: every value of every person TF.js scores >= LIVE within 1e-4, and every score and box value of
all six rows. The keypoint positions of empty rows (person score < LIVE, keypoint scores ~0) are
reported but not held to the bar: there the decoder takes an arg-max over near-zero heat, whose
winner float32 rounding can change.
"""

import argparse
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from images import KEYPOINTS, load_rgb, model_input  # noqa: E402
from parity import gather_images, sha256  # noqa: E402

RUNNER = os.path.join(os.path.dirname(HERE), 'js', 'run_models.js')
BAR, LIVE, SIZE = 1e-4, 0.01, 256
POSITIONS = [c for c in range(51) if c % 3 != 2]
SCORES_AND_BOXES = [c for c in range(51) if c % 3 == 2] + list(range(51, 56))


def run(jobs, level, work):
    config = os.path.join(work, f'jobs-{level}.json')
    with open(config, 'w') as f:
        json.dump({'jobs': jobs, 'ort_optimization': level}, f, indent=1)
    subprocess.run(['node', RUNNER, config], check=True)


def detections(work, folder, job_id, runtime):
    report = json.load(open(os.path.join(work, folder, f'{job_id}.json')))
    out = report['runtimes'][runtime]['outputs'][0]
    return np.fromfile(out['file'], dtype='<f4').reshape(6, 56), report


def figures(ref, got):
    diff = np.abs(ref.astype(np.float64) - got)
    live = ref[:, 55] >= LIVE
    empty = ~live
    return {'live_people': int(live.sum()),
            'max_abs_diff_live': float(diff[live].max()) if live.any() else 0.0,
            'max_abs_diff_scores_boxes': float(diff[:, SCORES_AND_BOXES].max()),
            'max_abs_diff_empty_positions': float(diff[empty][:, POSITIONS].max()) if empty.any() else 0.0,
            'max_abs_diff': float(diff.max())}


def meets_bar(f):
    return f['max_abs_diff_live'] <= BAR and f['max_abs_diff_scores_boxes'] <= BAR


def people_px(rows, box):
    """Live rows as {score, box_px, keypoints_px (x, y, score)} in pixels of the image."""
    people = []
    for row in rows:
        if row[55] < LIVE:
            continue
        k = row[:51].reshape(17, 3)
        ymin, xmin, ymax, xmax = row[51:55]
        people.append({'score': round(float(row[55]), 6),
                       'box_px': [round(float(v), 3) for v in (xmin * box.side - box.pad_left, ymin * box.side - box.pad_top,
                                                               xmax * box.side - box.pad_left, ymax * box.side - box.pad_top)],
                       'keypoints_px': [[round(float(v), 3) for v in p] for p in box.to_source(k).tolist()]})
    return people


def write_golden(folder, row, pixels, box, tfjs):
    name = row['image']
    input_file = os.path.join(folder, f'{name}.input.rgb')
    if not os.path.exists(input_file) or open(input_file, 'rb').read() != pixels.tobytes():
        raise SystemExit(f'{input_file}: missing or not the MultiPose input (Thunder golden data must come first)')
    doc = {
        'image': f'{name}.png', 'image_width': box.width, 'image_height': box.height,
        'model': 'movenet-multipose', 'onnx': 'assets/models/movenet/movenet-multipose.onnx',
        'input': {'name': 'input', 'dtype': 'int32', 'shape': [1, SIZE, SIZE, 3], 'letterbox': box.describe(),
                  'file': f'{name}.input.rgb', 'file_sha256': sha256(input_file),
                  'file_format': 'the Thunder input: raw bytes [256][256][3] RGB; widen each byte to int32'},
        'output': {'name': 'detections', 'shape': [1, 6, 56],
                   'rows': 'per person: 17 x (y, x, score) in COCO-17 order, then ymin, xmin, ymax, xmax, score; '
                           'coordinates normalised to the letterboxed square'},
        'keypoint_names': KEYPOINTS,
        'tfjs': {'runtime': f"@tensorflow/tfjs {row['tfjs_version']} (cpu backend, node)",
                 'detections': tfjs.tolist(),
                 'people_px': people_px(tfjs, box),
                 'people_px_note': f'rows with person score >= {LIVE}; x = x * side - pad_left, y = y * side - pad_top'},
        'onnxruntime': {'runtime': f"onnxruntime-node {row['ort_version']}", **row['ort'],
                        'no_optimization': row['ort_no_optimization']},
    }
    with open(os.path.join(folder, f'{name}.multipose.tfjs.json'), 'w') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--models-dir', required=True)
    ap.add_argument('--onnx', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--data', default='/work/shared/data')
    ap.add_argument('--golden')
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    images = gather_images(args.data, work)
    jobs, inputs = [], {}
    for name, path, golden in images:
        pixels, box = model_input(load_rgb(path), SIZE)
        inputs[name] = (pixels, box, golden)
        file = os.path.join(work, 'inputs', f'{name}.bin')
        os.makedirs(os.path.dirname(file), exist_ok=True)
        pixels.astype('<i4').reshape(1, SIZE, SIZE, 3).tofile(file)
        jobs.append({'id': name, 'tfjs': os.path.join(args.models_dir, 'movenet-multipose.json'), 'onnx': args.onnx,
                     'inputs': [{'tf': 'input', 'onnx': 'input', 'dtype': 'int32', 'shape': [1, SIZE, SIZE, 3],
                                 'file': file}],
                     'outputs': [{'tf': 'Identity', 'onnx': 'detections'}], 'out_dir': os.path.join(work, 'outputs')})
    run(jobs, 'all', work)
    run([dict(j, tfjs=None, out_dir=os.path.join(work, 'outputs-noopt')) for j in jobs], 'disabled', work)

    results, ok = [], True
    for name, (pixels, box, golden) in inputs.items():
        tfjs, report = detections(work, 'outputs', name, 'tfjs')
        ort, _ = detections(work, 'outputs', name, 'ort')
        noopt, _ = detections(work, 'outputs-noopt', name, 'ort')
        row = {'image': name, 'image_size': [box.width, box.height], 'golden': golden,
               'tfjs_version': report['tf_version'], 'ort_version': report['ort_version'],
               'person_scores': [round(float(s), 4) for s in tfjs[:, 55]],
               'ort': figures(tfjs, ort), 'ort_no_optimization': figures(tfjs, noopt)}
        row['meets_bar'] = meets_bar(row['ort']) and meets_bar(row['ort_no_optimization'])
        ok &= row['meets_bar']
        results.append(row)
        if golden and args.golden:
            write_golden(args.golden, row, pixels, box, tfjs)

    print(f"\n{'image':<28} {'live':>4} {'live diff':>10} {'scores/boxes':>12} {'empty pos':>10}  person scores")
    for r in results:
        w = {k: max(r['ort'][k], r['ort_no_optimization'][k]) for k in r['ort']}
        print(f"{r['image']:<28} {r['ort']['live_people']:>4} {w['max_abs_diff_live']:>10.2e} "
              f"{w['max_abs_diff_scores_boxes']:>12.2e} {w['max_abs_diff_empty_positions']:>10.2e}  "
              f"{r['person_scores']}{'' if r['meets_bar'] else '  BAR MISSED'}")
    with open(os.path.join(work, 'parity.json'), 'w') as f:
        json.dump({'bar': BAR, 'live': LIVE, 'all_meet_bar': ok, 'results': results}, f, indent=1)
    print('MULTIPOSE PARITY: within the bar' if ok else 'MULTIPOSE PARITY: BAR MISSED')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
