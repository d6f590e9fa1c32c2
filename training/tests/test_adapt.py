"""Tests of the adaptation (training/adapt.py) and of its real-data protocol at a tiny size, on the Pose2Sim
frames the Java tests also use (project-files/src/test/resources: video/ and poses/pose2sim/, BSD-3-Clause).

Skipped with a printed reason when torch, onnx or cv2 is missing.
"""
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import unittest

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
PACK = os.path.join(ROOT, 'assets', 'packs', 'fvs-tiny')
RESOURCES = os.path.join(ROOT, 'project-files', 'src', 'test', 'resources')
VIDEO = os.path.join(RESOURCES, 'video')
POSES = os.path.join(RESOURCES, 'poses', 'pose2sim')

try:
    import torch  # noqa: F401
    import onnx  # noqa: F401
    import cv2
    HAVE_TORCH = True
except ImportError as e:
    HAVE_TORCH = False
    print(f'adaptation tests: {e}; skipping them')


def write_shots(folder, frames=(0, 40, 80)):
    """Three real frames of camera 1 as reference shots (PNG + 18-point skeleton on a 128x128 canvas)."""
    from training import realdata
    d = realdata.prepare_camera(os.path.join(VIDEO, 'pose2sim_cam01.mp4'), os.path.join(POSES, 'cam01'), list(frames))
    shots = []
    for i, f in enumerate(frames):
        png = os.path.join(folder, f'ref{f}.png')
        cv2.imwrite(png, d['images'][i][:, :, ::-1])
        shots.append({'image': os.path.basename(png), 'canvas': [128, 128], 'body': d['keypoints'][i].tolist(),
                      'role': 'reference', 'id': f'ref-{f}', 'name': f'frame {f}'})
    path = os.path.join(folder, 'shots.json')
    json.dump({'name': 'Pose2Sim subject', 'shots': shots}, open(path, 'w'))
    return path


@unittest.skipUnless(HAVE_TORCH, 'needs torch, onnx and cv2')
class AdaptTest(unittest.TestCase):
    def test_tiny_adaptation_writes_a_pack_that_passes_the_checks_and_generates(self):
        from training import adapt
        from training.sampler import Pack
        with tempfile.TemporaryDirectory() as tmp:
            shots = write_shots(tmp)
            out = os.path.join(tmp, 'packs', 'fvs-tiny-subject')
            code = adapt.main(['--base', PACK, '--shots', shots, '--out', out, '--steps', '2', '--batch', '2',
                               '--work', os.path.join(tmp, 'work'), '--id', 'fvs-tiny-subject', '--device', 'cpu'])
            self.assertEqual(code, 0)
            meta = json.load(open(os.path.join(out, 'pack.json')))
            self.assertEqual(meta['id'], 'fvs-tiny-subject')
            prov = meta['adaptation']
            self.assertEqual(prov['base_pack']['id'], 'fvs-tiny')
            self.assertEqual(prov['base_pack']['pack_json_sha256'],
                             hashlib.sha256(open(os.path.join(PACK, 'pack.json'), 'rb').read()).hexdigest())
            self.assertEqual([r['id'] for r in prov['references']], ['ref-0', 'ref-40', 'ref-80'])
            self.assertEqual(prov['steps'], 2)
            self.assertEqual(meta['training']['checkpoint_step'], 2)
            # the pack checks: every file listed with its hash, nothing else in the folder
            self.assertEqual(set(meta['files']), {f for f in os.listdir(out) if f != 'pack.json'})
            for f, digest in meta['files'].items():
                self.assertEqual(hashlib.sha256(open(os.path.join(out, f), 'rb').read()).hexdigest(), digest, f)
            base = json.load(open(os.path.join(PACK, 'pack.json')))
            self.assertEqual(meta['graphs'], base['graphs'])
            # weights changed by the training steps, the graphs still run: generate a frame from the new pack
            self.assertNotEqual(meta['files']['denoiser.onnx'], base['files']['denoiser.onnx'])
            self.assertFalse([d for d in os.listdir(os.path.dirname(out)) if d.startswith('.adapt-')])
            # generate with the exported graphs (numpy evaluator, no onnxruntime here): a real image, not noise
            from training.data.posemap import draw_body
            from training.sampler import generate
            pack = Pack(out)
            ref_imgs = np.stack([cv2.imread(os.path.join(tmp, f'ref{f}.png'))[:, :, ::-1] for f in (0, 40)])
            kps = [np.array(s['body'], np.float32) for s in json.load(open(shots))['shots']]
            ref_pose = np.stack([draw_body(k, 128, 128) for k in kps[:2]])
            noise = np.random.default_rng(0).standard_normal((1, 3, 128, 128)).astype(np.float32)
            frame = generate(pack, ref_imgs, ref_pose, draw_body(kps[2], 128, 128)[None], noise, steps=2)
            self.assertEqual(frame.shape, (1, 3, 128, 128))
            self.assertTrue(np.isfinite(frame).all())
            self.assertLess(np.abs(frame).max(), 1.0 + 1e-6)
            self.assertGreater(frame.std(), 0.05)

    def test_cancel_keeps_the_checkpoint_and_writes_no_pack(self):
        with tempfile.TemporaryDirectory() as tmp:
            shots = write_shots(tmp)
            out = os.path.join(tmp, 'packs', 'p')
            work = os.path.join(tmp, 'work')
            proc = subprocess.Popen([sys.executable, '-m', 'training.adapt', '--base', PACK, '--shots', shots,
                                     '--out', out, '--steps', '100000', '--batch', '2', '--work', work,
                                     '--progress', '--device', 'cpu'],
                                    cwd=ROOT, stdout=subprocess.PIPE, text=True)
            for line in proc.stdout:
                if json.loads(line)['event'] == 'progress':
                    proc.send_signal(signal.SIGTERM)
                    break
            rest = proc.stdout.read()
            self.assertEqual(proc.wait(timeout=300), 3)
            self.assertIn('"cancelled"', rest)
            self.assertFalse(os.path.exists(out))
            self.assertFalse(os.path.exists(os.path.dirname(out)) and os.listdir(os.path.dirname(out)))
            self.assertTrue(os.path.isfile(os.path.join(work, 'ckpt.pt')))

    def test_bad_shots_file_names_the_file(self):
        from training import adapt
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'shots.json')
            json.dump({'shots': [{'image': 'missing.png', 'canvas': [128, 128], 'body': [[0, 0, 1]] * 18}]}, open(path, 'w'))
            with self.assertRaises(adapt.BadInput) as e:
                adapt.read_shots(path)
            self.assertIn('shots[0]', str(e.exception))
            self.assertIn('missing.png', str(e.exception))


