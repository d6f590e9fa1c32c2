"""Adapt a model pack to one character: fine-tune the pack's weights on that character's own shots
(reference shots, and optionally frames of a driving video with their skeletons), then export the
result as a new pack whose pack.json names its base pack, the shots and the steps.

  /usr/bin/python3 -m training.adapt --base assets/packs/fvs-tiny --shots shots.json \
      --out NAME.fvs/packs/my-pack --minutes 20 [--steps N] [--work DIR] [--progress]

shots.json: {"id": ..., "name": ..., "shots": [{"image": PATH, "canvas": [W, H], "body": [[x, y, c] x 18],
"role": "reference" | "driving", "id": ..., "name": ...}]}; paths relative to shots.json's folder.
Images and poses are stretched to the pack's 128x128 as the host does for reference images.

A training sample takes one shot as the target and 1-3 others as its references. With at least
three shots, the first reference shot is never a target: the preview generates it from the others,
so the preview shows a view the adaptation did not learn to produce.

--progress prints one JSON object per line (events progress, preview, checkpoint, done, cancelled,
error) for the studio. SIGTERM or SIGINT stops after the current step, saves the checkpoint in
--work (an adaptation run again with the same --work continues from it) and writes no pack.
The pack is exported into a staging folder beside --out and renamed into place when complete.
"""
import argparse
import hashlib
import json
import math
import os
import shutil
import signal
import sys
import tempfile
import time

import cv2
import numpy as np

SIZE = 128
# 18-point body: the index each joint takes in a mirrored image (left and right swap)
MIRROR = [0, 1, 5, 6, 7, 2, 3, 4, 11, 12, 13, 8, 9, 10, 15, 14, 17, 16]
LIMBS = [(1, 2), (1, 5), (2, 3), (3, 4), (5, 6), (6, 7), (1, 8), (8, 9), (9, 10), (1, 11), (11, 12), (12, 13),
         (1, 0), (0, 14), (14, 16), (0, 15), (15, 17), (8, 11), (2, 8), (5, 11)]

# exit codes the studio reads
EXIT_CANCELLED = 3
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """A problem with the caller's files, reported as one line naming the file."""


class Shots:
    """One character's shots at the pack's resolution: images [N,128,128,3] uint8 RGB, keypoints
    [N,18,3] in 128x128 pixels, masks [N,128,128] uint8 (figure = 255) and which shots may be
    targets of a training sample."""

    def __init__(self, images, keypoints, masks=None, targets=None, meta=None):
        self.images = np.asarray(images, np.uint8)
        self.keypoints = np.asarray(keypoints, np.float32)
        n = len(self.images)
        if n < 2:
            raise BadInput(f'adaptation needs at least 2 shots with a skeleton, got {n}')
        self.masks = np.asarray(masks, np.uint8) if masks is not None else \
            np.stack([skeleton_mask(k) for k in self.keypoints])
        self.targets = np.ones(n, bool) if targets is None else np.asarray(targets, bool)
        self.meta = meta or [{} for _ in range(n)]

    def __len__(self):
        return len(self.images)


def torso(kp):
    """Neck-to-hip-centre length in pixels (the body's scale), or None."""
    vis = kp[:, 2] > 0.3
    if not vis[1] or not (vis[8] or vis[11]):
        return None
    hips = [kp[j, :2] for j in (8, 11) if vis[j]]
    return float(np.linalg.norm(kp[1, :2] - np.mean(hips, 0)))


def skeleton_mask(kp, size=SIZE):
    """A figure mask drawn from the skeleton: limbs as strokes a quarter of the torso wide, the head
    as a disc; the loss weights the figure with it where no real mask is known."""
    m = np.zeros((size, size), np.uint8)
    t = torso(kp) or size / 4.0
    w = max(2, int(round(0.25 * t)))
    vis = kp[:, 2] > 0.3
    for a, b in LIMBS:
        if vis[a] and vis[b]:
            cv2.line(m, tuple(int(v) for v in kp[a, :2]), tuple(int(v) for v in kp[b, :2]), 255, w)
    if vis[0]:
        cv2.circle(m, tuple(int(v) for v in kp[0, :2]), max(2, int(0.3 * t)), 255, -1)
    return m


