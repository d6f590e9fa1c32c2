"""The adaptation protocol of training/RESULTS.md, one command:

  /usr/bin/python3 -m training.adapt_protocol --minutes 20 --marks 5,10 --out training/runs/adapt
  # reproducible on another machine by steps instead of minutes:
  /usr/bin/python3 -m training.adapt_protocol --steps 1200 --marks 300,600 --out training/runs/adapt

Real part (Pose2Sim, training/realdata.py for framing and masks): the shipped pack is adapted on
every frame of cameras 1, 2 and 4 (a sample's target is one frame, its references 1-3 other
frames); camera 3 is never seen. Held out: camera 3's frames 0, 5, ..., 95, each generated from
three references, the frame (t + 50) mod 100 of cameras 1, 2 and 4. One adaptation runs for the
whole budget; the moving average of its weights is kept at each mark and at the end, and every
kept state is evaluated after the run (so evaluation does not eat into the budget).

Synthetic part (--synthetic): one held-out character of the test split (unseen appearance seed,
unseen motion segment) seen from 23 random cameras: views 0-2 are the three shots it is adapted
to, views 3-22 its unseen frames, each generated from the three shots.

Rows: the shipped pack; the adapted states; "nearest reference": the reference whose pose is
closest to the target's (mean distance of the joints both show, after centring on the neck and
scaling by the torso), scaled about its torso to the target's torso length and moved onto the
target's neck, its figure (the reference's mask) pasted on the known background. Metrics: PSNR and SSIM inside the person (the
ground-truth mask; SSIM map on luma, Gaussian window 11, sigma 1.5, averaged over the mask), L1 of
the whole frame on [0, 1] RGB, silhouette IoU (figure = pixels more than 0.1 from the known
background in some channel, 3x3 opening; training/evaluate.py). 4 DDIM steps (the pack's
default), noise seed 0, shared by every row.

Writes OUT/results.json, OUT/real.png and OUT/synthetic.png (rows: held-out frames; columns: three
references | ground truth | shipped pack | adapted (last state) | nearest reference).
"""
import argparse
import json
import os
import time

import cv2
import numpy as np

from .adapt import Adaptation, Budget, Shots, load_base, torso
from . import realdata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
PACK = os.path.join(ROOT, 'assets', 'packs', 'fvs-tiny')


def real_split(data, test_every=5, offset=50):
    """Adaptation shots (cams 1, 2, 4) and held-out cases (cam03 target, three references)."""
    adapt_cams = ['cam01', 'cam02', 'cam04']
    images = np.concatenate([data[c]['images'] for c in adapt_cams])
    kps = np.concatenate([data[c]['keypoints'] for c in adapt_cams])
    masks = np.concatenate([data[c]['masks'] for c in adapt_cams])
    shots = Shots(images, kps, masks)
    cam3 = data['cam03']
    frames = list(cam3['frames'])
    cases = []
    for i, f in enumerate(frames):
        if f % test_every:
            continue
        refs = []
        for c in adapt_cams:
            fr = list(data[c]['frames'])
            want = (f + offset) % 100
            j = min(range(len(fr)), key=lambda k: abs(fr[k] - want))
            refs.append((data[c]['images'][j], data[c]['keypoints'][j], data[c]['masks'][j]))
        cases.append({'target': cam3['images'][i], 'target_kp': cam3['keypoints'][i], 'mask': cam3['masks'][i],
                      'refs': refs, 'frame': int(f)})
    return shots, cases


def synthetic_split(gid=0, views=23, shots_n=3):
    from .data.bvh import Motion
    from .data.generate import BVH_DIR, SEGMENTS, render_group
    files = sorted({s[0] for s in SEGMENTS['test']})
    motions = {f: Motion(os.path.join(BVH_DIR, f)) for f in files}
    imgs, masks, kps = render_group(motions, 'test', gid, views)
    shots = Shots(imgs[:shots_n], kps[:shots_n, :18], masks[:shots_n])
    refs = [(imgs[i], kps[i, :18], masks[i]) for i in range(shots_n)]
    cases = [{'target': imgs[i], 'target_kp': kps[i, :18], 'mask': masks[i], 'refs': refs, 'frame': i}
             for i in range(shots_n, views)]
    return shots, cases


def centre(kp):
    return kp[1, :2]


