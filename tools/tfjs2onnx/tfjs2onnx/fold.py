"""Constant folding: ops whose inputs are all known at conversion time are computed here, in numpy.

The MoveNet MultiPose graph derives sizes from `Shape` of tensors whose shapes are static (the input
is a fixed 1x256x256x3), then slices, packs, casts and multiplies them (`Range`, `Fill`, `Tile`...).
Folding those chains leaves constants, so the ONNX graph keeps only the real computation, and ops
like `ResizeBilinear` get the constant sizes they need. The arithmetic is float32 or integer, as in
TF.js (for + - * / a float32 result rounded from double, as TF.js computes it, is the correctly
rounded float32 result numpy gives).
"""

import numpy as np

from .graph import Value, tf_dtype
from .slicing import parse_strided_slice

FOLDERS = {}


def folds(*ops):
    def register(fn):
        for op in ops:
            FOLDERS[op] = fn
        return fn
    return register


def fold(node, args):
    """The node's outputs as constant Values, or None if it cannot be folded."""
    fn = FOLDERS.get(node.op)
    if fn is None:
        return None
    if node.op in ('Shape', 'Size'):
        if any(d is None for d in args[0].shape):
            return None
    elif any(a.const is None for a in args):
        return None
    arrays = fn(node, [a.const for a in args], args)
    if not isinstance(arrays, list):
        arrays = [arrays]
    out = []
    for k, array in enumerate(arrays):
        array = np.asarray(array)
        if array.dtype == np.float64:
            array = array.astype(np.float32)
        label = node.name if k == 0 else f'{node.name}:{k}'
        out.append(Value(array.dtype, array.shape, const=array, label=label))
    return out


def out_type(node, key, default=np.int32):
    return tf_dtype(node, key) if node.has(key) else np.dtype(default)


@folds('Shape')
def shape(node, consts, args):
    return np.array(args[0].shape, dtype=out_type(node, 'out_type'))


@folds('Size')
def size(node, consts, args):
    return np.array(int(np.prod(args[0].shape, dtype=np.int64)), dtype=out_type(node, 'out_type'))


@folds('Identity')
def identity(node, c, args):
    return c[0]


@folds('Cast')
def cast(node, c, args):
    return c[0].astype(tf_dtype(node, 'DstT'))


BINARY = {'Add': np.add, 'AddV2': np.add, 'Sub': np.subtract, 'Mul': np.multiply, 'Minimum': np.minimum,
          'Maximum': np.maximum}


@folds(*BINARY)
def binary(node, c, args):
    return BINARY[node.op](c[0], c[1]).astype(c[0].dtype)


@folds('RealDiv')
def real_div(node, c, args):
    return (c[0] / c[1]).astype(c[0].dtype)


@folds('FloorDiv')
def floor_div(node, c, args):
    if c[0].dtype.kind != 'i':
        node.fail('FloorDiv on floats is not supported')
    return np.floor_divide(c[0], c[1])


@folds('Pack')
def pack(node, c, args):
    return np.stack(c, axis=node.attr('axis', 0))


@folds('Unpack')
def unpack(node, c, args):
    axis = node.attr('axis', 0)
    return [np.take(c[0], i, axis=axis) for i in range(c[0].shape[axis])]


@folds('ConcatV2')
def concat(node, c, args):
    return np.concatenate(c[:-1], axis=int(c[-1]))


@folds('Reshape')
def reshape(node, c, args):
    return c[0].reshape([int(d) for d in np.atleast_1d(c[1])])


@folds('ExpandDims')
def expand_dims(node, c, args):
    return np.expand_dims(c[0], int(c[1]))


@folds('Squeeze')
def squeeze(node, c, args):
    dims = node.attr('squeeze_dims', None) or node.attr('axis', None) or None
    return np.squeeze(c[0], axis=tuple(dims) if dims else None)


@folds('Range')
def range_(node, c, args):
    start, limit, delta = (v.item() for v in c)
    dtype = out_type(node, 'Tidx', c[0].dtype)
    count = max(0, int(np.ceil((limit - start) / delta)))
    # TF.js fills a range by repeated addition in the output type
    values = np.empty(count, dtype=dtype)
    acc = np.asarray(start, dtype=dtype)
    for i in range(count):
        values[i] = acc
        acc = (acc + np.asarray(delta, dtype=dtype)).astype(dtype)
    return values


@folds('Fill')
def fill(node, c, args):
    return np.full([int(d) for d in c[0]], c[1], dtype=c[1].dtype)


@folds('Tile')
def tile(node, c, args):
    return np.tile(c[0], [int(m) for m in c[1]])


@folds('StridedSlice')
def strided_slice(node, c, args):
    spec = parse_strided_slice(node, c[0].shape, c[1], c[2], c[3])
    return np.asarray(c[0][spec.numpy_index()])