def read_shots(path):
    """Shots from a shots.json (see the module doc), checked, with the names the studio gave them."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        with open(path, encoding='utf-8') as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        raise BadInput(f'{path}: cannot be read as JSON ({e})')
    images, kps, targets, meta = [], [], [], []
    first_reference = None
    for i, s in enumerate(spec.get('shots', [])):
        where = f'{path}: shots[{i}]'
        try:
            file = os.path.join(folder, s['image'])
            cw, ch = (float(v) for v in s['canvas'])
            body = np.asarray(s['body'], np.float32)
        except (KeyError, TypeError, ValueError) as e:
            raise BadInput(f'{where}: needs image, canvas [w, h] and body [[x, y, c] x 18] ({e})')
        if body.shape != (18, 3) or not np.isfinite(body).all() or cw <= 0 or ch <= 0:
            raise BadInput(f'{where}: body must be 18 finite [x, y, confidence] and canvas positive')
        img = cv2.imread(file, cv2.IMREAD_COLOR)
        if img is None:
            raise BadInput(f'{where}: image {file} cannot be decoded')
        if (body[:, 2] > 0.3).sum() < 2:
            continue  # no skeleton: nothing to correlate with
        kp = body.copy()
        kp[:, 0] *= SIZE / cw
        kp[:, 1] *= SIZE / ch
        images.append(cv2.resize(img, (SIZE, SIZE), interpolation=cv2.INTER_LINEAR)[:, :, ::-1])
        kps.append(kp)
        role = s.get('role', 'reference')
        if role == 'reference' and first_reference is None:
            first_reference = len(images) - 1
        targets.append(True)
        meta.append({'role': role, 'id': s.get('id', ''), 'name': s.get('name', ''),
                     'image_sha256': sha256(file)})
    if first_reference is not None and len(images) >= 3:
        targets[first_reference] = False
    return Shots(np.stack(images) if images else np.zeros((0, SIZE, SIZE, 3)), kps, targets=targets, meta=meta), spec


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


class Budget:
    """Stop after `steps` steps or `minutes` of wall-clock time, whichever comes first; `marks` are
    the points (in steps, or in minutes when the budget is in minutes) at which a checkpoint is saved."""

    def __init__(self, steps=None, minutes=None, marks=()):
        if steps is None and minutes is None:
            raise BadInput('say how long to adapt: --steps N or --minutes M')
        self.steps, self.minutes = steps, minutes
        self.marks = sorted(marks)

    def fraction(self, step, elapsed):
        f = []
        if self.steps:
            f.append(step / self.steps)
        if self.minutes:
            f.append(elapsed / (60 * self.minutes))
        return min(1.0, max(f))

    def done(self, step, elapsed):
        return self.fraction(step, elapsed) >= 1.0

    def due_marks(self, step, elapsed):
        """Marks reached now (each reported once)."""
        by_minutes = self.minutes is not None
        due = [m for m in self.marks if (elapsed >= 60 * m if by_minutes else step >= m)]
        self.marks = [m for m in self.marks if m not in due]
        return due


def sample_batch(shots, rng, batch, flip=True):
    """Indices of targets and references (R = 1..3 others) and a mirror flag per sample."""
    n = len(shots)
    candidates = np.flatnonzero(shots.targets)
    R = int(rng.integers(1, min(3, n - 1) + 1))
    tgt, refs = [], []
    for _ in range(batch):
        t = int(rng.choice(candidates))
        others = [i for i in range(n) if i != t]
        tgt.append(t)
        refs.append([int(i) for i in rng.choice(others, R, replace=False)])
    mirror = rng.random(batch) < 0.5 if flip else np.zeros(batch, bool)
    return tgt, refs, mirror


def mirrored(img, kp, mask):
    kp = kp[MIRROR].copy()
    kp[:, 0] = SIZE - 1 - kp[:, 0]
    return img[:, ::-1], kp, mask[:, ::-1]


class PoseMaps:
    """Pose maps drawn once per shot and mirror state."""

    def __init__(self, shots):
        from .data.posemap import draw_body
        self.maps = {}
        for i in range(len(shots)):
            kp = shots.keypoints[i]
            self.maps[(i, False)] = draw_body(kp, SIZE, SIZE)
            self.maps[(i, True)] = draw_body(mirrored(shots.images[i], kp, shots.masks[i])[1], SIZE, SIZE)


def tensors(shots, maps, tgt, refs, mirror):
    """The training pipeline's batch dict (training/train.py: batch_from) for these indices."""
    import torch

    def view(i, m):
        img, mask = shots.images[i], shots.masks[i]
        if m:
            img, _, mask = mirrored(img, shots.keypoints[i], mask)
        return np.ascontiguousarray(img), maps.maps[(i, bool(m))], np.ascontiguousarray(mask)

    ri, rp, ti, tp, tm = [], [], [], [], []
    for t, rs, m in zip(tgt, refs, mirror):
        a, b, c = view(t, m)
        ti.append(a)
        tp.append(b)
        tm.append(c)
        views = [view(r, m) for r in rs]
        ri.append([v[0] for v in views])
        rp.append([v[1] for v in views])

    def im(a):
        return torch.from_numpy(np.asarray(a)).float().div_(127.5).sub_(1.0).movedim(-1, -3).contiguous()

    def pm(a):
        return torch.from_numpy(np.asarray(a)).float().div_(255.0).movedim(-1, -3).contiguous()
    return {'ref_image': im(ri), 'ref_pose': pm(rp), 'target': im(ti), 'target_pose': pm(tp),
            'mask': torch.from_numpy(np.asarray(tm)).float().div_(255.0)[:, None]}