def pose_distance(a, b):
    ta, tb = torso(a), torso(b)
    if not ta or not tb:
        return float('inf')
    both = (a[:, 2] > 0.3) & (b[:, 2] > 0.3)
    if both.sum() < 3:
        return float('inf')
    pa = (a[both, :2] - centre(a)) / ta
    pb = (b[both, :2] - centre(b)) / tb
    return float(np.linalg.norm(pa - pb, axis=1).mean())


def nearest_reference(case, bg):
    """The closest-pose reference, scaled to the target's torso and moved onto its neck."""
    tk = case['target_kp']
    img, kp, mask = min(case['refs'], key=lambda r: pose_distance(r[1], tk))
    s = (torso(tk) or 1.0) / (torso(kp) or 1.0)
    c_src, c_dst = centre(kp), centre(tk)
    M = np.array([[s, 0, c_dst[0] - s * c_src[0]], [0, s, c_dst[1] - s * c_src[1]]], np.float32)
    out = cv2.warpAffine(np.ascontiguousarray(img), M, (128, 128), flags=cv2.INTER_LINEAR).astype(np.float32) / 255.0
    m = cv2.warpAffine(np.ascontiguousarray(mask), M, (128, 128), flags=cv2.INTER_LINEAR)[:, :, None] > 127
    return np.where(m, out, np.broadcast_to(bg, out.shape)).astype(np.float32)


def generate(model, cases, steps=4):
    import torch
    from .data.posemap import draw_body
    from .model.pipeline import sample
    model.eval()
    out = []
    for c in cases:
        def im(a):
            return torch.from_numpy(np.asarray(a)).float().div(127.5).sub(1.0).movedim(-1, -3)

        def pm(a):
            return torch.from_numpy(np.asarray(a)).float().div(255.0).movedim(-1, -3)
        b = {'ref_image': im(np.stack([r[0] for r in c['refs']]))[None],
             'ref_pose': pm(np.stack([draw_body(r[1], 128, 128) for r in c['refs']]))[None],
             'target_pose': pm(draw_body(c['target_kp'], 128, 128))[None]}
        with torch.no_grad():
            x, _, _ = sample(model, b, steps=steps, seed=0)
        out.append(((x[0] + 1) / 2).permute(1, 2, 0).numpy())
    return out


def masked_ssim(a, b, m):
    from .evaluate import luma
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    a, b = luma(a), luma(b)

    def blur(x):
        return cv2.GaussianBlur(x, (11, 11), 1.5)
    ma, mb = blur(a), blur(b)
    va, vb, cov = blur(a * a) - ma * ma, blur(b * b) - mb * mb, blur(a * b) - ma * mb
    s = ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma ** 2 + mb ** 2 + c1) * (va + vb + c2))
    return float(s[m].mean())


def metrics(preds, cases, bg):
    from .evaluate import silhouette
    rows = {'PSNR_person': [], 'SSIM_person': [], 'L1': [], 'IoU': []}
    for p, c in zip(preds, cases):
        gt = c['target'].astype(np.float32) / 255.0
        m = c['mask'] > 127
        mse = ((p - gt) ** 2)[m].mean()
        rows['PSNR_person'].append(10 * np.log10(1.0 / max(float(mse), 1e-10)))
        rows['SSIM_person'].append(masked_ssim(p, gt, m))
        rows['L1'].append(float(np.abs(p - gt).mean()))
        sp = silhouette(p, bg)
        rows['IoU'].append(float((sp & m).sum() / max((sp | m).sum(), 1)))
    return {k: float(np.mean(v)) for k, v in rows.items()}


def picture(path, cases, columns, n=5):
    idx = np.linspace(0, len(cases) - 1, min(n, len(cases))).round().astype(int)
    rows = []
    for i in idx:
        c = cases[i]
        cells = [r[0] for r in c['refs'][:3]] + [c['target']]
        cells += [np.round(np.clip(col[i], 0, 1) * 255).astype(np.uint8) for col in columns]
        rows.append(np.concatenate(cells, 1))
    cv2.imwrite(path, np.concatenate(rows, 0)[:, :, ::-1])


