"""Recover a torch checkpoint from an exported pack, so training can continue from the shipped
weights when the original checkpoint is gone (checkpoints stay out of git).

  /usr/bin/python3 -m training.warmstart --pack assets/packs/fvs-tiny --out training/runs/v3/ckpt.pt

The exporter folds and renames some parameters (Linear weights become transposed MatMul
constants, GroupNorm affine parameters become Mul/Add constants). Exporting a probe model whose
every parameter holds distinct random values gives the map from initializer name to parameter:
the same exporter on the same code names the initializers the same way, and a value set
identifies its parameter. Modules that are new in the current code keep their fresh
initialisation (zero-initialised output layers keep the recovered behaviour intact).
"""
import argparse
import os
import tempfile

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from .export import export, pose_channels_of
from .model.net import FVSTiny

PREFIX = {'pcm.onnx': 'pcm.', 'reference_net.onnx': 'refnet.', 'pose_guider.onnx': 'guider.',
          'denoiser.onnx': 'denoiser.'}


def initializers(path):
    return {i.name: numpy_helper.to_array(i) for i in onnx.load(path).graph.initializer}


def value_key(a):
    return np.sort(np.asarray(a, np.float32).ravel()).tobytes()


def probe_mapping(model_cls):
    """Initializer name per graph file -> (parameter name, transposed?)."""
    probe = model_cls()
    g = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for p in probe.parameters():
            p.copy_(torch.rand(p.shape, generator=g) + 1.0)
    params = dict(probe.named_parameters())
    by_value = {value_key(p.detach().numpy()): n for n, p in params.items()}
    mapping = {}
    with tempfile.TemporaryDirectory() as tmp:
        export(probe, tmp)
        for file, prefix in PREFIX.items():
            for init_name, arr in initializers(os.path.join(tmp, file)).items():
                pname = by_value.get(value_key(arr))
                if pname is None or not pname.startswith(prefix):
                    continue
                value = params[pname].detach().numpy()
                transposed = arr.ndim == 2 and not np.array_equal(arr.reshape(value.shape), value)
                mapping[(file, init_name)] = (pname, transposed)
    return mapping


def pack_architecture(pack_dir):
    """The architecture a pack was exported from: packs before v3 have 64 pose-feature
    channels and no detail head."""
    detail = pose_channels_of(pack_dir) > 64
    return lambda: FVSTiny(detail=detail)


def recover(pack_dir, model_cls=FVSTiny, base_cls=None):
    """Returns (model of model_cls with recovered weights, names recovered, names left fresh).
    base_cls is the architecture the pack was exported from (read from the pack by default)."""
    mapping = probe_mapping(base_cls or pack_architecture(pack_dir))
    model = model_cls()
    state = model.state_dict()
    done = set()
    for (file, init_name), (pname, transposed) in mapping.items():
        arr = initializers(os.path.join(pack_dir, file))[init_name]
        if transposed:
            arr = arr.T
        if pname in state:
            state[pname] = torch.from_numpy(np.ascontiguousarray(arr)).reshape(state[pname].shape)
            done.add(pname)
    model.load_state_dict(state)
    fresh = sorted(set(dict(model.named_parameters())) - done)
    return model, sorted(done), fresh


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pack', default='assets/packs/fvs-tiny')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    model, done, fresh = recover(args.pack)
    print(f'recovered {len(done)} parameters; fresh: {fresh or "none"}')
    os.makedirs(os.path.dirname(args.out) or '.', exist_ok=True)
    torch.save({'model': model.state_dict(), 'step': 0, 'best': -1.0, 'warm_start': args.pack}, args.out)


if __name__ == '__main__':
    main()