DEFAULTS = {'batch': 8, 'lr': 1e-4, 'warmup': 20, 'p_t_max': 0.3, 'fg_weight': 4.0, 'edge_weight': 4.0,
            'loss': 'l1', 'ema': 0.99, 'flip': True, 'seed': 0, 'preview_every': 200, 'ckpt_every': 50}


class Adaptation:
    """The fine-tuning loop; one instance per run. `emit` receives the progress events."""

    def __init__(self, model, shots, cfg, emit, device='cpu'):
        import torch
        from .train import WeightAverage
        self.torch = torch
        self.model, self.shots, self.device = model.to(device), shots, device
        self.cfg = {**DEFAULTS, **(cfg or {})}
        self.emit = emit
        self.opt = torch.optim.AdamW(model.parameters(), lr=self.cfg['lr'], weight_decay=0.01)
        self.ema = WeightAverage(model, self.cfg['ema'])
        self.step = 0
        self.maps = PoseMaps(shots)
        self.stop_requested = False
        held = np.flatnonzero(~shots.targets)
        self.preview_target = int(held[0]) if len(held) else 0

    def state(self):
        return {'model': self.model.state_dict(), 'opt': self.opt.state_dict(), 'step': self.step,
                'config': self.cfg, **self.ema.checkpoint()}

    def load(self, st):
        self.model.load_state_dict(st['model'])
        self.opt.load_state_dict(st['opt'])
        self.step = st['step']
        if 'ema' in st and self.ema.state is not None:
            self.ema.state = st['ema']

    def save(self, path):
        tmp = path + '.tmp'
        self.torch.save(self.state(), tmp)
        os.replace(tmp, path)

    def averaged(self):
        """The weights to export or evaluate: the moving average."""
        return self.ema.state if self.ema.state is not None else self.model.state_dict()

    def preview(self, path=None):
        """Generates the preview shot from the others (4 DDIM steps, seed 0); returns PSNR in dB."""
        from .model.pipeline import sample
        from .train import psnr, save_preview
        t = self.preview_target
        others = [i for i in range(len(self.shots)) if i != t][:3]
        b = {k: v.to(self.device) for k, v in tensors(self.shots, self.maps, [t], [others], [False]).items()}
        self.model.eval()
        with self.ema.applied(self.model):
            out, _, _ = sample(self.model, b, steps=4, seed=0)
        self.model.train()
        if path:
            save_preview(path, b, out)
        return psnr(out, b['target'])

    def train_step(self, rng):
        torch = self.torch
        import torch.nn.functional as F  # noqa: F401
        from .model.pipeline import conditioning, denoise, ABAR
        from .train import reconstruction_loss
        cfg = self.cfg
        lr = cfg['lr'] * min(1.0, (self.step + 1) / cfg['warmup'])
        for g in self.opt.param_groups:
            g['lr'] = lr
        tgt, refs, mirror = sample_batch(self.shots, rng, cfg['batch'], cfg['flip'])
        batch = {k: v.to(self.device) for k, v in tensors(self.shots, self.maps, tgt, refs, mirror).items()}
        B = len(tgt)
        pose_feat, sel, _ = conditioning(self.model, batch, extra_random=True)
        t = torch.from_numpy(rng.integers(0, 1000, B))
        t = torch.where(torch.from_numpy(rng.random(B) < cfg['p_t_max']), torch.full_like(t, 999), t)
        a = ABAR[t][:, None, None, None].to(self.device)
        x0 = batch['target']
        xt = a.sqrt() * x0 + (1 - a).sqrt() * torch.randn_like(x0)
        pred = denoise(self.model, xt, t.to(self.device).float(), pose_feat, sel)
        loss = reconstruction_loss(pred, x0, batch['mask'], cfg)
        self.opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        self.ema.update(self.model)
        self.step += 1
        return loss.item()

    def run(self, budget, work=None, on_mark=None):
        """Trains until the budget is spent or a stop is requested; returns 'done' or 'cancelled'."""
        self.model.train()
        rng = np.random.default_rng(self.cfg['seed'] + self.step)
        self.torch.manual_seed(self.cfg['seed'] + self.step)
        start_step, t0, c0 = self.step, time.time(), time.process_time()
        ck = os.path.join(work, 'ckpt.pt') if work else None
        smooth = None
        while not budget.done(self.step - start_step, time.time() - t0):
            if self.stop_requested:
                if ck:
                    self.save(ck)
                self.emit({'event': 'cancelled', 'step': self.step, 'checkpoint': ck})
                return 'cancelled'
            loss = self.train_step(rng)
            smooth = loss if smooth is None else 0.9 * smooth + 0.1 * loss
            elapsed = time.time() - t0
            done = self.step - start_step
            frac = budget.fraction(done, elapsed)
            eta = elapsed * (1 - frac) / frac if frac > 0 else None
            self.emit({'event': 'progress', 'step': self.step, 'steps': (start_step + budget.steps) if budget.steps else None,
                       'fraction': round(frac, 4), 'loss': round(loss, 5), 'loss_avg': round(smooth, 5),
                       'elapsed_s': round(elapsed, 1), 'cpu_s': round(time.process_time() - c0, 1),
                       'eta_s': None if eta is None else round(eta, 1)})
            if ck and self.step % self.cfg['ckpt_every'] == 0:
                self.save(ck)
            if work and self.cfg['preview_every'] and self.step % self.cfg['preview_every'] == 0:
                file = os.path.join(work, f'preview_{self.step:06d}.png')
                self.emit({'event': 'preview', 'step': self.step, 'file': file, 'psnr_db': round(self.preview(file), 2)})
            for mark in budget.due_marks(done, elapsed):
                if on_mark:
                    on_mark(mark, self, elapsed, time.process_time() - c0)
        if ck:
            self.save(ck)
        return 'done'


