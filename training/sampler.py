"""Reference sampler: runs an exported pack end to end with numpy only (no torch).

Implements docs/model-pack.md: pose maps, reference stage, PCM, selection and fusion,
DDIM (eta 0) with guidance. The ONNX graphs are evaluated by training.onnx_numpy.
"""
import json
import os
import time

import cv2
import numpy as np

from .onnx_numpy import Graph
from .data.posemap import draw_body
from .model.schedule import alphas_cumprod, timesteps, ddim_step


def bilinear_resize(x, h, w):
    """x [..., H, W] -> [..., h, w], bilinear, align_corners=False, no antialiasing."""
    H, W = x.shape[-2:]
    if (H, W) == (h, w):
        return x.copy()

    def coords(n_out, n_in):
        src = (np.arange(n_out) + 0.5) * (n_in / n_out) - 0.5
        src = np.clip(src, 0, n_in - 1)
        i0 = np.floor(src).astype(np.int64)
        i1 = np.minimum(i0 + 1, n_in - 1)
        return i0, i1, (src - i0).astype(np.float32)
    y0, y1, fy = coords(h, H)
    x0, x1, fx = coords(w, W)
    top = x[..., y0, :] * (1 - fy)[:, None] + x[..., y1, :] * fy[:, None]
    return (top[..., x0] * (1 - fx) + top[..., x1] * fx).astype(np.float32)


def select(corr_b, bank, k, softmax=False):
    """corr_b [N,16,16] one frame; bank [N,C,h,w]. Returns idx [K], weights [K], tokens [K,C]."""
    n, c, h, w = bank.shape
    s = bilinear_resize(corr_b, h, w).reshape(n * h * w).astype(np.float32)
    if softmax:
        e = np.exp(s - s.max())
        s = e / e.sum()
    order = np.lexsort((np.arange(s.size), -s))  # descending score, ties by index
    idx = order[:min(k, s.size)]
    wgt = (2.0 / (1.0 + np.exp(-s[idx].astype(np.float64)))).astype(np.float32)
    feats = bank.transpose(0, 2, 3, 1).reshape(n * h * w, c)
    tok = feats[idx] * wgt[:, None]
    if idx.size < k:
        pad = k - idx.size
        idx = np.concatenate([idx, np.full(pad, -1)])
        wgt = np.concatenate([wgt, np.zeros(pad, np.float32)])
        tok = np.concatenate([tok, np.zeros((pad, c), np.float32)])
    return idx.astype(np.int64), wgt, tok.astype(np.float32)


class Pack:
    def __init__(self, folder):
        self.folder = folder
        self.meta = json.load(open(os.path.join(folder, 'pack.json')))
        self.graphs = {name: Graph(os.path.join(folder, g['file'])) for name, g in self.meta['graphs'].items()}
        s = self.meta['scheduler']
        self.abar = alphas_cumprod(s['num_train_timesteps'], s['beta_start'], s['beta_end'], s['beta_schedule'],
                                   s['rescale_zero_snr'])

    def pose_map(self, body, canvas_w, canvas_h):
        pm = self.meta['pose_map']
        return draw_body(body, canvas_w, canvas_h, pm['width'], pm['height'], pm['stick_half_width'],
                         pm['joint_radius'])

    def reference_image(self, rgb_u8):
        ri = self.meta['reference_image']
        return cv2.resize(rgb_u8, (ri['width'], ri['height']), interpolation=cv2.INTER_LINEAR)


def pose_tensor(u8):
    return (u8.astype(np.float32) / 255.0).transpose(0, 3, 1, 2).copy()


def image_tensor(u8):
    return (u8.astype(np.float32) / 127.5 - 1.0).transpose(0, 3, 1, 2).copy()


def generate(pack, ref_images_u8, ref_pose_u8, target_pose_u8, noise, steps=8, guidance=1.0, top_k=None,
             record=None):
    """ref_images_u8 [N,128,128,3], ref_pose_u8 [N,256,256,3], target_pose_u8 [1,256,256,3],
    noise [1,3,128,128] float32. Returns the final sample [1,3,128,128] in [-1,1]."""
    rec = record if record is not None else {}
    t0 = time.time()
    g = pack.graphs
    ri, rp, tp = image_tensor(ref_images_u8), pose_tensor(ref_pose_u8), pose_tensor(target_pose_u8)
    banks = g['reference_net'].run({'ref_image': ri, 'ref_pose': rp})
    corr = g['pcm'].run({'ref_pose': rp, 'target_pose': tp})['correlation']
    pose_feat = g['pose_guider'].run({'target_pose': tp})['pose_features']
    rec['correlation'] = corr
    rec['pose_features'] = pose_feat
    feeds = {'pose_features': pose_feat}
    uncond = {}
    for bank in pack.meta['banks']:
        name = bank['name']
        k = (top_k or {}).get(name, bank['top_k'])
        idx, w, tok = select(corr[0], banks['bank_' + name], k, pack.meta['selection']['softmax'])
        rec['bank_' + name] = banks['bank_' + name]
        rec['selected_' + name] = idx[None]
        rec['weights_' + name] = w[None]
        rec['tokens_' + name] = tok[None]
        feeds['tokens_' + name] = tok[None]
        feeds['weights_' + name] = w[None]
        uncond['tokens_' + name] = np.zeros_like(tok[None])
        uncond['weights_' + name] = np.zeros_like(w[None])
    rec['prepare_s'] = time.time() - t0
    s = pack.meta['scheduler']
    ts = timesteps(steps, s['num_train_timesteps'], s['timestep_spacing'])
    rec['timesteps'] = ts
    x = noise.astype(np.float32)
    t1 = time.time()
    for i, t in enumerate(ts):
        inp = dict(feeds, sample=x, timestep=np.full((1,), float(t), np.float32))
        m = g['denoiser'].run(inp)['prediction']
        if guidance != 1.0:
            mu = g['denoiser'].run(dict(inp, **uncond))['prediction']
            m = mu + guidance * (m - mu)
        if i == 0:
            rec['denoiser_step0'] = m
        ap = pack.abar[ts[i + 1]] if i + 1 < len(ts) else s['final_alpha_cumprod']
        x = ddim_step(x.astype(np.float64), m.astype(np.float64), pack.abar[t], ap,
                      s['prediction_type']).astype(np.float32)
    rec['denoise_s'] = time.time() - t1
    final = np.clip(x, -1, 1)
    rec['final'] = final
    return final


def to_u8(x):
    return np.round((np.clip(x[0], -1, 1) + 1) * 127.5).astype(np.uint8).transpose(1, 2, 0)
