"""Build assets/sample/Sample.fvs: three reference shots of a held-out character and a 48-frame
target motion (held-out mocap segment) with a dolly-in camera from wide to close-up on the face.

  /usr/bin/python3 -m training.make_sample --out assets/sample/Sample.fvs
"""
import argparse
import json
import os

import cv2
import numpy as np

from .data.bvh import Motion
from .data.generate import BVH_DIR, SEED_BASE
from .data.mannequin import Skeleton3D, Camera, random_appearance, render, keypoints

CANVAS = 512
CHARACTER = SEED_BASE['test'] + 40  # a held-out character seed
REFS = [
    {'id': 'ref-1', 'name': 'Close-up', 'file': 'closeup.png', 'scale': 'close-up', 'frame': 3450,
     'camera': dict(yaw=20, elevation=8, framing=0.05)},
    {'id': 'ref-2', 'name': 'Medium, side', 'file': 'medium.png', 'scale': 'medium', 'frame': 3520,
     'camera': dict(yaw=110, elevation=5, framing=0.45)},
    {'id': 'ref-3', 'name': 'Wide, from behind', 'file': 'wide.png', 'scale': 'wide', 'frame': 3700,
     'camera': dict(yaw=215, elevation=12, framing=1.0)},
]
MOTION_START, MOTION_STRIDE, FRAMES = 3900, 5, 48  # 120 fps -> 24 fps


def pose_json(kp):
    body = [[round(float(x), 2), round(float(y), 2), round(float(c), 3)] for x, y, c in kp[:18]]
    feet = [[round(float(x), 2), round(float(y), 2), round(float(c), 3)] for x, y, c in kp[18:24]]
    return {'body': body, 'feet': feet}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='assets/sample/Sample.fvs')
    args = ap.parse_args()
    os.makedirs(os.path.join(args.out, 'references'), exist_ok=True)
    os.makedirs(os.path.join(args.out, 'cache'), exist_ok=True)
    m = Motion(os.path.join(BVH_DIR, '01_03.bvh'))
    app = random_appearance(np.random.default_rng(CHARACTER))
    refs = []
    for r in REFS:
        sk = Skeleton3D(m, r['frame'])
        cam = Camera(**r['camera'])
        img, _ = render(sk, cam, app, CANVAS)
        kp = keypoints(sk, cam)
        cv2.imwrite(os.path.join(args.out, 'references', r['file']), img[:, :, ::-1])
        refs.append({'id': r['id'], 'name': r['name'], 'image': r['file'], 'scale': r['scale'], 'enabled': True,
                     'note': f"rendered, camera yaw {r['camera']['yaw']} deg",
                     'pose': {'canvas': {'width': CANVAS, 'height': CANVAS}, 'people': [pose_json(kp)]}})
    keys = []
    faces = []
    for f in range(FRAMES):
        sk = Skeleton3D(m, MOTION_START + f * MOTION_STRIDE)
        cam = Camera(yaw=35, elevation=8, framing=1.0)
        cam.setup(sk, CANVAS)
        kp = keypoints(sk, cam)
        if f == FRAMES - 1:
            cv2.imwrite('/tmp/sample_last_truth.png', render(sk, cam, app, CANVAS)[0][:, :, ::-1])
        keys.append({'frame': f, 'interpolation': 'linear', 'pose': pose_json(kp)})
        faces.append(kp[[0, 16, 17], :2].mean(0))  # head centre, also when the face is turned away
    face = faces[-1]  # zoom about the face where it is at the end of the move
    pivot = [round(float(face[0]), 1), round(float(face[1]), 1)]
    pan = [round(CANVAS / 2 - pivot[0], 1), round(CANVAS / 2 - 40 - pivot[1], 1)]
    project = {
        'format': 'fvstudio-project', 'version': 1, 'name': 'Sample', 'fps': 24, 'frame_count': FRAMES,
        'canvas': {'width': CANVAS, 'height': CANVAS},
        'references': refs,
        'target': {'people': [{'name': 'Person 1', 'keyframes': keys}]},
        'camera': {'keyframes': [
            {'frame': 0, 'zoom': 1.0, 'pivot': pivot, 'pan': [0, 0], 'roll': 0.0, 'cut': False,
             'interpolation': 'ease-in-out'},
            {'frame': FRAMES - 1, 'zoom': 3.2, 'pivot': pivot, 'pan': pan, 'roll': 0.0, 'cut': False,
             'interpolation': 'ease-in-out'}]},
        'generation': {'pack': 'fvs-tiny', 'device': 'auto', 'steps': 4, 'guidance': 1.0, 'seed': 42,
                       'token_budget': 0, 'references_used': []},
    }
    with open(os.path.join(args.out, 'project.json'), 'w') as fh:
        json.dump(project, fh, indent=1)
        fh.write('\n')
    with open(os.path.join(args.out, 'cache', '.keep'), 'w') as fh:
        fh.write('')
    print('written', args.out)


if __name__ == '__main__':
    main()
