"""Export a checkpoint as the fvs-tiny model pack (ONNX opset 17 + pack.json + model card).

  /usr/bin/python3 -m training.export --ckpt training/runs/full/best.pt --out assets/packs/fvs-tiny
"""
import argparse
import hashlib
import inspect
import json
import os

import torch
import torch.nn as nn

from .model.net import model_for, weights, BANKS

OPSET = 17


class RefNetGraph(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, ref_image, ref_pose):
        return self.m(ref_image, ref_pose)


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def spec(shape):
    return {'shape': shape, 'dtype': 'float32'}


def graphs(pose_channels):
    """Graph signatures; pose_channels is 64 for v1/v2 packs, 64 + 16*FINE_C with the detail head."""
    return {
        'pcm': {'file': 'pcm.onnx',
                'inputs': {'ref_pose': spec(['N', 3, 256, 256]), 'target_pose': spec(['B', 3, 256, 256])},
                'outputs': {'correlation': spec(['B', 'N', 16, 16])}},
        'reference_net': {'file': 'reference_net.onnx',
                          'inputs': {'ref_image': spec(['N', 3, 128, 128]), 'ref_pose': spec(['N', 3, 256, 256])},
                          'outputs': {'bank_g16': spec(['N', 96, 16, 16]), 'bank_g8': spec(['N', 128, 8, 8])}},
        'pose_guider': {'file': 'pose_guider.onnx',
                        'inputs': {'target_pose': spec(['B', 3, 256, 256])},
                        'outputs': {'pose_features': spec(['B', pose_channels, 16, 16])}},
        'denoiser': {'file': 'denoiser.onnx',
                     'inputs': {'sample': spec(['B', 3, 128, 128]), 'timestep': spec(['B']),
                                'pose_features': spec(['B', pose_channels, 16, 16]),
                                'tokens_g16': spec(['B', 'K16', 96]), 'weights_g16': spec(['B', 'K16']),
                                'tokens_g8': spec(['B', 'K8', 128]), 'weights_g8': spec(['B', 'K8'])},
                     'outputs': {'prediction': spec(['B', 3, 128, 128])}},
    }


def pose_channels_of(out):
    """Pose-feature channels of an exported pack, read from pose_guider.onnx."""
    import onnx
    model = onnx.load(os.path.join(out, 'pose_guider.onnx'))
    return model.graph.output[0].type.tensor_type.shape.dim[1].dim_value


def fix_io_shapes(path, graph):
    """Declare the manifest's axis names and fixed sizes on the graph's inputs and outputs."""
    import onnx
    model = onnx.load(path)
    inits = {i.name for i in model.graph.initializer}
    for kind, values in (('inputs', [i for i in model.graph.input if i.name not in inits]),
                         ('outputs', list(model.graph.output))):
        for v in values:
            want = graph[kind][v.name]['shape']
            dims = v.type.tensor_type.shape.dim
            assert len(dims) == len(want), (path, v.name)
            for d, w in zip(dims, want):
                if isinstance(w, int):
                    d.ClearField('dim_param')
                    d.dim_value = w
                else:
                    d.ClearField('dim_value')
                    d.dim_param = w
    onnx.checker.check_model(model)
    onnx.save(model, path)


def manifest(pose_channels, default_steps=8, extra=None):
    m = {
        'format': 'fvstudio-pack', 'version': 1, 'id': 'fvs-tiny',
        'name': 'FV Studio tiny (synthetic mannequins)', 'license': 'MIT',
        'resolution': {'width': 128, 'height': 128},
        'pose_map': {'width': 256, 'height': 256, 'parts': ['body'], 'fit': 'stretch',
                     'stick_half_width': 4, 'joint_radius': 4, 'range': [0, 1]},
        'reference_image': {'width': 128, 'height': 128, 'fit': 'stretch', 'range': [-1, 1]},
        'latent': {'type': 'pixel', 'channels': 3, 'height': 128, 'width': 128, 'scale_factor': 1.0,
                   'range': [-1, 1]},
        'graphs': graphs(pose_channels),
        'correlation': {'grid': [16, 16]},
        'banks': [{'name': n, 'grid': [g, g], 'channels': c, 'top_k': k} for n, g, c, k in BANKS],
        'selection': {'resize': 'bilinear', 'align_corners': False, 'softmax': False,
                      'weight': 'two_sigmoid', 'order': 'score_desc_then_index_asc'},
        'guidance': {'default': 1.0, 'unconditional': 'zero_tokens'},
        'scheduler': {'type': 'ddim', 'eta': 0.0, 'num_train_timesteps': 1000,
                      'beta_schedule': 'scaled_linear', 'beta_start': 0.00085, 'beta_end': 0.012,
                      'rescale_zero_snr': True, 'prediction_type': 'sample', 'timestep_spacing': 'trailing',
                      'final_alpha_cumprod': 1.0, 'clip_sample': False, 'default_steps': default_steps},
        'context': {'frames': 1, 'overlap': 0, 'blend': 'none'},
        'noise': {'shared_across_frames': True},
    }
    if extra:
        m.update(extra)
    return m