@unittest.skipUnless(HAVE_TORCH, 'needs torch, onnx and cv2')
class ProtocolTest(unittest.TestCase):
    def test_real_protocol_at_a_tiny_size(self):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, '-m', 'training.adapt_protocol', '--steps', '2', '--marks', '1',
                            '--batch', '2', '--frames', '0,5,50,55', '--parts', 'real', '--out', tmp,
                            '--video-dir', VIDEO, '--pose-dir', POSES], cwd=ROOT, check=True, capture_output=True)
            res = json.load(open(os.path.join(tmp, 'results.json')))
            rows = res['real']
            self.assertEqual(res['real_cases'], 4)  # camera 3, the frames that are multiples of 5
            self.assertIn('shipped pack', rows)
            self.assertIn('nearest reference', rows)
            adapted = [k for k in rows if k.startswith('adapted')]
            self.assertEqual(len(adapted), 2)  # the mark at step 1 and the end
            for row in rows.values():
                self.assertTrue(0 <= row['IoU'] <= 1)
                self.assertTrue(5 < row['PSNR_person'] < 40)
            self.assertTrue(os.path.isfile(os.path.join(tmp, 'real.png')))

    def test_subject_is_kept_across_frames_with_bystanders(self):
        from training import realdata
        files = sorted(f for f in os.listdir(os.path.join(POSES, 'cam01')) if not f.startswith('del_'))
        frames = [realdata.read_people(os.path.join(POSES, 'cam01', f)) for f in files]
        self.assertTrue(any(len(p) > 1 for p in frames), 'cam01 holds bystanders')
        track = realdata.subject_track(frames)
        for f, (people, subject) in enumerate(zip(frames, track)):
            heights = [realdata.box(p)[3] - realdata.box(p)[1] for p in people if realdata.box(p) is not None]
            chosen = realdata.box(subject)
            self.assertEqual(chosen[3] - chosen[1], max(heights), f'frame {f}: a bystander was taken')


if __name__ == '__main__':
    unittest.main()
