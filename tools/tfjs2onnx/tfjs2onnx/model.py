"""Reading a TensorFlow.js graph model: model.json (topology + weightsManifest) and its weight shards."""

import base64
import json
import os

import numpy as np

# TF DataType enum names (as written in model.json attrs) -> numpy
TF_DTYPES = {
    'DT_FLOAT': np.float32,
    'DT_INT32': np.int32,
    'DT_INT64': np.int64,
    'DT_BOOL': np.bool_,
}

# weightsManifest dtype names -> numpy
MANIFEST_DTYPES = {
    'float32': np.float32,
    'int32': np.int32,
    'bool': np.bool_,
}

QUANTIZED_DTYPES = {
    'uint8': np.uint8,
    'uint16': np.uint16,
    'float16': np.float16,
}


class ConversionError(Exception):
    pass


class TfNode:
    """One NodeDef of the topology, with typed access to its attributes."""

    def __init__(self, raw):
        self.name = raw['name']
        self.op = raw['op']
        # '^name' entries are control dependencies: they carry no data
        self.inputs = [i for i in raw.get('input', []) if not i.startswith('^')]
        self._attr = raw.get('attr', {})

    def has(self, key):
        return key in self._attr

    def attr(self, key, default=None):
        if key not in self._attr:
            return default
        return _decode_attr(self._attr[key])

    def fail(self, message):
        raise ConversionError(f"node '{self.name}' (op {self.op}): {message}")


def _decode_attr(value):
    if 'list' in value:
        items = value['list']
        if 's' in items:
            return [base64.b64decode(s).decode() for s in items['s']]
        if 'i' in items:
            return [int(i) for i in items['i']]
        if 'f' in items:
            return [float(f) for f in items['f']]
        if 'type' in items:
            return list(items['type'])
        return []
    if 's' in value:
        return base64.b64decode(value['s']).decode()
    if 'i' in value:
        return int(value['i'])
    if 'f' in value:
        return float(value['f'])
    if 'b' in value:
        return bool(value['b'])
    if 'type' in value:
        return value['type']
    if 'shape' in value:
        shape = value['shape']
        if shape.get('unknownRank'):
            return None
        return [int(d.get('size', -1)) for d in shape.get('dim', [])]
    if 'tensor' in value:
        return value['tensor']
    raise ConversionError(f'attribute form not understood: {value}')


class TfjsModel:
    """Topology nodes by name, constant tensors by name (dequantized), and the signature, if any."""

    def __init__(self, path):
        with open(path) as f:
            doc = json.load(f)
        if doc.get('format', 'graph-model') != 'graph-model':
            raise ConversionError(f"{path}: format '{doc.get('format')}' is not a graph model")
        topology = doc['modelTopology']
        if topology.get('library', {}).get('function'):
            raise ConversionError(f'{path}: graphs with functions (control flow) are not supported')
        self.nodes = [TfNode(n) for n in topology['node']]
        self.by_name = {n.name: n for n in self.nodes}
        self.signature = doc.get('signature') or {}
        self.weights = load_weights(os.path.dirname(os.path.abspath(path)), doc.get('weightsManifest', []))
        self.meta = {k: str(doc[k]) for k in ('generatedBy', 'convertedBy') if doc.get(k)}


def load_weights(folder, manifest):
    """All weights of all groups. A group's shards are one byte stream; its weights follow each other in it."""
    weights = {}
    for group in manifest:
        data = b''.join(_read(os.path.join(folder, p)) for p in group['paths'])
        offset = 0
        for spec in group['weights']:
            array, size = _decode_weight(spec, data, offset)
            weights[spec['name']] = array
            offset += size
        if offset != len(data):
            raise ConversionError(f"weights of {group['paths']}: {len(data)} bytes, the manifest describes {offset}")
    return weights


def _read(path):
    with open(path, 'rb') as f:
        return f.read()


def _decode_weight(spec, data, offset):
    name, shape, dtype = spec['name'], spec['shape'], spec['dtype']
    if dtype not in MANIFEST_DTYPES:
        raise ConversionError(f"weight '{name}': dtype {dtype} is not supported")
    count = int(np.prod(shape, dtype=np.int64))
    quant = spec.get('quantization')
    stored = QUANTIZED_DTYPES[quant['dtype']] if quant else MANIFEST_DTYPES[dtype]
    if quant and quant['dtype'] not in QUANTIZED_DTYPES:
        raise ConversionError(f"weight '{name}': quantization {quant['dtype']} is not supported")
    size = count * np.dtype(stored).itemsize
    if offset + size > len(data):
        raise ConversionError(f"weight '{name}': runs past the end of the weight data")
    raw = np.frombuffer(data, dtype=np.dtype(stored).newbyteorder('<'), count=count, offset=offset)
    if quant is None:
        values = raw.astype(MANIFEST_DTYPES[dtype])
    elif quant['dtype'] == 'float16':
        values = raw.astype(np.float32)
    else:
        # affine quantization, computed as TF.js does: q * scale + min in double precision, then stored
        # as float32, or for int32 weights rounded half up (JavaScript's Math.round)
        exact = raw.astype(np.float64) * float(quant['scale']) + float(quant['min'])
        if dtype == 'int32':
            values = np.floor(exact + 0.5).astype(np.int32)
        else:
            values = exact.astype(np.float32)
    return values.reshape(shape), size
