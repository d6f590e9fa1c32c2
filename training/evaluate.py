"""Held-out evaluation and ablation table (training/RESULTS.md).

  /usr/bin/python3 -m training.evaluate --ckpt training/runs/full/best.pt --out training/runs/full/eval

Every configuration generates the same held-out targets (test split: unseen characters, unseen
motion segment) with 8 DDIM steps and the same noise, then compares with the ground-truth
renders: L1 and PSNR on [0,1] RGB, SSIM (Gaussian window 11, sigma 1.5, on luma), silhouette
IoU (figure = pixels that differ from the known background by > 0.1), and seconds per frame
(batch 1, the whole per-frame cost: reference net, PCM, selection, 8 denoiser steps).
"""
import argparse
import json
import os
import time

import cv2
import numpy as np
import torch

from .data.dataset import load_split, fixed_eval_views
from .data.generate import SEED_BASE
from .data.mannequin import random_appearance
from .model.net import model_for, weights
from .model.pipeline import sample
from .train import PoseCache, batch_from

CONFIGS = [
    ('no references', dict(R=0)),
    ('R=1', dict(R=1)),
    ('R=2', dict(R=2)),
    ('R=3, PCM + selection', dict(R=3)),
    ('R=3, no PCM (uniform correlation)', dict(R=3, use_pcm=False)),
    ('R=3, no selection (all tokens)', dict(R=3, topk=[None, None])),
]


def ssim(a, b):
    """a, b: float [H,W] in [0,1]."""
    c1, c2 = 0.01 ** 2, 0.03 ** 2

    def blur(x):
        return cv2.GaussianBlur(x, (11, 11), 1.5)
    ma, mb = blur(a), blur(b)
    va, vb, cov = blur(a * a) - ma * ma, blur(b * b) - mb * mb, blur(a * b) - ma * mb
    return float((((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma ** 2 + mb ** 2 + c1) * (va + vb + c2))).mean())


def luma(x):
    return (0.299 * x[..., 0] + 0.587 * x[..., 1] + 0.114 * x[..., 2]).astype(np.float32)


def background(gid, size=128):
    app = random_appearance(np.random.default_rng(SEED_BASE['test'] + gid))
    yy = np.linspace(0, 1, size, dtype=np.float32)[:, None, None]
    return (app['bg'][None, None] * (1 - yy) + app['bg2'][None, None] * yy) / 255.0


def silhouette(img01, bg):
    fg = (np.abs(img01 - bg).max(-1) > 0.1).astype(np.uint8)
    return cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)) > 0


def evaluate(model, test, cache, groups, views, cfg, steps=8, batch=16):
    R = cfg.get('R', 3)
    kw = {}
    if 'use_pcm' in cfg:
        kw['use_pcm'] = cfg['use_pcm']
    if 'topk' in cfg:
        kw['topk'] = cfg['topk']
    preds = []
    for s in range(0, len(groups), batch):
        b = batch_from(test, cache, groups[s:s + batch], views[s:s + batch], R)
        out, _, _ = sample(model, b, steps=steps, seed=0, **kw)
        preds.append(((out + 1) / 2).permute(0, 2, 3, 1).numpy())
    preds = np.concatenate(preds)
    l1, ps, ss, iou = [], [], [], []
    for i, (g, v) in enumerate(zip(groups, views)):
        gt = test['images'][g, v[0]].astype(np.float32) / 255.0
        p = preds[i]
        l1.append(np.abs(p - gt).mean())
        mse = ((p - gt) ** 2).mean()
        ps.append(10 * np.log10(1.0 / max(mse, 1e-10)))
        ss.append(ssim(luma(p), luma(gt)))
        bg = background(g)
        sp, sg = silhouette(p, bg), test['masks'][g, v[0]] > 127
        iou.append((sp & sg).sum() / max((sp | sg).sum(), 1))
    # timing: batch 1, 8 frames, median
    times = []
    for i in range(8):
        b = batch_from(test, cache, groups[i:i + 1], views[i:i + 1], R)
        t0 = time.perf_counter()
        sample(model, b, steps=steps, seed=0, **kw)
        times.append(time.perf_counter() - t0)
    return {'L1': float(np.mean(l1)), 'PSNR': float(np.mean(ps)), 'SSIM': float(np.mean(ss)),
            'IoU': float(np.mean(iou)), 's_per_frame': float(np.median(times))}, preds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', required=True)
    ap.add_argument('--data', default='training/.cache/data')
    ap.add_argument('--out', required=True)
    ap.add_argument('--samples', type=int, default=64)
    ap.add_argument('--steps', type=int, default=8)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--sweep', default='', help='comma-separated DDIM step counts to evaluate R=3 at')
    ap.add_argument('--raw', action='store_true', help='the trained weights, not their moving average')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    st = torch.load(args.ckpt, map_location='cpu')
    model = model_for(weights(st, args.raw))
    model.eval()
    test = load_split(args.data, 'test')
    cache = PoseCache(test)
    groups, views = fixed_eval_views(test, args.samples, seed=2024)
    # sanity of the silhouette rule on ground truth
    gt_iou = []
    for g, v in zip(groups, views):
        gt = test['images'][g, v[0]].astype(np.float32) / 255.0
        sp, sg = silhouette(gt, background(g)), test['masks'][g, v[0]] > 127
        gt_iou.append((sp & sg).sum() / max((sp | sg).sum(), 1))
    rows = {}
    grid = []
    for name, cfg in CONFIGS:
        res, preds = evaluate(model, test, cache, groups, views, cfg, steps=args.steps)
        rows[name] = res
        grid.append(preds[:6])
        print(f'{name:38s} L1 {res["L1"]:.4f} PSNR {res["PSNR"]:.2f} SSIM {res["SSIM"]:.3f} '
              f'IoU {res["IoU"]:.3f} {res["s_per_frame"]:.3f} s/frame', flush=True)
    sweep = {}
    for steps in [int(x) for x in args.sweep.split(',') if x]:
        sweep[steps], _ = evaluate(model, test, cache, groups, views, dict(R=3), steps=steps)
        print(f'R=3 at {steps} steps: PSNR {sweep[steps]["PSNR"]:.2f} IoU {sweep[steps]["IoU"]:.3f}', flush=True)
    summary = {'checkpoint': args.ckpt, 'step': st['step'], 'samples': len(groups), 'steps': args.steps,
               'silhouette_rule_iou_on_ground_truth': float(np.mean(gt_iou)), 'results': rows,
               'steps_sweep': sweep}
    with open(os.path.join(args.out, 'results.json'), 'w') as f:
        json.dump(summary, f, indent=1)
    # picture: rows = samples; columns = refs(3) | truth | one column per config
    cells = []
    for i in range(min(6, len(groups))):
        g, v = groups[i], views[i]
        row = [test['images'][g, r] for r in v[1][:3]] + [test['images'][g, v[0]]]
        row += [np.round(np.clip(p[i], 0, 1) * 255).astype(np.uint8) for p in grid]
        cells.append(np.concatenate(row, 1))
    cv2.imwrite(os.path.join(args.out, 'ablation.png'), np.concatenate(cells, 0)[:, :, ::-1])
    print(json.dumps(summary, indent=1))


if __name__ == '__main__':
    main()
