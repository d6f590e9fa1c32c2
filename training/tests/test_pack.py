"""Tests of training/ (unittest). Run: /usr/bin/python3 -m unittest discover -s training/tests -t .

Tests that need torch are skipped with a printed reason when it is not importable; the pack,
golden and pose-map tests need only numpy, onnx and cv2.
"""
import hashlib
import json
import os
import tempfile
import unittest

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PACK = os.path.join(ROOT, 'assets', 'packs', 'fvs-tiny')
GOLDEN = os.path.join(ROOT, 'inference', 'src', 'test', 'resources', 'golden', 'fvs-tiny')
VECTORS = os.path.join(ROOT, '..', 'shared', 'vectors', 'dwpose-render')

try:
    import torch
    HAVE_TORCH = True
except ImportError:  # CI has no torch
    HAVE_TORCH = False
    print('training tests: torch not importable, skipping the tests that need it')

try:
    import onnx  # noqa: F401
    import cv2  # noqa: F401
    HAVE_ONNX = True
except ImportError:
    HAVE_ONNX = False
    print('training tests: onnx or cv2 not importable, skipping the pack tests')


@unittest.skipUnless(HAVE_ONNX, 'needs onnx and cv2')
class PackTest(unittest.TestCase):
    def test_checksums_match_files(self):
        meta = json.load(open(os.path.join(PACK, 'pack.json')))
        listed = set(meta['files'])
        present = {f for f in os.listdir(PACK) if f != 'pack.json'}
        self.assertEqual(listed, present)
        for f, digest in meta['files'].items():
            self.assertEqual(hashlib.sha256(open(os.path.join(PACK, f), 'rb').read()).hexdigest(), digest, f)

    def test_graph_signatures_match_manifest(self):
        import onnx
        meta = json.load(open(os.path.join(PACK, 'pack.json')))
        for name, g in meta['graphs'].items():
            model = onnx.load(os.path.join(PACK, g['file']))
            onnx.checker.check_model(model)
            self.assertLessEqual(max(o.version for o in model.opset_import if o.domain in ('', 'ai.onnx')), 17)
            inits = {i.name for i in model.graph.initializer}
            for kind, values in (('inputs', [i for i in model.graph.input if i.name not in inits]),
                                 ('outputs', list(model.graph.output))):
                self.assertEqual([v.name for v in values], list(g[kind]), f'{name} {kind}')
                for v in values:
                    dims = [d.dim_param if d.dim_param else d.dim_value for d in v.type.tensor_type.shape.dim]
                    want = g[kind][v.name]['shape']
                    self.assertEqual(len(dims), len(want), f'{name}.{v.name} rank')
                    for d, w in zip(dims, want):
                        if isinstance(w, int):
                            self.assertEqual(d, w, f'{name}.{v.name}')
                        else:
                            self.assertIsInstance(d, str, f'{name}.{v.name} axis {w} must be dynamic')
                    self.assertEqual(v.type.tensor_type.elem_type, 1, f'{name}.{v.name} float32')

    def test_pack_under_40_mb(self):
        total = sum(os.path.getsize(os.path.join(PACK, f)) for f in os.listdir(PACK))
        self.assertLess(total, 40 * 1024 * 1024)


@unittest.skipUnless(HAVE_ONNX, 'needs onnx and cv2')
class GoldenTest(unittest.TestCase):
    def test_numpy_sampler_reproduces_golden_case1(self):
        from training.sampler import Pack, generate
        case = os.path.join(GOLDEN, 'case1')
        meta = json.load(open(os.path.join(case, 'case.json')))
        pack_sha = hashlib.sha256(open(os.path.join(PACK, 'pack.json'), 'rb').read()).hexdigest()
        self.assertEqual(meta['pack_json_sha256'], pack_sha, 'golden files are stale: run training.golden')
        pack = Pack(PACK)
        ld = lambda n: np.load(os.path.join(case, n + '.npy'))  # noqa: E731
        rec = {}
        generate(pack, ld('ref_image_u8'), ld('ref_pose_u8'), ld('target_pose_u8'), ld('noise'),
                 steps=meta['steps'], guidance=meta['guidance'], record=rec)
        np.testing.assert_allclose(rec['correlation'], ld('correlation'), atol=1e-5)
        np.testing.assert_array_equal(rec['selected_g16'], ld('selected_g16'))
        np.testing.assert_allclose(rec['denoiser_step0'], ld('denoiser_step0'), atol=1e-5)
        np.testing.assert_allclose(rec['final'], ld('final'), atol=1e-5)

    def test_stored_pose_maps_follow_the_drawing_rule(self):
        from training.data.posemap import draw_body
        case = os.path.join(GOLDEN, 'case1')
        meta = json.load(open(os.path.join(case, 'case.json')))
        maps = np.load(os.path.join(case, 'ref_pose_u8.npy'))
        for kp, m in zip(meta['keypoints']['references'], maps):
            drawn = draw_body(np.array(kp), 128, 128, 256, 256)
            self.assertLess(np.abs(drawn.astype(int) - m).mean(), 0.5)


