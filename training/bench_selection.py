"""Denoiser time per step with top-K selected tokens vs all tokens, N = 1, 3, 8 references
(torch, 1 thread, batch 1, interleaved repetitions, median). Prints a markdown table.

  /usr/bin/python3 -m training.bench_selection --ckpt training/runs/full/best.pt
"""
import argparse
import time

import numpy as np
import torch

from .model.net import FVSTiny, BANKS, model_for


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt', default=None)
    ap.add_argument('--reps', type=int, default=20)
    args = ap.parse_args()
    torch.set_num_threads(1)
    m = model_for(torch.load(args.ckpt, map_location='cpu')['model']) if args.ckpt else FVSTiny()
    m.eval()
    x, t, pf = torch.randn(1, 3, 128, 128), torch.tensor([500.0]), m.guider(torch.rand(1, 3, 256, 256)).detach()
    cases = []
    for n in (1, 3, 8):
        for mode in ('top-K', 'all tokens'):
            ks = [min(k, n * g * g) if mode == 'top-K' else n * g * g for _, g, _, k in BANKS]
            toks = [(torch.randn(1, k, c), torch.rand(1, k)) for k, (_, _, c, _) in zip(ks, BANKS)]
            cases.append((n, mode, ks, toks))
    times = {i: [] for i in range(len(cases))}
    with torch.no_grad():
        for _ in range(args.reps):
            for i, (n, mode, ks, toks) in enumerate(cases):
                t0 = time.perf_counter()
                m.denoiser(x, t, pf, toks[0][0], toks[0][1], toks[1][0], toks[1][1])
                times[i].append(time.perf_counter() - t0)
    print('| N | tokens | K (g16, g8) | ms per denoiser step (median) |')
    print('|---|---|---|---|')
    for i, (n, mode, ks, _) in enumerate(cases):
        print(f'| {n} | {mode} | {ks[0]}, {ks[1]} | {1000 * np.median(times[i]):.1f} |')


if __name__ == '__main__':
    main()
