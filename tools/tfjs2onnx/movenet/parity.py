#!/usr/bin/python3
"""MoveNet parity: the TF.js originals against the converted ONNX models on real images.

    parity.py --models-dir PKG/models --onnx-dir DIR --work WORK [--golden DIR] [--variants thunder,lightning]

Runs every image through TF.js (pure-JS CPU backend) and ONNX Runtime (onnxruntime-node, graph
optimisations on and off), prints the figures, writes WORK/parity.json, and with --golden the test
images, inputs and TF.js keypoints for the Java tests. NODE_PATH must name the scratch node_modules.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import PIL

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from images import KEYPOINTS, Letterbox, extract_frame, load_rgb, model_input, shrink  # noqa: E402

RUNNER = os.path.join(os.path.dirname(HERE), 'js', 'run_models.js')
SIZES = {'thunder': 256, 'lightning': 192}
RAW_BAR, PX_BAR = 1e-4, 0.5
# (camera, frame) pairs: full 1080x1920 frames for parity only, and frames shrunk to 480 px for the golden set
FULL_FRAMES = [('03', 10), ('03', 50), ('03', 90), ('01', 25), ('01', 50), ('01', 75)]
GOLDEN_FRAMES = [('03', 50), ('01', 25), ('01', 75)]
GOLDEN_LONG_SIDE = 480


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def gather_images(data, work):
    """[(name, png path, golden?)]: the astronaut, full frames, and shrunk frames."""
    folder = os.path.join(work, 'images')
    os.makedirs(folder, exist_ok=True)
    astronaut = os.path.join(folder, 'astronaut.png')
    shutil.copyfile(os.path.join(data, 'images', 'astronaut.png'), astronaut)
    images = [('astronaut', astronaut, True)]
    for cam, n in sorted(set(FULL_FRAMES) | set(GOLDEN_FRAMES)):
        full = os.path.join(folder, f'pose2sim_cam{cam}_f{n:03d}_full.png')
        extract_frame(os.path.join(data, 'video', f'pose2sim_cam{cam}.mp4'), n, full)
        if (cam, n) in FULL_FRAMES:
            images.append((f'pose2sim_cam{cam}_f{n:03d}_full', full, False))
        if (cam, n) in GOLDEN_FRAMES:
            small = os.path.join(folder, f'pose2sim_cam{cam}_f{n:03d}.png')
            shrink(load_rgb(full), GOLDEN_LONG_SIDE).save(small, optimize=True)
            images.append((f'pose2sim_cam{cam}_f{n:03d}', small, True))
    return images


def make_jobs(images, variants, models_dir, onnx_dir, work):
    jobs, inputs = [], {}
    rng = np.random.default_rng(13)
    for variant in variants:
        size = SIZES[variant]
        tfjs = os.path.join(models_dir, f'movenet-{variant}.json')
        onnx_path = os.path.join(onnx_dir, f'movenet-{variant}.onnx')
        for name, path, golden in images:
            pixels, box = model_input(load_rgb(path), size)
            inputs[(variant, name)] = (pixels, box)
            feeds = {'clean': pixels}
            if golden:
                # what a resize that differs by one level per channel (the Java resampler vs Pillow) can do
                noise = rng.integers(-1, 2, pixels.shape)
                feeds['noise'] = np.clip(pixels.astype(np.int64) + noise, 0, 255).astype(np.uint8)
            for kind, array in feeds.items():
                job_id = f'{variant}.{name}.{kind}'
                file = os.path.join(work, 'inputs', f'{job_id}.bin')
                os.makedirs(os.path.dirname(file), exist_ok=True)
                array.astype('<i4').reshape(1, size, size, 3).tofile(file)
                jobs.append({'id': job_id, 'tfjs': tfjs if kind == 'clean' else None, 'onnx': onnx_path,
                             'inputs': [{'tf': 'input', 'onnx': 'input', 'dtype': 'int32',
                                         'shape': [1, size, size, 3], 'file': file}],
                             'outputs': [{'tf': 'Identity', 'onnx': 'keypoints'}],
                             'out_dir': os.path.join(work, 'outputs')})
    return jobs, inputs


def run(jobs, level, work):
    config = os.path.join(work, f'jobs-{level}.json')
    with open(config, 'w') as f:
        json.dump({'jobs': jobs, 'ort_optimization': level}, f, indent=1)
    subprocess.run(['node', RUNNER, config], check=True)


def keypoints(job_id, runtime, work, suffix=''):
    report = json.load(open(os.path.join(work, 'outputs' + suffix, f'{job_id}.json')))
    out = report['runtimes'][runtime]['outputs'][0]
    return np.fromfile(out['file'], dtype='<f4').reshape(17, 3), report


CONFIDENT = 0.3  # MoveNet's recommended score threshold


def px_errors(a, b, box):
    pa, pb = box.to_source(a), box.to_source(b)
    return np.hypot(pa[:, 0] - pb[:, 0], pa[:, 1] - pb[:, 1])


def figures(ref, got, box):
    errors = px_errors(ref, got, box)
    confident = (ref[:, 2] >= CONFIDENT) & (got[:, 2] >= CONFIDENT)
    return {'max_abs_diff': float(np.max(np.abs(ref.astype(np.float64) - got))),
            'max_abs_diff_yx': float(np.max(np.abs(ref[:, :2].astype(np.float64) - got[:, :2]))),
            'max_abs_diff_score': float(np.max(np.abs(ref[:, 2].astype(np.float64) - got[:, 2]))),
            'max_keypoint_px_error': float(errors.max()),
            'max_keypoint_px_error_score_0.3': float(errors[confident].max()) if confident.any() else None}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--models-dir', required=True)
    ap.add_argument('--onnx-dir', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--data', default='/work/shared/data')
    ap.add_argument('--golden')
    ap.add_argument('--variants', default='thunder,lightning')
    args = ap.parse_args()
    variants = args.variants.split(',')
    work = os.path.abspath(args.work)

    images = gather_images(args.data, work)
    jobs, inputs = make_jobs(images, variants, args.models_dir, args.onnx_dir, work)
    run(jobs, 'all', work)
    clean = [dict(j, out_dir=os.path.join(work, 'outputs-noopt'), tfjs=None) for j in jobs if j['tfjs']]
    run(clean, 'disabled', work)

    results, ok = [], True
    for variant in variants:
        for name, path, golden in images:
            pixels, box = inputs[(variant, name)]
            job_id = f'{variant}.{name}.clean'
            tfjs, report = keypoints(job_id, 'tfjs', work)
            ort, _ = keypoints(job_id, 'ort', work)
            ort_noopt, _ = keypoints(job_id, 'ort', work, '-noopt')
            row = {'variant': variant, 'image': name, 'png': path, 'golden': golden,
                   'image_size': [box.width, box.height], 'letterbox': box.describe(),
                   'tfjs_version': report['tf_version'], 'ort_version': report['ort_version'],
                   'ort': figures(tfjs, ort, box), 'ort_no_optimization': figures(tfjs, ort_noopt, box),
                   'tfjs_keypoints': tfjs.tolist(), 'tfjs_ms': report['runtimes']['tfjs']['ms'],
                   'ort_ms': report['runtimes']['ort']['ms']}
            if golden:
                noisy, _ = keypoints(f'{variant}.{name}.noise', 'ort', work)
                row['input_noise_1lsb'] = figures(ort, noisy, box)
            passed = all(min(row[k]['max_abs_diff'] / RAW_BAR, row[k]['max_keypoint_px_error'] / PX_BAR) <= 1
                         for k in ('ort', 'ort_no_optimization'))
            row['meets_bar'] = passed
            ok &= passed
            results.append(row)

    print(f"\n{'model':<10} {'image':<28} {'size':>10} {'max|diff|':>10} {'px err':>8} "
          f"{'noopt diff':>10} {'noopt px':>8} {'±1 in, px*':>11}")
    for r in results:
        noise = r.get('input_noise_1lsb', {}).get('max_keypoint_px_error_score_0.3')
        print(f"{r['variant']:<10} {r['image']:<28} {'x'.join(map(str, r['image_size'])):>10} "
              f"{r['ort']['max_abs_diff']:>10.2e} {r['ort']['max_keypoint_px_error']:>8.4f} "
              f"{r['ort_no_optimization']['max_abs_diff']:>10.2e} "
              f"{r['ort_no_optimization']['max_keypoint_px_error']:>8.4f} "
              f"{'' if noise is None else f'{noise:.3f}':>11}{'' if r['meets_bar'] else '  BAR MISSED'}")
    print('* ONNX keypoint shift when every input value moves by -1/0/+1 at random, points scoring >= 0.3')
    summary = {'raw_bar': RAW_BAR, 'px_bar': PX_BAR, 'all_meet_bar': ok, 'pillow_version': PIL.__version__,
               'results': results}
    with open(os.path.join(work, 'parity.json'), 'w') as f:
        json.dump(summary, f, indent=1)
    if args.golden:
        write_golden(args.golden, results, inputs)
    print('PARITY: every image within the bar' if ok else 'PARITY: BAR MISSED (see above)')
    return 0 if ok else 1


def write_golden(folder, results, inputs):
    os.makedirs(folder, exist_ok=True)
    for r in results:
        if not r['golden']:
            continue
        name, variant = r['image'], r['variant']
        size = SIZES[variant]
        stem = name if variant == 'thunder' else f'{name}.{variant}'
        shutil.copyfile(r['png'], os.path.join(folder, f'{name}.png'))
        pixels, box = inputs[(variant, name)]
        input_file = f'{stem}.input.rgb'
        pixels.tofile(os.path.join(folder, input_file))
        doc = {
            'image': f'{name}.png', 'image_width': box.width, 'image_height': box.height,
            'model': f'movenet-{variant}', 'onnx': f'assets/models/movenet/movenet-{variant}.onnx',
            'input': {
                'name': 'input', 'dtype': 'int32', 'shape': [1, size, size, 3],
                'letterbox': box.describe(),
                'resize': f'Pillow {PIL.__version__} Image.resize(({size}, {size}), Image.BILINEAR) of the square',
                'file': input_file, 'file_sha256': sha256(os.path.join(folder, input_file)),
                'file_format': f'raw bytes, row-major [{size}][{size}][3] RGB; widen each byte to int32',
            },
            'output': {'name': 'keypoints', 'shape': [1, 1, 17, 3],
                       'rows': '(y, x, score), y and x normalised to the letterboxed square, COCO-17 order'},
            'keypoint_names': KEYPOINTS,
            'tfjs': {'runtime': f"@tensorflow/tfjs {r['tfjs_version']} (cpu backend, node)",
                     'keypoints': r['tfjs_keypoints'],
                     'keypoints_px': [[round(v, 3) for v in p] for p in box.to_source(r['tfjs_keypoints']).tolist()],
                     'keypoints_px_note': '(x, y, score) in pixels of this image: x * side - pad_left, '
                                          'y * side - pad_top'},
            'onnxruntime': {'runtime': f"onnxruntime-node {r['ort_version']}", **r['ort']},
            'input_noise_1lsb': {'note': 'ONNX output change when each input value moves by -1, 0 or +1 at random',
                                 **r['input_noise_1lsb']},
        }
        with open(os.path.join(folder, f'{stem}.tfjs.json'), 'w') as f:
            json.dump(doc, f, indent=1)
            f.write('\n')


if __name__ == '__main__':
    sys.exit(main())