@unittest.skipUnless(HAVE_ONNX, 'needs cv2')
class PoseMapTest(unittest.TestCase):
    def test_matches_dwpose_reference_renders(self):
        import cv2
        from training.data.posemap import draw_body
        names = [f[:-5] for f in sorted(os.listdir(VECTORS)) if f.endswith('.json')] if os.path.isdir(VECTORS) else []
        if not names:
            self.skipTest('no ../shared/vectors/dwpose-render here')
        for n in names:
            d = json.load(open(os.path.join(VECTORS, n + '.json')))
            if any(p.get('hand_left_keypoints_2d') or p.get('face_keypoints_2d') for p in d['people']):
                continue  # this renderer draws the body only (pose_map.parts = ["body"])
            img = np.zeros((d['canvas_height'], d['canvas_width'], 3), np.uint8)
            for p in d['people']:
                body = np.array(p['pose_keypoints_2d'], float).reshape(-1, 3)[:18]
                if np.abs(body[:, :2]).max() <= 1:
                    body[:, 0] *= d['canvas_width']
                    body[:, 1] *= d['canvas_height']
                drawn = draw_body(body, d['canvas_width'], d['canvas_height'], d['canvas_width'], d['canvas_height'])
                img = np.maximum(img, drawn)
            ref = cv2.imread(os.path.join(VECTORS, n + '.png'))[:, :, ::-1]
            diff = np.abs(img.astype(int) - ref)
            self.assertLessEqual(diff.mean(), 2.0, n)


@unittest.skipUnless(HAVE_TORCH and HAVE_ONNX, 'needs torch')
class WarmStartTest(unittest.TestCase):
    def export_random(self, detail, seed, out):
        """Exports a model of that architecture with random weights into out; returns it."""
        from training.model.net import FVSTiny
        from training.export import export
        torch.manual_seed(seed)
        original = FVSTiny(detail=detail)
        with torch.no_grad():
            for p in original.parameters():
                p.normal_(0, 0.05)
        export(original, out)
        return original

    def test_weights_recovered_from_an_exported_pack_export_identically(self):
        from training.model.net import FVSTiny
        from training.export import export
        from training.warmstart import recover
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            original = self.export_random(False, 1, a)
            model, done, fresh = recover(a, lambda: FVSTiny(detail=True), lambda: FVSTiny(detail=False))
            self.assertEqual(len(done), len(list(original.parameters())))
            self.assertTrue(fresh and all(n.startswith(('denoiser.detail.', 'guider.fine.')) for n in fresh), fresh)
            export(_without_head(model), b)
            _assert_same_initializers(self, a, b)

    def test_a_pack_with_the_detail_head_is_recovered_whole(self):
        from training.model.net import FVSTiny
        from training.export import export
        from training.warmstart import recover
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            self.export_random(True, 2, a)
            model, done, fresh = recover(a, lambda: FVSTiny(detail=True))
            self.assertEqual(fresh, [])
            export(model, b)
            _assert_same_initializers(self, a, b)


def _assert_same_initializers(test, a, b):
    from training.warmstart import initializers, PREFIX
    for f in PREFIX:
        want, got = initializers(os.path.join(a, f)), initializers(os.path.join(b, f))
        test.assertEqual(want.keys(), got.keys(), f)
        for k in want:
            np.testing.assert_array_equal(got[k], want[k], err_msg=f'{f}: {k}')


def _without_head(model):
    from training.model.net import FVSTiny
    base = FVSTiny(detail=False)
    base.load_state_dict({k: v for k, v in model.state_dict().items() if not k.startswith(('denoiser.detail.', 'guider.fine.'))})
    return base


