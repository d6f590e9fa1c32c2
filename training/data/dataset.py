"""Loads pre-rendered shards; the fixed held-out views used by previews and evaluation."""
import glob
import os
import numpy as np

from .posemap import draw_body

SIZE = 128
POSE = 256


def load_split(root, split):
    files = sorted(glob.glob(os.path.join(root, f'{split}_*.npz')))
    if not files:
        raise FileNotFoundError(f'no {split}_*.npz shards in {root}; run training.data.generate first')
    parts = [np.load(f) for f in files]
    return {k: np.concatenate([p[k] for p in parts]) for k in ('images', 'masks', 'keypoints')}


def pose_map(kp):
    return draw_body(kp[:18], SIZE, SIZE, POSE, POSE)


def fixed_eval_views(data, n_samples, seed=123):
    rng = np.random.default_rng(seed)
    n, G = data['images'].shape[:2]
    groups = list(range(min(n, n_samples)))
    views = []
    for _ in groups:
        p = rng.permutation(G)
        views.append((int(p[0]), [int(v) for v in p[1:]]))
    return groups, views
