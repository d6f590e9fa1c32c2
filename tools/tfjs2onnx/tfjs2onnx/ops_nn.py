"""Handlers for the MediaPipe-style graphs (hand landmarks, face mesh, BlazePose): pooling, padding,
PRelu, AddN, reductions and fully connected layers. Same conventions as ops.py."""

import numpy as np

from .graph import NCHW, NHWC, TO_NCHW
from .ops import activate, axis_of, broadcast, conv_size, const_of, fused_parts, handles, layout_for


# ---------------------------------------------------------------- pooling

@handles('MaxPool', 'AvgPool')
def pool(g, node, args):
    x = args[0]
    if node.attr('data_format', 'NHWC') != 'NHWC':
        node.fail('only NHWC pooling is supported')
    if x.rank != 4:
        node.fail(f'input of rank {x.rank}, expected 4')
    ksize, strides = node.attr('ksize'), node.attr('strides')
    if ksize[0] != 1 or ksize[3] != 1 or strides[0] != 1 or strides[3] != 1:
        node.fail('pooling over batch or channels is not supported')
    padding = node.attr('padding')
    if padding == 'SAME':
        # TF centres SAME windows with the odd pixel at the end; padded cells never count (MaxPool) and
        # are left out of the average (AvgPool), as ONNX does with count_include_pad=0
        attrs = {'auto_pad': 'SAME_UPPER'}
    elif padding == 'VALID':
        attrs = {'pads': [0, 0, 0, 0]}
    else:
        node.fail(f'padding {padding} is not supported')
    n, h, w, c = x.shape
    out_h = conv_size(h, ksize[1], strides[1], 1, padding, (0, 0))
    out_w = conv_size(w, ksize[2], strides[2], 1, padding, (0, 0))
    op = 'MaxPool' if node.op == 'MaxPool' else 'AveragePool'
    return [g.emit(op, [g.tensor(x, NCHW)], node.name, x.dtype, (n, out_h, out_w, c), NCHW,
                   kernel_shape=ksize[1:3], strides=strides[1:3], **attrs)]


# ---------------------------------------------------------------- padding

@handles('Pad', 'PadV2')
def pad(g, node, args):
    x, paddings = args[0], const_of(node, args[1], 'the paddings')
    if paddings.shape != (x.rank, 2):
        node.fail(f'paddings of shape {paddings.shape} for a rank-{x.rank} input')
    if node.op == 'PadV2':
        fill = const_of(node, args[2], 'the constant value')
    else:
        fill = np.asarray(node.attr('constant_value', 0))
    layout = x.home if x.nchw_native else NHWC
    rows = paddings[list(TO_NCHW)] if layout == NCHW else paddings
    pads = g.ints(list(rows[:, 0]) + list(rows[:, 1]), f'{node.name}/pads')
    value = g.constant(np.asarray(fill, dtype=x.dtype).reshape(()), f'{node.name}/value')
    shape = tuple(None if d is None else d + int(a) + int(b) for d, (a, b) in zip(x.shape, paddings))
    return [g.emit('Pad', [g.tensor(x, layout), pads, value], node.name, x.dtype, shape, layout, mode='constant')]


# ---------------------------------------------------------------- element-wise

@handles('Prelu')
def prelu(g, node, args):
    """TF.js prelu(x, alpha): alpha * x where x < 0, else x; the alpha broadcasts like a binary op's."""
    x, alpha = args
    shape = broadcast(node, x.shape, alpha.shape)
    if shape != x.shape:
        node.fail(f'alpha of shape {alpha.shape} would grow x of shape {x.shape}')
    layout = layout_for(args)
    return [g.emit('PRelu', [g.tensor(x, layout), g.broadcast_operand(alpha, layout)], node.name, x.dtype,
                   x.shape, layout)]


@handles('AddN')
def add_n(g, node, args):
    if any(a.dtype != args[0].dtype for a in args):
        node.fail('inputs of different dtypes')
    layout = layout_for(args)
    shape = broadcast(node, *(a.shape for a in args))
    names = [g.broadcast_operand(a, layout) for a in args]
    op = 'Identity' if len(names) == 1 else 'Sum'
    return [g.emit(op, names, node.name, args[0].dtype, shape, layout)]


# ---------------------------------------------------------------- reductions

REDUCTIONS = {'Mean': 'ReduceMean', 'Sum': 'ReduceSum', 'Max': 'ReduceMax', 'Min': 'ReduceMin', 'Prod': 'ReduceProd'}


@handles(*REDUCTIONS)
def reduce(g, node, args):
    x, dims = args
    axes = sorted({axis_of(node, int(a), x.rank) for a in np.atleast_1d(const_of(node, dims, 'the axes'))})
    keep = bool(node.attr('keep_dims', False))
    if keep:
        shape = tuple(1 if i in axes else d for i, d in enumerate(x.shape))
    else:
        shape = tuple(d for i, d in enumerate(x.shape) if i not in axes)
    # reduce in NCHW where the result comes out in TF's order: kept dims, or the remaining axes in TF order
    layout = NHWC
    if x.nchw_native:
        rest = [a for a in TO_NCHW if a not in axes]
        if keep or rest == sorted(rest):
            layout = NCHW
    onnx_axes = [TO_NCHW.index(a) for a in axes] if layout == NCHW else axes
    out_layout = layout if keep else NHWC
    op = REDUCTIONS[node.op]
    if not axes:
        return [g.emit('Identity', [g.tensor(x, layout)], node.name, x.dtype, shape, layout)]
    if op == 'ReduceSum':  # since opset 13 its axes are an input; the others take them as an attribute until 18
        inputs, attrs = [g.tensor(x, layout), g.ints(onnx_axes, f'{node.name}/axes')], {}
    else:
        inputs, attrs = [g.tensor(x, layout)], {'axes': onnx_axes}
    return [g.emit(op, inputs, node.name, x.dtype, shape, out_layout, keepdims=int(keep), **attrs)]


# ---------------------------------------------------------------- fully connected

@handles('MatMul', '_FusedMatMul')
def mat_mul(g, node, args):
    a, b = args[0], args[1]
    if a.rank != 2 or b.rank != 2:
        node.fail(f'ranks {a.rank} and {b.rank}: only 2-D MatMul is supported')
    trans_a, trans_b = bool(node.attr('transpose_a', False)), bool(node.attr('transpose_b', False))
    rows = a.shape[1] if trans_a else a.shape[0]
    inner_a = a.shape[0] if trans_a else a.shape[1]
    inner_b = b.shape[1] if trans_b else b.shape[0]
    cols = b.shape[0] if trans_b else b.shape[1]
    if None not in (inner_a, inner_b) and inner_a != inner_b:
        node.fail(f'inner sizes {inner_a} and {inner_b} differ')
    bias, activation, alpha = fused_parts(node, args, 2) if node.op == '_FusedMatMul' else (None, None, None)
    inputs = [g.tensor(a), g.tensor(b)]
    if bias is not None:
        inputs.append(g.tensor(bias))
    base = node.name if activation is None else f'{node.name}/gemm'
    value = g.emit('Gemm', inputs, base, a.dtype, (rows, cols), transA=int(trans_a), transB=int(trans_b))
    return [activate(g, node, value, activation, alpha)]