def load_base(base_pack, device='cpu'):
    """The base pack's weights as a torch model (training.warmstart)."""
    from .warmstart import recover
    model, _, fresh = recover(base_pack)
    if fresh:
        raise BadInput(f'{base_pack}: the pack does not hold every weight of the current model ({fresh[:3]}...)')
    return model


def pack_id_for(base_id, character):
    slug = ''.join(c if c.isalnum() else '-' for c in character.lower()).strip('-')[:40] or 'character'
    return f'{base_id}-{slug}'


def export_adapted(state, base_pack, out, provenance, pack_id, pack_name):
    """Exports the weights into a staging folder beside `out`, adds the base pack's model card (with an
    adaptation note) and licence, writes pack.json with the provenance, then renames it into place."""
    from .export import export, write_manifest
    from .model.net import model_for
    parent = os.path.dirname(os.path.abspath(out))
    os.makedirs(parent, exist_ok=True)
    stage = tempfile.mkdtemp(prefix='.adapt-', dir=parent)
    try:
        base_manifest = json.load(open(os.path.join(base_pack, 'pack.json')))
        export(model_for(state), stage, default_steps=base_manifest['scheduler']['default_steps'])
        for extra in ('LICENSE',):
            if os.path.isfile(os.path.join(base_pack, extra)):
                shutil.copyfile(os.path.join(base_pack, extra), os.path.join(stage, extra))
        card = os.path.join(base_pack, 'MODEL_CARD.md')
        base_card = open(card, encoding='utf-8').read() if os.path.isfile(card) else ''
        with open(os.path.join(stage, 'MODEL_CARD.md'), 'w', encoding='utf-8') as f:
            f.write(adapted_card(pack_name, base_manifest, provenance) + '\n' + base_card)
        write_manifest(stage, {'checkpoint_step': provenance['steps']}, base_manifest['scheduler']['default_steps'],
                       identity={'id': pack_id, 'name': pack_name}, extra={'adaptation': provenance})
        if os.path.isdir(out):
            old = out + '.old'
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
            os.replace(stage, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return out


def adapted_card(name, base_manifest, prov):
    refs = ', '.join(r.get('name') or r.get('id') or '?' for r in prov['references']) or 'none'
    return (f'# {name}\n\n**Intended use.** Generating the character it was adapted to: '
            f'{base_manifest["name"]} fine-tuned on {len(prov["references"])} reference shots ({refs}) '
            f'and {prov["driving_frames"]} driving-video frames for {prov["steps"]} steps.\n\n'
            f'**Limits.** Adapted to one character; other characters come out as that one. '
            f'The base pack\'s card follows.\n')


def provenance(base_pack, shots, steps, elapsed, cpu, device, budget):
    base = json.load(open(os.path.join(base_pack, 'pack.json')))
    refs = [{k: m[k] for k in ('id', 'name', 'image_sha256') if k in m} for m in shots.meta if m.get('role') == 'reference']
    return {'base_pack': {'id': base['id'], 'name': base['name'],
                          'pack_json_sha256': sha256(os.path.join(base_pack, 'pack.json'))},
            'references': refs, 'driving_frames': sum(1 for m in shots.meta if m.get('role') == 'driving'),
            'steps': steps, 'wall_minutes': round(elapsed / 60, 2), 'cpu_minutes': round(cpu / 60, 2),
            'device': str(device), 'budget': {'steps': budget.steps, 'minutes': budget.minutes},
            'created_utc': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}


def main(argv=None):
    ap = argparse.ArgumentParser(description='Adapt a model pack to one character\'s shots.')
    ap.add_argument('--base', required=True, help='base pack folder')
    ap.add_argument('--shots', required=True, help='shots.json (see the module doc)')
    ap.add_argument('--out', required=True, help='folder of the new pack')
    ap.add_argument('--minutes', type=float)
    ap.add_argument('--steps', type=int)
    ap.add_argument('--work', help='folder for the checkpoint and previews (default: a temporary folder)')
    ap.add_argument('--id', help='id of the new pack (default: base id + character name)')
    ap.add_argument('--name', help='name of the new pack')
    ap.add_argument('--device', default='auto')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--batch', type=int)
    ap.add_argument('--preview-every', type=int)
    ap.add_argument('--progress', action='store_true', help='JSON progress lines on stdout')
    args = ap.parse_args(argv)

    def emit(event):
        if args.progress:
            print(json.dumps(event), flush=True)
        elif event['event'] == 'progress' and event['step'] % 10 == 0:
            print(f'step {event["step"]} loss {event["loss_avg"]:.4f} {event["elapsed_s"]:.0f}s', flush=True)
        elif event['event'] != 'progress':
            print(event, flush=True)

    try:
        try:
            import torch
        except ImportError as e:
            emit({'event': 'error', 'message': f'PyTorch is not importable in {sys.executable}: {e}'})
            return EXIT_BAD_INPUT
        torch.set_num_threads(max(1, args.threads))
        from .train import training_device
        device = training_device(args.device)
        budget = Budget(args.steps, args.minutes)
        if not os.path.isfile(os.path.join(args.base, 'pack.json')):
            raise BadInput(f'{args.base}: no pack.json (not a model pack folder)')
        shots, spec = read_shots(args.shots)
        work = args.work or tempfile.mkdtemp(prefix='fvstudio-adapt-')
        os.makedirs(work, exist_ok=True)
        cfg = {k: v for k, v in (('batch', args.batch), ('preview_every', args.preview_every)) if v}
        run = Adaptation(load_base(args.base), shots, cfg, emit, device)
        ck = os.path.join(work, 'ckpt.pt')
        if os.path.isfile(ck):
            run.load(torch.load(ck, map_location=device))
            emit({'event': 'resumed', 'step': run.step})

        def stop(signum, frame):
            run.stop_requested = True
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        t0, c0 = time.time(), time.process_time()
        emit({'event': 'started', 'shots': len(shots), 'device': str(device), 'preview_target': run.preview_target})
        if run.run(budget, work) == 'cancelled':
            return EXIT_CANCELLED
        base_id = json.load(open(os.path.join(args.base, 'pack.json')))['id']
        character = spec.get('name') or 'character'
        pack_id = args.id or pack_id_for(base_id, character)
        prov = provenance(args.base, shots, run.step, time.time() - t0, time.process_time() - c0, device, budget)
        export_adapted({k: v.cpu() for k, v in run.averaged().items()}, args.base, args.out, prov, pack_id,
                       args.name or f'{character} (adapted from {base_id})')
        emit({'event': 'done', 'pack': os.path.abspath(args.out), 'id': pack_id, 'steps': run.step,
              'preview_psnr_db': round(run.preview(), 2)})
        return 0
    except BadInput as e:
        emit({'event': 'error', 'message': str(e)})
        return EXIT_BAD_INPUT


if __name__ == '__main__':
    sys.exit(main())
