"""Train fvs-tiny from scratch (resumable).

  /usr/bin/python3 -m training.train --config training/configs/full.json

Writes into the config's run folder: ckpt.pt (latest, resumable), best.pt (best held-out
PSNR), loss.csv, eval.csv, preview_XXXXXX.png (held-out batch: refs | target | prediction).
"""
import argparse
import contextlib
import json
import math
import os
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from .data.dataset import load_split, fixed_eval_views, POSE
from .data.posemap import draw_body
from .model.net import FVSTiny, weights
from .model.pipeline import conditioning, denoise, sample, ABAR


class PoseCache:
    """Pose maps drawn once per stored view (uint8, 256x256)."""

    def __init__(self, data):
        kp = data['keypoints']
        self.maps = np.zeros(kp.shape[:2] + (POSE, POSE, 3), np.uint8)
        for g in range(kp.shape[0]):
            for v in range(kp.shape[1]):
                self.maps[g, v] = draw_body(kp[g, v, :18], 128, 128, POSE, POSE)


def batch_from(data, cache, groups, views, R):
    img = data['images']
    B = len(groups)
    ri = np.stack([[img[g, r] for r in v[1][:R]] for g, v in zip(groups, views)]) if R else None
    rp = np.stack([[cache.maps[g, r] for r in v[1][:R]] for g, v in zip(groups, views)]) if R else None
    ti = np.stack([img[g, v[0]] for g, v in zip(groups, views)])
    tp = np.stack([cache.maps[g, v[0]] for g, v in zip(groups, views)])
    tm = np.stack([data['masks'][g, v[0]] for g, v in zip(groups, views)])

    def im(a):
        return torch.from_numpy(a).float().div_(127.5).sub_(1.0).movedim(-1, -3).contiguous()

    def pm(a):
        return torch.from_numpy(a).float().div_(255.0).movedim(-1, -3).contiguous()
    return {'ref_image': im(ri) if R else torch.zeros(B, 0, 3, 128, 128),
            'ref_pose': pm(rp) if R else torch.zeros(B, 0, 3, POSE, POSE),
            'target': im(ti), 'target_pose': pm(tp),
            'mask': torch.from_numpy(tm).float().div_(255.0)[:, None]}


def training_device(name):
    """'auto' = the first CUDA GPU when torch sees one, else the CPU."""
    if name == 'auto':
        name = 'cuda' if torch.cuda.is_available() else 'cpu'
    return torch.device(name)


def on(device, batch):
    return {k: v.to(device, non_blocking=True) for k, v in batch.items()}


