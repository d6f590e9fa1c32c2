"""Pre-render the synthetic multi-shot dataset to npz shards.

A group = one character (appearance seed) seen G times: random mocap frames of one motion
segment and random cameras (orbit yaw 0-360, elevation, close-up..wide framing, pan).
Training samples draw R references + 1 target out of a group.

  /usr/bin/python3 -m training.data.generate --out training/.cache/data --split train \
      --groups 800 --shard 100
"""
import argparse
import os
import time
import numpy as np

from .bvh import Motion
from .mannequin import Skeleton3D, Camera, random_appearance, render, keypoints

BVH_DIR = os.path.join(os.path.dirname(__file__), '..', '.cache', 'bvh')
# (file, first frame, last frame) motion segments; the test split uses held-out segments.
SEGMENTS = {
    'train': [('01_01.bvh', 0, 2752), ('01_03.bvh', 0, 3400)],
    'test': [('01_03.bvh', 3400, 4511)],
}
SEED_BASE = {'train': 1000, 'test': 9_000_000}


def random_camera(rng):
    kind = rng.choice(['close', 'medium', 'wide'], p=[0.3, 0.35, 0.35])
    framing = {'close': rng.uniform(0.0, 0.2), 'medium': rng.uniform(0.3, 0.6),
               'wide': rng.uniform(0.75, 1.0)}[kind]
    return Camera(yaw=rng.uniform(0, 360), elevation=rng.uniform(-5, 25), framing=framing,
                  pan=(rng.uniform(-0.08, 0.08), rng.uniform(-0.06, 0.06)),
                  roll=rng.normal(0, 2.0), distance=rng.uniform(3.0, 5.0))


def render_group(motions, split, gid, G, size=128):
    rng = np.random.default_rng(SEED_BASE[split] + gid)
    app = random_appearance(rng)
    fname, a, b = SEGMENTS[split][gid % len(SEGMENTS[split])]
    m = motions[fname]
    b = min(b, m.nframes)
    centre = int(rng.integers(a, b))
    span = 480  # +- 4 s at 120 fps
    imgs, masks, kps = [], [], []
    for g in range(G):
        f = int(np.clip(centre + rng.integers(-span, span + 1), a, b - 1))
        sk = Skeleton3D(m, f)
        cam = random_camera(rng)
        img, mask = render(sk, cam, app, size)
        kp = keypoints(sk, cam)
        imgs.append(img)
        masks.append(mask)
        kps.append(kp.astype(np.float32))
    return np.stack(imgs), np.stack(masks), np.stack(kps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='training/.cache/data')
    ap.add_argument('--split', default='train')
    ap.add_argument('--groups', type=int, default=800)
    ap.add_argument('--start', type=int, default=0)
    ap.add_argument('--shard', type=int, default=100)
    ap.add_argument('--views', type=int, default=6)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    files = sorted({s[0] for s in SEGMENTS[args.split]})
    motions = {f: Motion(os.path.join(BVH_DIR, f)) for f in files}
    for s0 in range(args.start, args.start + args.groups, args.shard):
        path = os.path.join(args.out, f'{args.split}_{s0:05d}.npz')
        if os.path.exists(path):
            continue
        t0 = time.time()
        n = min(args.shard, args.start + args.groups - s0)
        out = [render_group(motions, args.split, s0 + k, args.views) for k in range(n)]
        np.savez(path + '.tmp.npz', images=np.stack([o[0] for o in out]), masks=np.stack([o[1] for o in out]),
                 keypoints=np.stack([o[2] for o in out]), group_ids=np.arange(s0, s0 + n))
        os.replace(path + '.tmp.npz', path)
        print(f'{path}: {n} groups in {time.time() - t0:.1f}s', flush=True)


if __name__ == '__main__':
    main()
