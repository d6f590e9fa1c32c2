#!/usr/bin/python3
"""Landmark-model parity: the TF.js originals against the converted ONNX models on real crops.

    parity.py --family hand|face|blazepose --models-dir PKG/models --onnx-dir DIR --work WORK
              [--data /work/shared/data] [--golden DIR]

Cuts the family's crops (families.py) from the astronaut photo and Pose2Sim frames, runs every
model on them in TF.js (pure-JS CPU backend) and ONNX Runtime (graph optimisations on and off),
prints the figures, writes WORK/parity.json and, with --golden, the inputs and TF.js outputs of the
golden crops for the Java tests. NODE_PATH must name the scratch node_modules. Exit status 1 if an
output differs by more than the bar.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'movenet'))

from decode import points, to_source  # noqa: E402
from families import ASTRONAUT, FAMILIES  # noqa: E402
from golden import write_golden  # noqa: E402
from images import extract_frame, load_rgb, model_input  # noqa: E402

RUNNER = os.path.join(os.path.dirname(HERE), 'js', 'run_models.js')
RAW_BAR = 1e-4  # on every output, pixel coordinates taken as fractions of the input (families.py)


def source_image(name, data, folder):
    """The PNG of a source image: the astronaut photo, or a full-size Pose2Sim frame (ffmpeg)."""
    path = os.path.join(folder, f'{name}.png')
    if not os.path.exists(path):
        os.makedirs(folder, exist_ok=True)
        if name == ASTRONAUT:
            shutil.copyfile(os.path.join(data, 'images', 'astronaut.png'), path)
        else:
            cam, n = name.split('_')[1][3:], int(name.split('_f')[1])
            extract_frame(os.path.join(data, 'video', f'pose2sim_cam{cam}.mp4'), n, path)
    return path


def model_bytes(sample, image, size):
    """uint8 [size, size, 3] input and the geometry that maps model pixels back to the source."""
    if sample.crop is not None:
        return sample.crop.sample(np.asarray(image), size), sample.crop
    pixels, box = model_input(image, size)
    return pixels, box


def make_jobs(family, args, work):
    jobs, inputs = [], {}
    for sample in family.samples:
        image = load_rgb(source_image(sample.image, args.data, os.path.join(work, 'images')))
        pixels, geometry = model_bytes(sample, image, family.size)
        inputs[sample.name] = (pixels, geometry, image.size)
        folder = os.path.join(work, 'inputs')
        os.makedirs(folder, exist_ok=True)
        Image.fromarray(pixels).save(os.path.join(folder, f'{sample.name}.png'))
        f32 = os.path.join(folder, f'{sample.name}.f32')
        (pixels.astype(np.float32) / np.float32(255)).reshape(1, family.size, family.size, 3).astype('<f4').tofile(f32)
        for model in family.models:
            jobs.append({'id': f'{model}.{sample.name}',
                         'tfjs': os.path.join(args.models_dir, f'{model}.json'),
                         'onnx': os.path.join(args.onnx_dir, f'{model}.onnx'),
                         'inputs': [{'tf': 'input_1', 'onnx': family.renames['input_1'], 'dtype': 'float32',
                                     'shape': [1, family.size, family.size, 3], 'file': f32}],
                         'outputs': [{'tf': o, 'onnx': family.renames[o]} for o in family.outputs],
                         'out_dir': os.path.join(work, 'outputs')})
    return jobs, inputs


def run(jobs, level, work):
    config = os.path.join(work, f'jobs-{level}.json')
    with open(config, 'w') as f:
        json.dump({'jobs': jobs, 'ort_optimization': level}, f, indent=1)
    subprocess.run(['node', RUNNER, config], check=True)


def outputs(family, job_id, runtime, folder):
    report = json.load(open(os.path.join(folder, f'{job_id}.json')))
    arrays = {}
    for name, out in zip((family.renames[o] for o in family.outputs), report['runtimes'][runtime]['outputs']):
        arrays[name] = np.fromfile(out['file'], dtype='<f4').reshape(out['shape'])
    return arrays, report


def normalised(family, name, array):
    """Pixel-coordinate columns divided by the input size; everything else as it is."""
    if name not in (family.pixel_outputs or {}):
        return array
    width, columns = family.pixel_outputs[name]
    rows = array.reshape(-1, width).copy()
    rows[:, list(columns)] /= family.size
    return rows


def figures(family, ref, got, geometry):
    per_output = {}
    for name in ref:
        a, b = ref[name].astype(np.float64), got[name].astype(np.float64)
        per_output[name] = {'max_abs_diff': float(np.max(np.abs(a - b))), 'max_abs_value': float(np.max(np.abs(a))),
                            'max_abs_diff_normalised': float(np.max(np.abs(normalised(family, name, a) -
                                                                           normalised(family, name, b))))}
    pa = to_source(geometry, points(family, ref), family.size)
    pb = to_source(geometry, points(family, got), family.size)
    px = np.hypot(pa[:, 0] - pb[:, 0], pa[:, 1] - pb[:, 1])
    return {'outputs': per_output, 'max_abs_diff': max(v['max_abs_diff'] for v in per_output.values()),
            'max_abs_diff_normalised': max(v['max_abs_diff_normalised'] for v in per_output.values()),
            'max_point_px_error': float(px.max())}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--family', required=True, choices=sorted(FAMILIES))
    ap.add_argument('--models-dir', required=True)
    ap.add_argument('--onnx-dir', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--data', default='/work/shared/data')
    ap.add_argument('--golden')
    args = ap.parse_args()
    family = FAMILIES[args.family]
    work = os.path.abspath(args.work)

    jobs, inputs = make_jobs(family, args, work)
    run(jobs, 'all', work)
    run([dict(j, tfjs=None, out_dir=os.path.join(work, 'outputs-noopt')) for j in jobs], 'disabled', work)

    results, ok = [], True
    for job in jobs:
        model, sample_name = job['id'].split('.', 1)
        sample = next(s for s in family.samples if s.name == sample_name)
        pixels, geometry, image_size = inputs[sample_name]
        tfjs, report = outputs(family, job['id'], 'tfjs', os.path.join(work, 'outputs'))
        ort, _ = outputs(family, job['id'], 'ort', os.path.join(work, 'outputs'))
        ort_noopt, _ = outputs(family, job['id'], 'ort', os.path.join(work, 'outputs-noopt'))
        row = {'model': model, 'sample': sample_name, 'image': sample.image, 'image_size': list(image_size),
               'golden': sample.golden, 'geometry': geometry.describe(),
               'tfjs_version': report['tf_version'], 'ort_version': report['ort_version'],
               'ort': figures(family, tfjs, ort, geometry),
               'ort_no_optimization': figures(family, tfjs, ort_noopt, geometry),
               'presence': float(tfjs[family.presence_output].ravel()[0]),
               'tfjs_ms': report['runtimes']['tfjs']['ms'], 'ort_ms': report['runtimes']['ort']['ms']}
        row['meets_bar'] = all(row[k]['max_abs_diff_normalised'] <= RAW_BAR for k in ('ort', 'ort_no_optimization'))
        ok &= row['meets_bar']
        results.append(row)
        if sample.golden and args.golden:
            write_golden(args.golden, family, model, sample, pixels, geometry, image_size, tfjs, row)

    print(f"\n{'model':<20} {'sample':<42} {'presence':>8} {'raw diff':>10} {'normalised':>10} {'px err':>8}")
    for r in results:
        raw = max(r[k]['max_abs_diff'] for k in ('ort', 'ort_no_optimization'))
        norm = max(r[k]['max_abs_diff_normalised'] for k in ('ort', 'ort_no_optimization'))
        print(f"{r['model']:<20} {r['sample']:<42} {r['presence']:>8.4f} {raw:>10.2e} {norm:>10.2e} "
              f"{max(r['ort']['max_point_px_error'], r['ort_no_optimization']['max_point_px_error']):>8.5f}"
              f"{'' if r['meets_bar'] else '  BAR MISSED'}")
    with open(os.path.join(work, 'parity.json'), 'w') as f:
        json.dump({'family': family.name, 'raw_bar': RAW_BAR, 'all_meet_bar': ok, 'results': results}, f, indent=1)
    print('PARITY: every output within the bar' if ok else 'PARITY: BAR MISSED (see above)')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
