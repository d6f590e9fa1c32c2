"""Writes small TF.js graph models (model.json + one weight shard) for the per-op tests."""

import base64
import json
import os

import numpy as np

TF_TYPES = {np.dtype(np.float32): 'DT_FLOAT', np.dtype(np.int32): 'DT_INT32', np.dtype(np.bool_): 'DT_BOOL'}
MANIFEST = {np.dtype(np.float32): 'float32', np.dtype(np.int32): 'int32', np.dtype(np.bool_): 'bool'}


def attr(v):
    if isinstance(v, bool):
        return {'b': v}
    if isinstance(v, int):
        return {'i': str(v)}
    if isinstance(v, float):
        return {'f': v}
    if isinstance(v, str):
        return {'type': v} if v.startswith('DT_') else {'s': base64.b64encode(v.encode()).decode()}
    if isinstance(v, (list, tuple)):
        if all(isinstance(x, str) for x in v) and v:
            return {'list': {'s': [base64.b64encode(x.encode()).decode() for x in v]}}
        return {'list': {'i': [str(int(x)) for x in v]}}
    raise TypeError(v)


def shape_attr(shape):
    return {'shape': {'dim': [{'size': str(d)} for d in shape]}}


class GraphBuilder:
    def __init__(self):
        self.nodes = []
        self.weights = []  # (spec, bytes)

    def placeholder(self, name, shape, dtype=np.float32):
        self.nodes.append({'name': name, 'op': 'Placeholder',
                           'attr': {'shape': shape_attr(shape), 'dtype': {'type': TF_TYPES[np.dtype(dtype)]}}})
        return name

    def const(self, name, array, quant=None):
        """quant: None, 'float16', 'uint8' or 'uint16' (stored as TF.js's converter would quantize it)."""
        array = np.asarray(array)
        dtype = np.dtype(array.dtype)
        tensor_shape = {'dim': [{'size': str(d)} for d in array.shape]} if array.shape else {}
        self.nodes.append({'name': name, 'op': 'Const', 'attr': {
            'value': {'tensor': {'dtype': TF_TYPES[dtype], 'tensorShape': tensor_shape}},
            'dtype': {'type': TF_TYPES[dtype]}}})
        spec = {'name': name, 'shape': list(array.shape), 'dtype': MANIFEST[dtype]}
        if quant is None:
            data = array.astype(array.dtype.newbyteorder('<')).tobytes()
        elif quant == 'float16':
            data = array.astype('<f2').tobytes()
            spec['quantization'] = {'dtype': 'float16', 'original_dtype': MANIFEST[dtype]}
        else:
            levels = 255 if quant == 'uint8' else 65535
            low, high = float(array.min()), float(array.max())
            scale = (high - low) / levels if high > low else 1.0
            q = np.round((array.astype(np.float64) - low) / scale)
            data = q.astype('<u1' if quant == 'uint8' else '<u2').tobytes()
            spec['quantization'] = {'dtype': quant, 'min': low, 'scale': scale, 'original_dtype': MANIFEST[dtype]}
        self.weights.append((spec, data))
        return name

    def op(self, name, op, inputs, **attrs):
        self.nodes.append({'name': name, 'op': op, 'input': list(inputs),
                           'attr': {k: attr(v) for k, v in attrs.items()}})
        return name

    def save(self, folder):
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, 'model.bin'), 'wb') as f:
            for _, data in self.weights:
                f.write(data)
        doc = {'format': 'graph-model', 'generatedBy': 'tfjs2onnx tests', 'convertedBy': None,
               'modelTopology': {'node': self.nodes, 'library': {}, 'versions': {}},
               'weightsManifest': [{'paths': ['model.bin'], 'weights': [s for s, _ in self.weights]}]}
        path = os.path.join(folder, 'model.json')
        with open(path, 'w') as f:
            json.dump(doc, f, indent=1)
        return path