@unittest.skipUnless(HAVE_TORCH, 'needs torch')
class ReconstructionLossTest(unittest.TestCase):
    def best_constant(self, cfg, figure, background, n_figure, n):
        """The constant prediction that minimises the loss over n frames of which n_figure show
        the figure at every pixel and the rest show background."""
        from training.train import reconstruction_loss
        target = torch.full((n, 3, 8, 8), background)
        target[:n_figure] = figure
        mask = torch.zeros(n, 1, 8, 8)
        mask[:n_figure] = 1.0
        values = torch.linspace(-1, 1, 401)
        losses = [reconstruction_loss(torch.full_like(target, float(v)), target, mask, cfg).item() for v in values]
        return float(values[int(np.argmin(losses))])

    def test_l1_picks_the_likelier_side_where_mse_blends_figure_into_background(self):
        cfg = {'fg_weight': 0.0}
        blend = self.best_constant(cfg, 0.6, -0.4, 4, 10)
        median = self.best_constant({**cfg, 'loss': 'l1'}, 0.6, -0.4, 4, 10)
        self.assertAlmostEqual(blend, 0.4 * 0.6 + 0.6 * -0.4, delta=0.01)
        self.assertAlmostEqual(median, -0.4, delta=0.01)

    def test_figure_weight_counts_figure_pixels_more(self):
        # 3 figure frames weighted 1 + 4 outweigh 7 background frames under l1
        self.assertAlmostEqual(self.best_constant({'fg_weight': 4.0, 'loss': 'l1'}, 0.6, -0.4, 3, 10), 0.6, delta=0.01)


DATA = os.path.join(ROOT, 'training', '.cache', 'data')


@unittest.skipUnless(HAVE_TORCH and os.path.exists(os.path.join(DATA, 'test_00000.npz')),
                     'needs torch and the rendered test shard (training/README.md, step 2)')
class TrainingRunTest(unittest.TestCase):
    def test_a_short_run_writes_its_logs_and_resumes_where_it_stopped(self):
        import subprocess
        import sys
        shard = np.load(os.path.join(DATA, 'test_00000.npz'))
        with tempfile.TemporaryDirectory() as tmp:
            for split, groups in (('train', slice(0, 4)), ('test', slice(4, 6))):
                np.savez(os.path.join(tmp, f'{split}_00000.npz'),
                         **{k: shard[k][groups] for k in ('images', 'masks', 'keypoints')})
            run = os.path.join(tmp, 'run')
            cfg = {'run_dir': run, 'data_dir': tmp, 'device': 'cpu', 'steps': 3, 'batch': 2, 'lr': 1e-4,
                   'warmup': 1, 'loss': 'l1', 'edge_weight': 4.0, 'pcm_aux_weight': 0.2, 'ema': 0.9,
                   'eval_every': 2, 'eval_steps': 2, 'eval_samples': 2, 'threads': 1}

            def train(steps):
                path = os.path.join(tmp, 'config.json')
                json.dump({**cfg, 'steps': steps}, open(path, 'w'))
                return subprocess.run([sys.executable, '-m', 'training.train', '--config', path], cwd=ROOT,
                                      capture_output=True, text=True, timeout=600, check=True).stdout

            self.assertIn('training on cpu', train(3))
            self.assertEqual([line.split(',')[0] for line in open(os.path.join(run, 'loss.csv'))], ['1', '2', '3'])
            self.assertTrue(os.path.exists(os.path.join(run, 'preview_000002.png')))
            checkpoint = torch.load(os.path.join(run, 'ckpt.pt'))
            self.assertEqual(checkpoint['step'], 3)
            self.assertEqual(checkpoint['ema'].keys(), checkpoint['model'].keys())
            self.assertIn('resumed at step 3', train(4))
            self.assertEqual(len(open(os.path.join(run, 'loss.csv')).readlines()), 4)
            self.assertEqual(torch.load(os.path.join(run, 'ckpt.pt'))['step'], 4)


