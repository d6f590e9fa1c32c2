"""Write golden tensors for the Java parity tests with the numpy reference sampler (no torch).

  /usr/bin/python3 -m training.golden --pack assets/packs/fvs-tiny \
      --out inference/src/test/resources/golden/fvs-tiny
"""
import argparse
import hashlib
import json
import os

import cv2
import numpy as np

from .data.dataset import load_split
from .sampler import Pack, generate, to_u8

CASES = [
    {'name': 'case1', 'group': 0, 'target_view': 0, 'ref_views': [1, 2, 3], 'steps': 4, 'guidance': 1.0, 'seed': 1},
    {'name': 'case2', 'group': 5, 'target_view': 2, 'ref_views': [0, 4], 'steps': 3, 'guidance': 2.0, 'seed': 7},
]


def save(out, name, arr, index):
    arr = np.ascontiguousarray(arr)
    if arr.dtype == np.float64:
        arr = arr.astype(np.float32)
    arr = arr.astype(arr.dtype.newbyteorder('<'))
    path = os.path.join(out, name + '.npy')
    np.save(path, arr, allow_pickle=False)
    index[name + '.npy'] = {'shape': list(arr.shape), 'dtype': str(arr.dtype.name)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pack', default='assets/packs/fvs-tiny')
    ap.add_argument('--data', default='training/.cache/data')
    ap.add_argument('--out', default='inference/src/test/resources/golden/fvs-tiny')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pack = Pack(args.pack)
    test = load_split(args.data, 'test')
    pack_sha = hashlib.sha256(open(os.path.join(args.pack, 'pack.json'), 'rb').read()).hexdigest()
    for case in CASES:
        out = os.path.join(args.out, case['name'])
        os.makedirs(out, exist_ok=True)
        g = case['group']
        kp = test['keypoints'][g]
        refs = case['ref_views']
        ref_img = np.stack([pack.reference_image(test['images'][g, v]) for v in refs])
        ref_pose = np.stack([pack.pose_map(kp[v, :18], 128, 128) for v in refs])
        tgt_pose = pack.pose_map(kp[case['target_view'], :18], 128, 128)[None]
        noise = np.random.default_rng(case['seed']).standard_normal((1, 3, 128, 128)).astype(np.float32)
        rec = {}
        generate(pack, ref_img, ref_pose, tgt_pose, noise, steps=case['steps'], guidance=case['guidance'],
                 record=rec)
        index = {}
        save(out, 'ref_image_u8', ref_img, index)
        save(out, 'ref_pose_u8', ref_pose, index)
        save(out, 'target_pose_u8', tgt_pose, index)
        save(out, 'noise', noise, index)
        for k in ('correlation', 'pose_features', 'bank_g16', 'bank_g8', 'selected_g16', 'weights_g16',
                  'tokens_g16', 'selected_g8', 'weights_g8', 'tokens_g8', 'denoiser_step0', 'final'):
            save(out, k, rec[k], index)
        cv2.imwrite(os.path.join(out, 'final.png'), to_u8(rec['final'])[:, :, ::-1])
        cv2.imwrite(os.path.join(out, 'target_truth.png'), test['images'][g, case['target_view']][:, :, ::-1])
        keypoints = {
            'canvas': {'width': 128, 'height': 128},
            'references': [kp[v, :18].round(4).tolist() for v in refs],
            'target': kp[case['target_view'], :18].round(4).tolist(),
        }
        meta = dict(case, pack_json_sha256=pack_sha, timesteps=[int(t) for t in rec['timesteps']],
                    top_k={b['name']: b['top_k'] for b in pack.meta['banks']}, files=index,
                    keypoints=keypoints, seconds={'prepare': round(rec['prepare_s'], 3),
                                                  'denoise': round(rec['denoise_s'], 3)})
        with open(os.path.join(out, 'case.json'), 'w') as f:
            json.dump(meta, f, indent=1)
        print(case['name'], 'written', meta['seconds'])


if __name__ == '__main__':
    main()