def export(model, out, training_info=None, default_steps=8):
    os.makedirs(out, exist_ok=True)
    model.eval()
    N, B = 2, 1
    rp = torch.rand(N, 3, 256, 256)
    tp = torch.rand(B, 3, 256, 256)
    ri = torch.rand(N, 3, 128, 128) * 2 - 1
    kw = dict(opset_version=OPSET, do_constant_folding=True)
    if 'dynamo' in inspect.signature(torch.onnx.export).parameters:
        kw['dynamo'] = False  # recent PyTorch defaults to the dynamo exporter; the pack is traced
    with torch.no_grad():
        torch.onnx.export(model.pcm, (rp, tp), os.path.join(out, 'pcm.onnx'),
                          input_names=['ref_pose', 'target_pose'], output_names=['correlation'],
                          dynamic_axes={'ref_pose': {0: 'N'}, 'target_pose': {0: 'B'},
                                        'correlation': {0: 'B', 1: 'N'}}, **kw)
        torch.onnx.export(RefNetGraph(model.refnet), (ri, rp), os.path.join(out, 'reference_net.onnx'),
                          input_names=['ref_image', 'ref_pose'], output_names=['bank_g16', 'bank_g8'],
                          dynamic_axes={'ref_image': {0: 'N'}, 'ref_pose': {0: 'N'}, 'bank_g16': {0: 'N'},
                                        'bank_g8': {0: 'N'}}, **kw)
        torch.onnx.export(model.guider, (tp,), os.path.join(out, 'pose_guider.onnx'),
                          input_names=['target_pose'], output_names=['pose_features'],
                          dynamic_axes={'target_pose': {0: 'B'}, 'pose_features': {0: 'B'}}, **kw)
        K16, K8 = 5, 3
        pose_channels = model.guider(tp).shape[1]
        args = (torch.randn(B, 3, 128, 128), torch.full((B,), 999.0), torch.randn(B, pose_channels, 16, 16),
                torch.randn(B, K16, 96), torch.rand(B, K16), torch.randn(B, K8, 128), torch.rand(B, K8))
        names = ['sample', 'timestep', 'pose_features', 'tokens_g16', 'weights_g16', 'tokens_g8', 'weights_g8']
        torch.onnx.export(model.denoiser, args, os.path.join(out, 'denoiser.onnx'),
                          input_names=names, output_names=['prediction'],
                          dynamic_axes={'sample': {0: 'B'}, 'timestep': {0: 'B'}, 'pose_features': {0: 'B'},
                                        'tokens_g16': {0: 'B', 1: 'K16'}, 'weights_g16': {0: 'B', 1: 'K16'},
                                        'tokens_g8': {0: 'B', 1: 'K8'}, 'weights_g8': {0: 'B', 1: 'K8'},
                                        'prediction': {0: 'B'}}, **kw)
    for g in graphs(pose_channels).values():
        fix_io_shapes(os.path.join(out, g['file']), g)
    write_manifest(out, training_info, default_steps)


def write_manifest(out, training_info=None, default_steps=8, identity=None, extra=None):
    """identity: {'id', 'name'} of a pack other than fvs-tiny (an adapted pack); extra: further
    top-level fields (an adapted pack's 'adaptation' provenance)."""
    fields = dict(identity or {})
    if training_info:
        fields['training'] = training_info
    fields.update(extra or {})
    m = manifest(pose_channels_of(out), default_steps, fields or None)
    files = {}
    for f in sorted(os.listdir(out)):
        if f != 'pack.json' and os.path.isfile(os.path.join(out, f)):
            files[f] = sha256(os.path.join(out, f))
    m['files'] = files
    with open(os.path.join(out, 'pack.json'), 'w') as fh:
        json.dump(m, fh, indent=2)
        fh.write('\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ckpt')
    ap.add_argument('--out', default='assets/packs/fvs-tiny')
    ap.add_argument('--raw', action='store_true', help='the trained weights, not their moving average')
    ap.add_argument('--default-steps', type=int, default=8)
    ap.add_argument('--manifest-only', action='store_true',
                    help='rewrite pack.json (checksums) after editing a file such as the model card')
    args = ap.parse_args()
    if args.manifest_only:
        old = json.load(open(os.path.join(args.out, 'pack.json')))
        keep = {k: old[k] for k in ('adaptation',) if k in old}
        write_manifest(args.out, old.get('training'), old['scheduler']['default_steps'],
                       identity={'id': old['id'], 'name': old['name']}, extra=keep)
        print('rewrote', os.path.join(args.out, 'pack.json'))
        return
    if not args.ckpt:
        ap.error('--ckpt is required unless --manifest-only')
    st = torch.load(args.ckpt, map_location='cpu')
    model = model_for(weights(st, args.raw))
    info = {'checkpoint_step': st['step'], 'held_out_psnr_db': round(float(st.get('best', -1)), 2),
            'weights': 'raw' if args.raw or 'ema' not in st else 'moving average'}
    export(model, args.out, info, args.default_steps)
    print('exported', args.out, info)


if __name__ == '__main__':
    main()