@unittest.skipUnless(HAVE_TORCH and HAVE_ONNX, 'needs torch')
class ExportParityTest(unittest.TestCase):
    def test_numpy_evaluation_of_exported_graphs_matches_torch(self):
        from training.model.net import FVSTiny
        from training.export import export
        from training.onnx_numpy import Graph
        torch.manual_seed(0)
        m = FVSTiny()
        with torch.no_grad():
            for p in m.parameters():
                if p.abs().sum() == 0:
                    p.normal_(0, 0.05)  # zero-initialised layers would hide mistakes
        with tempfile.TemporaryDirectory() as d:
            export(m, d)
            rng = np.random.default_rng(0)
            rp = rng.random((3, 3, 256, 256), dtype=np.float32)
            tp = rng.random((2, 3, 256, 256), dtype=np.float32)
            ri = rng.random((3, 3, 128, 128), dtype=np.float32) * 2 - 1
            with torch.no_grad():
                c = m.pcm(torch.from_numpy(rp), torch.from_numpy(tp)).numpy()
                pf = m.guider(torch.from_numpy(tp))
                args = [torch.randn(2, 3, 128, 128), torch.tensor([999., 500.]), torch.randn(pf.shape),
                        torch.randn(2, 7, 96), torch.rand(2, 7), torch.randn(2, 4, 128), torch.rand(2, 4)]
                den = m.denoiser(*args).numpy()
                g16, g8 = m.refnet(torch.from_numpy(ri), torch.from_numpy(rp))
            cn = Graph(os.path.join(d, 'pcm.onnx')).run({'ref_pose': rp, 'target_pose': tp})['correlation']
            np.testing.assert_allclose(cn, c, atol=1e-5)
            gn = Graph(os.path.join(d, 'pose_guider.onnx')).run({'target_pose': tp})['pose_features']
            np.testing.assert_allclose(gn, pf.numpy(), atol=1e-5)
            bn = Graph(os.path.join(d, 'reference_net.onnx')).run({'ref_image': ri, 'ref_pose': rp})
            np.testing.assert_allclose(bn['bank_g16'], g16.numpy(), atol=1e-5)
            np.testing.assert_allclose(bn['bank_g8'], g8.numpy(), atol=1e-5)
            names = ['sample', 'timestep', 'pose_features', 'tokens_g16', 'weights_g16', 'tokens_g8', 'weights_g8']
            dn = Graph(os.path.join(d, 'denoiser.onnx')).run({n: a.numpy() for n, a in zip(names, args)})
            np.testing.assert_allclose(dn['prediction'], den, atol=1e-4)

    def test_numpy_selection_matches_training_selection(self):
        from training.model.net import select_tokens
        from training.sampler import select
        g = torch.Generator().manual_seed(3)
        corr = torch.randn(1, 3, 16, 16, generator=g)
        feats = [torch.randn(1, 3, 96, 16, 16, generator=g), torch.randn(1, 3, 128, 8, 8, generator=g)]
        ref = select_tokens(corr, feats, [192, 48])
        for (tok, w, idx), bank in zip(ref, feats):
            i2, w2, t2 = select(corr[0].numpy(), bank[0].numpy(), idx.shape[1])
            np.testing.assert_array_equal(i2, idx[0].numpy())
            np.testing.assert_allclose(w2, w[0].numpy(), atol=1e-6)
            np.testing.assert_allclose(t2, tok[0].numpy(), atol=1e-5)

    def test_bilinear_resize_matches_torch(self):
        import torch.nn.functional as F
        from training.sampler import bilinear_resize
        x = torch.randn(2, 3, 16, 16)
        for size in (8, 12, 16, 32):
            want = F.interpolate(x, size=(size, size), mode='bilinear', align_corners=False).numpy()
            np.testing.assert_allclose(bilinear_resize(x.numpy(), size, size), want, atol=1e-5)


class ScheduleTest(unittest.TestCase):
    def test_trailing_timesteps_and_zero_snr(self):
        from training.model.schedule import alphas_cumprod, timesteps, ddim_step
        self.assertEqual(timesteps(8).tolist(), [999, 874, 749, 624, 499, 374, 249, 124])
        abar = alphas_cumprod()
        self.assertEqual(abar[999], 0.0)
        self.assertAlmostEqual(abar[0], 1 - 0.00085, places=12)
        betas = np.linspace(0.00085 ** 0.5, 0.012 ** 0.5, 1000) ** 2
        plain = np.cumprod(1 - betas)
        self.assertAlmostEqual(abar[0], plain[0], places=12)  # rescale keeps the first value
        x0 = np.full(4, 0.3)
        x = np.full(4, 1.7)
        np.testing.assert_allclose(ddim_step(x, x0, abar[124], 1.0, 'sample'), x0)


if __name__ == '__main__':
    unittest.main()