def run_part(name, shots, cases, bg, budget, args, out):
    """Adapts once for the whole budget (states kept at the marks), then evaluates every row."""
    import torch
    from .model.net import model_for
    log = open(os.path.join(out, f'{name}_progress.jsonl'), 'a')
    base = load_base(args.base)
    results = {}
    t0 = time.perf_counter()
    before = generate(base, cases)
    results['shipped pack'] = metrics(before, cases, bg)
    print(f'[{name}] shipped pack: {results["shipped pack"]} ({time.perf_counter() - t0:.0f}s)', flush=True)
    near = [nearest_reference(c, bg) for c in cases]
    results['nearest reference'] = metrics(near, cases, bg)
    print(f'[{name}] nearest reference: {results["nearest reference"]}', flush=True)

    def emit(e):
        log.write(json.dumps(e) + '\n')
        log.flush()
        if e['event'] == 'progress' and e['step'] % 25 == 0:
            print(f'[{name}] step {e["step"]} loss {e["loss_avg"]:.4f} wall {e["elapsed_s"]:.0f}s '
                  f'cpu {e["cpu_s"]:.0f}s', flush=True)
    kept = []

    def keep(mark, run, wall, cpu):
        state = {k: v.detach().clone() for k, v in run.averaged().items()}
        kept.append((mark, run.step, wall, cpu, state))
        torch.save({'ema': state, 'model': state, 'step': run.step}, os.path.join(out, f'{name}_mark{mark}.pt'))
        print(f'[{name}] mark {mark}: step {run.step}, wall {wall:.0f}s, cpu {cpu:.0f}s', flush=True)

    run = Adaptation(load_base(args.base), shots, {'batch': args.batch, 'preview_every': 0, 'seed': 1}, emit)
    t_wall, t_cpu = time.time(), time.process_time()
    run.run(budget, None, keep)
    final_wall, final_cpu = time.time() - t_wall, time.process_time() - t_cpu
    keep('end', run, final_wall, final_cpu)
    after = None
    for mark, step, wall, cpu, state in kept:
        preds = generate(model_for(state), cases)
        label = f'adapted, {"end" if mark == "end" else mark} ({step} steps, {wall / 60:.1f} min wall, {cpu / 60:.1f} min CPU)'
        results[label] = {**metrics(preds, cases, bg), 'steps': step, 'wall_s': round(wall, 1), 'cpu_s': round(cpu, 1)}
        print(f'[{name}] {label}: {results[label]}', flush=True)
        after = preds
    picture(os.path.join(out, f'{name}.png'), cases, [before, after, near])
    return results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='training/runs/adapt')
    ap.add_argument('--base', default=PACK)
    ap.add_argument('--video-dir', default=os.path.join(ROOT, '..', 'shared', 'data', 'video'))
    ap.add_argument('--pose-dir', default=os.path.join(ROOT, '..', 'shared', 'data', 'poses', 'pose2sim'))
    ap.add_argument('--minutes', type=float, help='adaptation budget, wall-clock')
    ap.add_argument('--steps', type=int, help='adaptation budget in steps (reproducible across machines)')
    ap.add_argument('--marks', default='', help='comma-separated minutes (or steps) at which to keep a state')
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--frames', help='only these frame numbers (comma-separated; the tests use a few)')
    ap.add_argument('--parts', default='real,synthetic')
    args = ap.parse_args()
    import torch
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    marks = [float(m) if args.minutes else int(m) for m in args.marks.split(',') if m]
    frames = [int(f) for f in args.frames.split(',')] if args.frames else None
    summary = {'budget': {'minutes': args.minutes, 'steps': args.steps, 'marks': marks}, 'threads': args.threads,
               'batch': args.batch, 'started_utc': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}
    path = os.path.join(args.out, 'results.json')
    if 'real' in args.parts:
        t0 = time.time()
        cache = None if frames else os.path.join(ROOT, 'training', '.cache', 'pose2sim.npz')
        data = realdata.prepare(args.video_dir, args.pose_dir, cache, frames)
        print(f'real data ready in {time.time() - t0:.0f}s', flush=True)
        shots, cases = real_split(data)
        bg = realdata.GREEN.astype(np.float32)[None, None] / 255.0
        summary['real'] = run_part('real', shots, cases, bg, Budget(args.steps, args.minutes, marks), args, args.out)
        summary['real_cases'] = len(cases)
        json.dump(summary, open(path, 'w'), indent=1)
    if 'synthetic' in args.parts:
        from .evaluate import background
        shots, cases = synthetic_split()
        summary['synthetic'] = run_part('synthetic', shots, cases, background(0), Budget(args.steps, args.minutes, marks),
                                        args, args.out)
        summary['synthetic_cases'] = len(cases)
    json.dump(summary, open(path, 'w'), indent=1)
    print(json.dumps(summary, indent=1))


if __name__ == '__main__':
    main()
