"""Torch forward of the whole method (training and fast evaluation); same maths as the host."""
import numpy as np
import torch

from .net import BANKS, select_tokens
from .schedule import alphas_cumprod, timesteps

ABAR = torch.tensor(alphas_cumprod(), dtype=torch.float32)


def encode_refs(model, ref_image, ref_pose):
    """[B,R,...] -> list of bank feats [B,R,C,h,w]."""
    B, R = ref_image.shape[:2]
    g16, g8 = model.refnet(ref_image.flatten(0, 1), ref_pose.flatten(0, 1))
    return [g16.reshape(B, R, *g16.shape[1:]), g8.reshape(B, R, *g8.shape[1:])]


def correlation(model, ref_pose, target_pose):
    B, R = ref_pose.shape[:2]
    rt = model.pcm.ref_enc(ref_pose.flatten(0, 1))
    rt = rt.reshape(B, R, *rt.shape[1:])
    tt = model.pcm.tgt_enc(target_pose)
    return model.pcm.pair(rt, tt)


def conditioning(model, batch, topk=None, extra_random=False, use_pcm=True, drop=None):
    """Returns pose features and the list of (tokens, weights, idx) per bank, and corr."""
    B, R = batch['ref_image'].shape[:2]
    pose_feat = model.guider(batch['target_pose'])
    if R == 0:
        dev = pose_feat.device
        sel = [(torch.zeros(B, 1, c, device=dev), torch.zeros(B, 1, device=dev), None) for _, _, c, _ in BANKS]
        return pose_feat, sel, None
    feats = encode_refs(model, batch['ref_image'], batch['ref_pose'])
    corr = correlation(model, batch['ref_pose'], batch['target_pose'])
    if topk is None:
        topk = [k for _, _, _, k in BANKS]
    sel = select_tokens(corr, feats, topk, extra_random=extra_random, use_pcm=use_pcm)
    if drop is not None:
        keep = (~drop).float()
        sel = [(t * keep[:, None, None], w * keep[:, None], i) for t, w, i in sel]
    return pose_feat, sel, corr


def denoise(model, x, t, pose_feat, sel):
    return model.denoiser(x, t, pose_feat, sel[0][0], sel[0][1], sel[1][0], sel[1][1])


@torch.no_grad()
def sample(model, batch, steps=8, seed=0, noise=None, **cond_kw):
    pose_feat, sel, corr = conditioning(model, batch, **cond_kw)
    B = batch['target_pose'].shape[0]
    if noise is None:
        g = torch.Generator().manual_seed(seed)
        noise = torch.randn(1, 3, 128, 128, generator=g).expand(B, -1, -1, -1)  # on the CPU: same noise on every device
    x = noise.to(pose_feat.device, copy=True)
    ts = timesteps(steps)
    abar = alphas_cumprod()
    for i, t in enumerate(ts):
        m = denoise(model, x, torch.full((B,), float(t), device=x.device), pose_feat, sel)
        at = float(abar[t])
        ap = float(abar[ts[i + 1]]) if i + 1 < len(ts) else 1.0
        eps = (x - at ** 0.5 * m) / (1 - at) ** 0.5
        x = ap ** 0.5 * m + (1 - ap) ** 0.5 * eps
    return x.clamp(-1, 1), corr, sel
