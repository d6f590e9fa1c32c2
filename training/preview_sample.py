"""Run the numpy reference sampler on the bundled sample project (a few frames) and save a strip:
references | (target pose map, generated frame) per chosen frame. No torch.

  /usr/bin/python3 -m training.preview_sample --frames 0 16 32 47 --out /tmp/sample_preview.png
"""
import argparse
import json
import os

import cv2
import numpy as np

from .sampler import Pack, generate, to_u8


def ease(t):
    return t * t * (3 - 2 * t)  # preview only; the studio's own easing decides the real frames


def camera_at(keys, f):
    if f <= keys[0]['frame']:
        return keys[0]
    for a, b in zip(keys, keys[1:]):
        if a['frame'] <= f <= b['frame']:
            t = (f - a['frame']) / (b['frame'] - a['frame'])
            if a.get('interpolation') == 'ease-in-out':
                t = ease(t)
            lerp = lambda u, v: u + (v - u) * t  # noqa: E731
            return {'zoom': lerp(a['zoom'], b['zoom']),
                    'pivot': [lerp(a['pivot'][i], b['pivot'][i]) for i in range(2)],
                    'pan': [lerp(a['pan'][i], b['pan'][i]) for i in range(2)]}
    return keys[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--project', default='assets/sample/Sample.fvs')
    ap.add_argument('--pack', default='assets/packs/fvs-tiny')
    ap.add_argument('--frames', type=int, nargs='+', default=[0, 16, 32, 47])
    ap.add_argument('--steps', type=int, default=8)
    ap.add_argument('--out', default='/tmp/sample_preview.png')
    args = ap.parse_args()
    pack = Pack(args.pack)
    proj = json.load(open(os.path.join(args.project, 'project.json')))
    W, H = proj['canvas']['width'], proj['canvas']['height']
    ref_img, ref_pose = [], []
    for r in proj['references']:
        img = cv2.imread(os.path.join(args.project, 'references', r['image']))[:, :, ::-1]
        ref_img.append(pack.reference_image(np.ascontiguousarray(img)))
        c = r['pose']['canvas']
        ref_pose.append(pack.pose_map(np.array(r['pose']['people'][0]['body'], float), c['width'], c['height']))
    ref_img, ref_pose = np.stack(ref_img), np.stack(ref_pose)
    keys = proj['target']['people'][0]['keyframes']
    noise = np.random.default_rng(proj['generation']['seed']).standard_normal((1, 3, 128, 128)).astype(np.float32)
    cells = [np.concatenate([cv2.resize(x, (128, 128)) for x in ref_img], 0)]
    for f in args.frames:
        body = np.array(keys[f]['pose']['body'], float)
        cam = camera_at(proj['camera']['keyframes'], f)
        body[:, :2] = cam['zoom'] * (body[:, :2] - cam['pivot']) + cam['pivot'] + cam['pan']
        tp = pack.pose_map(body, W, H)[None]
        rec = {}
        out = generate(pack, ref_img, ref_pose, tp, noise, steps=args.steps, record=rec)
        shares = np.bincount(rec['selected_g16'][0] // 256, minlength=len(ref_img)) / rec['selected_g16'].shape[1]
        print(f'frame {f}: zoom {cam["zoom"]:.2f}, reference shares (g16) {np.round(shares, 2).tolist()}, '
              f'{rec["prepare_s"] + rec["denoise_s"]:.1f} s')
        col = np.concatenate([cv2.resize(tp[0], (128, 128), interpolation=cv2.INTER_AREA), to_u8(out),
                              np.zeros((128, 128, 3), np.uint8)], 0)
        cells.append(col)
    cv2.imwrite(args.out, np.concatenate(cells, 1)[:, :, ::-1])
    print('written', args.out)


if __name__ == '__main__':
    main()