def correspondence_labels(data, groups, views, R, grid=16, size=128):
    """[B,R,grid,grid] in {0,1}: a reference cell is 1 when it lies within one cell of a body
    joint that is present in that reference AND in the target (free supervision for the PCM:
    what the target shows decides which reference regions matter)."""
    kp = data['keypoints']
    lab = np.zeros((len(groups), R, grid, grid), np.float32)
    cell = size / grid
    for b, (g, v) in enumerate(zip(groups, views)):
        tgt = kp[g, v[0], :18]
        for r, rv in enumerate(v[1][:R]):
            ref = kp[g, rv, :18]
            for j in range(18):
                if ref[j, 2] > 0.3 and tgt[j, 2] > 0.3:
                    cx, cy = int(ref[j, 0] // cell), int(ref[j, 1] // cell)
                    lab[b, r, max(cy - 1, 0):cy + 2, max(cx - 1, 0):cx + 2] = 1.0
    return torch.from_numpy(lab)


def reconstruction_loss(pred, target, mask, cfg):
    """Per-pixel error weighted up on the figure (dilated mask, `fg_weight`) and on its outline
    (dilated minus eroded mask, `edge_weight`). `loss` 'l1' makes the prediction the per-pixel
    median rather than the mean: where the model is unsure whether a pixel is figure or
    background it picks one instead of a blend of both, which keeps the outline sharp (the
    blend is what widened the silhouette under 'mse')."""
    m = F.max_pool2d(mask, 5, 1, 2)
    w = 1.0 + cfg.get('fg_weight', 4.0) * m
    if cfg.get('edge_weight', 0.0) > 0:
        w = w + cfg['edge_weight'] * (m - (-F.max_pool2d(-mask, 5, 1, 2)))
    err = (pred - target).abs() if cfg.get('loss', 'mse') == 'l1' else (pred - target) ** 2
    return (w * err).mean() / w.mean()


class WeightAverage:
    """Exponential moving average of the weights (decay 0 = off). Evaluation and export use the
    average: it removes much of the step-to-step jitter that shows as noise in sampled frames."""

    def __init__(self, model, decay, state=None):
        self.decay = decay
        self.state = None
        if decay > 0:
            self.state = {k: v.detach().clone() for k, v in (state or model.state_dict()).items()}

    @torch.no_grad()
    def update(self, model):
        if self.state is not None:
            for k, v in model.state_dict().items():
                if v.dtype.is_floating_point:
                    self.state[k].mul_(self.decay).add_(v, alpha=1 - self.decay)

    @contextlib.contextmanager
    def applied(self, model):
        if self.state is None:
            yield
            return
        raw = {k: v.detach().clone() for k, v in model.state_dict().items()}
        model.load_state_dict(self.state)
        try:
            yield
        finally:
            model.load_state_dict(raw)

    def checkpoint(self):
        return {} if self.state is None else {'ema': self.state}


def psnr(a, b):
    mse = ((a - b) ** 2).mean(dim=(1, 2, 3)) / 4.0  # [-1,1] -> [0,1] scale
    return (10 * torch.log10(1.0 / mse.clamp_min(1e-10))).mean().item()


def to_u8(x):
    return ((x.clamp(-1, 1) + 1) * 127.5).round().byte().permute(0, 2, 3, 1).cpu().numpy()


def save_preview(path, batch, pred):
    rows = []
    R = batch['ref_image'].shape[1]
    for i in range(pred.shape[0]):
        cells = [to_u8(batch['ref_image'][i])[r] for r in range(R)]
        cells += [to_u8(batch['target'][i:i + 1])[0], to_u8(pred[i:i + 1])[0]]
        rows.append(np.concatenate(cells, 1))
    cv2.imwrite(path, np.concatenate(rows, 0)[:, :, ::-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--config', required=True)
    args = ap.parse_args()
    cfg = json.load(open(args.config))
    torch.set_num_threads(cfg.get('threads', 2))
    device = training_device(cfg.get('device', 'auto'))
    run = cfg['run_dir']
    os.makedirs(run, exist_ok=True)
    train = load_split(cfg['data_dir'], 'train')
    test = load_split(cfg['data_dir'], 'test')
    t0 = time.time()
    tcache, vcache = PoseCache(train), PoseCache(test)
    print(f'data: {train["images"].shape[0]} train groups, {test["images"].shape[0]} test groups, '
          f'pose maps in {time.time() - t0:.0f}s; training on {device}', flush=True)
    eg, ev = fixed_eval_views(test, cfg.get('eval_samples', 6))
    evb = on(device, batch_from(test, vcache, eg, ev, 3))

    torch.manual_seed(cfg.get('seed', 0))
    model = FVSTiny(detail=cfg.get('detail', True)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg['lr'], weight_decay=0.01)
    step, best = 0, -1.0
    ck = os.path.join(run, 'ckpt.pt')
    if not os.path.exists(ck) and cfg.get('init'):
        # warm start (training.warmstart, or an earlier run's moving average): modules new in
        # this code stay fresh
        init = weights(torch.load(cfg['init'], map_location=device))
        missing, unexpected = model.load_state_dict(init, strict=False)
        if unexpected:
            raise SystemExit(f'{cfg["init"]}: parameters this model does not have: {unexpected}')
        print(f'initialised from {cfg["init"]}; fresh: {sorted({k.rsplit(".", 2)[0] for k in missing})}',
              flush=True)
    if os.path.exists(ck):
        st = torch.load(ck, map_location=device)
        model.load_state_dict(st['model'])
        opt.load_state_dict(st['opt'])
        step, best = st['step'], st.get('best', -1.0)
        print(f'resumed at step {step}', flush=True)
    ema = WeightAverage(model, cfg.get('ema', 0.0), st.get('ema') if os.path.exists(ck) else None)
    rng = np.random.default_rng(cfg.get('seed', 0) + step)
    total, warm = cfg['steps'], cfg.get('warmup', 100)
    B = cfg['batch']
    deadline = time.time() + 60 * cfg.get('max_minutes', 1e9)
    lossf = open(os.path.join(run, 'loss.csv'), 'a')
    evalf = open(os.path.join(run, 'eval.csv'), 'a')
    t_start = time.time()
    n_train, G = train['images'].shape[:2]

    def save(path):
        tmp = path + '.tmp'
        torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'step': step, 'best': best,
                    'config': cfg, **ema.checkpoint()}, tmp)
        os.replace(tmp, path)

    model.train()
    while step < total and time.time() < deadline:
        lr = cfg['lr'] * min(1.0, (step + 1) / warm) * (0.3 + 0.7 * 0.5 * (1 + math.cos(math.pi * step / total)))
        for g in opt.param_groups:
            g['lr'] = lr
        R = int(rng.choice(cfg.get('refs', [1, 2, 3])))
        groups = rng.integers(0, n_train, B).tolist()
        views = []
        for _ in range(B):
            p = rng.permutation(G)
            views.append((int(p[0]), [int(v) for v in p[1:]]))
        batch = on(device, batch_from(train, tcache, groups, views, R))
        drop = torch.from_numpy(rng.random(B) < cfg.get('ref_drop', 0.1)).to(device)
        pose_feat, sel, corr = conditioning(model, batch, extra_random=True, drop=drop)
        t = torch.from_numpy(rng.integers(0, 1000, B))
        t = torch.where(torch.from_numpy(rng.random(B) < cfg.get('p_t_max', 0.3)), torch.full_like(t, 999), t)
        a = ABAR[t][:, None, None, None].to(device)
        t = t.to(device)
        x0 = batch['target']
        xt = a.sqrt() * x0 + (1 - a).sqrt() * torch.randn_like(x0)
        pred = denoise(model, xt, t.float(), pose_feat, sel)
        loss = reconstruction_loss(pred, x0, batch['mask'], cfg)
        aux = cfg.get('pcm_aux_weight', 0.0)
        if aux > 0 and corr is not None:
            lab = correspondence_labels(train, groups, views, R).to(device)
            loss = loss + aux * F.binary_cross_entropy_with_logits(corr, lab)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        ema.update(model)
        step += 1
        lossf.write(f'{step},{loss.item():.5f},{lr:.6f},{R},{time.time() - t_start:.1f}\n')
        lossf.flush()
        if step % 10 == 0:
            print(f'step {step} loss {loss.item():.4f} lr {lr:.2e} R {R} '
                  f'{(time.time() - t_start) / 60:.1f} min', flush=True)
        if step % cfg.get('ckpt_every', 50) == 0:
            save(ck)
        if step % cfg.get('eval_every', 200) == 0 or step == total:
            model.eval()
            with ema.applied(model):
                out, _, _ = sample(model, evb, steps=cfg.get('eval_steps', 4), seed=0)
            v = psnr(out, evb['target'])
            model.train()
            evalf.write(f'{step},{v:.3f}\n')
            evalf.flush()
            save_preview(os.path.join(run, f'preview_{step:06d}.png'), evb, out)
            print(f'eval step {step}: held-out PSNR {v:.2f} dB', flush=True)
            if v > best:
                best = v
                save(os.path.join(run, 'best.pt'))
            save(ck)
    save(ck)
    print(f'done at step {step}, best held-out PSNR {best:.2f}', flush=True)


if __name__ == '__main__':
    main()
