"""Handlers for decoding graphs (MoveNet MultiPose): slicing, top-k, selection, comparisons and the
shape ops left after constant folding (fold.py). Same conventions as ops.py."""

import numpy as np

from .graph import NHWC, onnx_type, tf_dtype
from .ops import axis_of, broadcast, const_of, handles, layout_for
from .slicing import parse_strided_slice


@handles('StridedSlice')
def strided_slice(g, node, args):
    x = args[0]
    begin, end, strides = (const_of(node, a, 'the begin/end/strides') for a in args[1:4])
    spec = parse_strided_slice(node, x.shape, begin, end, strides)
    name = g.tensor(x)
    starts, ends, axes, steps = spec.onnx_slices()
    base = node.name
    if axes:
        name = g.add('Slice', [name, g.ints(starts, f'{base}/starts'), g.ints(ends, f'{base}/ends'),
                               g.ints(axes, f'{base}/axes'), g.ints(steps, f'{base}/steps')], f'{base}/slice')
    if spec.shrink_dims():
        name = g.add('Squeeze', [name, g.ints(spec.shrink_dims(), f'{base}/shrink')], f'{base}/squeeze')
    if spec.new_axes():
        name = g.add('Unsqueeze', [name, g.ints(spec.new_axes(), f'{base}/new')], f'{base}/unsqueeze')
    return [g.emit('Identity', [name], base, x.dtype, spec.out_shape())]


@handles('TopKV2')
def top_k(g, node, args):
    x, k = args
    count = int(const_of(node, k, 'k'))
    if not node.attr('sorted', True):
        node.fail('unsorted TopKV2 is not supported')
    shape = x.shape[:-1] + (count,)
    # ONNX TopK, sorted, puts the lower index first among equal values, as TF does
    values, indices = g.add('TopK', [g.tensor(x), g.ints([count], f'{node.name}/k')], f'{node.name}/topk',
                            outputs=2, axis=-1, largest=1, sorted=1)
    out_values = g.emit('Identity', [values], node.name, x.dtype, shape)
    out_indices = g.emit('Cast', [indices], f'{node.name}:1', np.int32, shape, to=onnx_type(np.int32))
    return [out_values, out_indices]


@handles('Select', 'SelectV2')
def select(g, node, args):
    cond, a, b = args
    if node.op == 'Select' and cond.rank == 1 and a.rank > 1:
        node.fail('Select with a vector condition on a higher-rank tensor is not supported')
    layout = layout_for(args)
    shape = broadcast(node, cond.shape, a.shape, b.shape)
    names = [g.broadcast_operand(v, layout) for v in args]
    return [g.emit('Where', names, node.name, a.dtype, shape, layout)]


@handles('Split')
def split(g, node, args):
    dim, x = args
    axis = axis_of(node, int(const_of(node, dim, 'the split dimension')), x.rank)
    num = node.attr('num_split')
    if x.shape[axis] is not None and x.shape[axis] % num:
        node.fail(f'dimension {axis} of size {x.shape[axis]} does not split into {num}')
    part = None if x.shape[axis] is None else x.shape[axis] // num
    shape = x.shape[:axis] + (part,) + x.shape[axis + 1:]
    pieces = g.add('Split', [g.tensor(x)], f'{node.name}/split', outputs=num, axis=axis) if num > 1 else [g.tensor(x)]
    bases = [node.name] + [f'{node.name}:{i}' for i in range(1, num)]
    return [g.emit('Identity', [p], b, x.dtype, shape) for p, b in zip(pieces, bases)]


@handles('Tile')
def tile(g, node, args):
    x, multiples = args
    reps = [int(m) for m in const_of(node, multiples, 'the multiples')]
    shape = tuple(None if d is None else d * r for d, r in zip(x.shape, reps))
    return [g.emit('Tile', [g.tensor(x), g.ints(reps, f'{node.name}/repeats')], node.name, x.dtype, shape)]


COMPARISONS = {'Less': 'Less', 'LessEqual': 'LessOrEqual', 'Greater': 'Greater', 'GreaterEqual': 'GreaterOrEqual',
               'Equal': 'Equal', 'LogicalAnd': 'And', 'LogicalOr': 'Or'}


@handles(*COMPARISONS)
def compare(g, node, args):
    a, b = args
    layout = layout_for(args)
    shape = broadcast(node, a.shape, b.shape)
    names = [g.broadcast_operand(v, layout) for v in args]
    return [g.emit(COMPARISONS[node.op], names, node.name, np.bool_, shape, layout)]


@handles('NotEqual')
def not_equal(g, node, args):
    layout = layout_for(args)
    equal = g.add('Equal', [g.broadcast_operand(v, layout) for v in args], f'{node.name}/equal')
    return [g.emit('Not', [equal], node.name, np.bool_, broadcast(node, *(a.shape for a in args)), layout)]


@handles('LogicalNot')
def logical_not(g, node, args):
    x = args[0]
    layout = x.home if x.nchw_native else NHWC
    return [g.emit('Not', [g.tensor(x, layout)], node.name, np.bool_, x.shape, layout)]


@handles('Minimum', 'Maximum')
def min_max(g, node, args):
    a, b = args
    if a.dtype != b.dtype:
        node.fail(f'operand dtypes differ: {a.dtype} and {b.dtype}')
    layout = layout_for(args)
    names = [g.broadcast_operand(v, layout) for v in args]
    return [g.emit('Min' if node.op == 'Minimum' else 'Max', names, node.name, a.dtype,
                   broadcast(node, a.shape, b.shape), layout)]


UNARY = {'Abs': 'Abs', 'Exp': 'Exp', 'Reciprocal': 'Reciprocal', 'Neg': 'Neg'}


@handles(*UNARY)
def unary(g, node, args):
    x = args[0]
    layout = x.home if x.nchw_native else NHWC
    return [g.emit(UNARY[node.op], [g.tensor(x, layout)], node.name, x.dtype, x.shape, layout)]


# ---------------------------------------------------------------- shape ops that fold.py could not fold

@handles('Shape', 'Size')
def shape_of(g, node, args):
    x = args[0]
    dtype = tf_dtype(node, 'out_type') if node.has('out_type') else np.dtype(np.int32)
    shape_name = g.add('Shape', [g.tensor(x)], f'{node.name}/shape')
    if node.op == 'Size':
        shape_name = g.add('ReduceProd', [shape_name], f'{node.name}/prod', keepdims=0)
        return [g.emit('Cast', [shape_name], node.name, dtype, (), to=onnx_type(dtype))]
    return [g.emit('Cast', [shape_name], node.name, dtype, (x.rank,), to=onnx_type(dtype))]


@handles('Range')
def range_op(g, node, args):
    if any(a.const is None for a in args[:1] + args[2:]):
        node.fail('Range with a start or delta known only at run time is not supported')
    names = [g.tensor(a) for a in args]
    return [g.emit('Range', names, node.name, args[0].dtype, (None,))]


@handles('Fill')
def fill(g, node, args):
    dims, value = args
    if value.const is None:
        node.fail('Fill with a value known only at run time is not supported')
    from onnx import numpy_helper
    dims64 = g.add('Cast', [g.tensor(dims)], f'{node.name}/dims', to=onnx_type(np.int64))
    rank = dims.shape[0]
    return [g.emit('ConstantOfShape', [dims64], node.name, value.dtype, (None,) * rank,
                   value=numpy_helper.from_array(np.asarray(value.const).reshape(1)))]
