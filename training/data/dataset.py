"""Loads pre-rendered shards and assembles (references, target) samples."""
import glob
import os
import numpy as np
import torch

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


def to_image_tensor(u8):
    return torch.from_numpy(np.ascontiguousarray(u8)).permute(2, 0, 1).float() / 127.5 - 1.0


def to_pose_tensor(u8):
    return torch.from_numpy(np.ascontiguousarray(u8)).permute(2, 0, 1).float() / 255.0


def make_batch(data, groups, views, R):
    """groups: list of group ids; views: list of (target view, [ref views]) per sample."""
    ri, rp, ti, tp, tm = [], [], [], [], []
    for g, (t, refs) in zip(groups, views):
        for r in refs[:R]:
            ri.append(to_image_tensor(data['images'][g, r]))
            rp.append(to_pose_tensor(pose_map(data['keypoints'][g, r])))
        ti.append(to_image_tensor(data['images'][g, t]))
        tp.append(to_pose_tensor(pose_map(data['keypoints'][g, t])))
        tm.append(torch.from_numpy(data['masks'][g, t].astype(np.float32) / 255.0)[None])
    B = len(groups)
    return {'ref_image': torch.stack(ri).reshape(B, R, 3, SIZE, SIZE) if R else torch.zeros(B, 0, 3, SIZE, SIZE),
            'ref_pose': torch.stack(rp).reshape(B, R, 3, POSE, POSE) if R else torch.zeros(B, 0, 3, POSE, POSE),
            'target': torch.stack(ti), 'target_pose': torch.stack(tp), 'mask': torch.stack(tm)}


def random_batch(data, rng, B, R):
    n, G = data['images'].shape[:2]
    groups = rng.integers(0, n, B).tolist()
    views = []
    for _ in range(B):
        p = rng.permutation(G)
        views.append((int(p[0]), [int(v) for v in p[1:]]))
    return make_batch(data, groups, views, R)


def fixed_eval_views(data, n_samples, seed=123):
    rng = np.random.default_rng(seed)
    n, G = data['images'].shape[:2]
    groups = list(range(min(n, n_samples)))
    views = []
    for _ in groups:
        p = rng.permutation(G)
        views.append((int(p[0]), [int(v) for v in p[1:]]))
    return groups, views
