"""One handler per TF op: handler(graph, node, args) -> list of output Values (output 0, 1, ...).

`args` are the Values of the node's data inputs. Shapes are tracked in TF's NHWC terms.
"""

import numpy as np

from .graph import NCHW, NHWC, TO_NCHW, Value, onnx_type, tf_dtype, value_info

HANDLERS = {}


def handles(*ops):
    def register(fn):
        for op in ops:
            HANDLERS[op] = fn
        return fn
    return register


# ---------------------------------------------------------------- helpers

def const_of(node, value, what):
    if value.const is None:
        node.fail(f'{what} must be a constant')
    return value.const


def axis_of(node, axis, rank):
    if not -rank <= axis < rank:
        node.fail(f'axis {axis} out of range for rank {rank}')
    return axis + rank if axis < 0 else axis


def broadcast(node, *shapes):
    rank = max(len(s) for s in shapes)
    out = []
    for i in range(rank):
        dims = {s[i - rank + len(s)] for s in shapes if i - rank + len(s) >= 0} - {1}
        known = {d for d in dims if d is not None}
        if len(known) > 1:
            node.fail(f'shapes {shapes} do not broadcast')
        out.append(known.pop() if known else (None if None in dims else 1))
    return tuple(out)


def layout_for(args):
    """NCHW when a 4-D input was produced in NCHW and every other tensor input is 4-D too (consts adapt)."""
    tensors = [a for a in args if a.const is None]
    if any(a.nchw_native for a in tensors) and all(a.rank == 4 for a in tensors) \
            and all(a.rank <= 4 for a in args):
        return NCHW
    return NHWC


# ---------------------------------------------------------------- sources

@handles('Placeholder')
def placeholder(g, node, args):
    shape = node.attr('shape')
    if shape is None:
        node.fail('an input of unknown rank is not supported')
    fixed = g.input_shapes.get(node.name)
    if fixed is not None:
        if len(fixed) != len(shape) or any(d >= 0 and d != f for d, f in zip(shape, fixed)):
            node.fail(f'input shape {list(fixed)} does not fit the declared {shape}')
        shape = list(fixed)
    value = Value(tf_dtype(node, 'dtype'), [d if d >= 0 else None for d in shape], label=node.name)
    value.names[NHWC] = g.renames.get(node.name, node.name)  # reserved by the driver
    g.inputs.append(value_info(value.names[NHWC], value.dtype, value.shape))
    return [value]


@handles('Identity')
def identity(g, node, args):
    return [args[0]]


@handles('Cast')
def cast(g, node, args):
    x = args[0]
    dst = tf_dtype(node, 'DstT')
    layout = x.home if x.nchw_native else NHWC
    return [g.emit('Cast', [g.tensor(x, layout)], node.name, dst, x.shape, layout, to=onnx_type(dst))]


# ---------------------------------------------------------------- element-wise

BINARY = {'AddV2': 'Add', 'Add': 'Add', 'BiasAdd': 'Add', 'Sub': 'Sub', 'Mul': 'Mul', 'RealDiv': 'Div'}


@handles(*BINARY)
def binary(g, node, args):
    if node.op == 'BiasAdd' and node.attr('data_format', 'NHWC') != 'NHWC':
        node.fail('only NHWC BiasAdd is supported')
    a, b = args
    if a.dtype != b.dtype:
        node.fail(f'operand dtypes differ: {a.dtype} and {b.dtype}')
    layout = layout_for(args)
    shape = broadcast(node, a.shape, b.shape)
    operands = [g.broadcast_operand(v, layout) for v in args]
    return [g.emit(BINARY[node.op], operands, node.name, a.dtype, shape, layout)]


@handles('SquaredDifference')
def squared_difference(g, node, args):
    layout = layout_for(args)
    a, b = (g.broadcast_operand(v, layout) for v in args)
    diff = g.add('Sub', [a, b], f'{node.name}/diff')
    shape = broadcast(node, args[0].shape, args[1].shape)
    return [g.emit('Mul', [diff, diff], node.name, args[0].dtype, shape, layout)]


@handles('FloorDiv')
def floor_div(g, node, args):
    layout = layout_for(args)
    a, b = (g.broadcast_operand(v, layout) for v in args)
    dtype = args[0].dtype
    shape = broadcast(node, args[0].shape, args[1].shape)
    base = node.name
    if dtype.kind != 'i':
        # TF returns floats here, TF.js int32: no single answer to convert to
        node.fail(f'FloorDiv on {dtype} is not supported (integers only)')
    # integer Div truncates toward zero; step down by one where the remainder's sign differs from b's
    zero = g.constant(np.zeros((), dtype), f'{base}/zero')
    q = g.add('Div', [a, b], f'{base}/trunc')
    r = g.add('Sub', [a, g.add('Mul', [q, b], f'{base}/qb')], f'{base}/rem')
    inexact = g.add('Not', [g.add('Equal', [r, zero], f'{base}/exact')], f'{base}/inexact')
    signs = g.add('Xor', [g.add('Less', [r, zero], f'{base}/rneg'), g.add('Less', [b, zero], f'{base}/bneg')],
                  f'{base}/signs')
    step = g.add('Cast', [g.add('And', [inexact, signs], f'{base}/adjust')], f'{base}/step', to=onnx_type(dtype))
    return [g.emit('Sub', [q, step], base, dtype, shape, layout)]


UNARY = {'Sigmoid': 'Sigmoid', 'Sqrt': 'Sqrt', 'Relu': 'Relu'}


@handles(*UNARY, 'Relu6')
def unary(g, node, args):
    x = args[0]
    layout = x.home if x.nchw_native else NHWC
    name = g.tensor(x, layout)
    if node.op == 'Relu6':
        return [relu6(g, name, node.name, x.dtype, x.shape, layout)]
    return [g.emit(UNARY[node.op], [name], node.name, x.dtype, x.shape, layout)]


def relu6(g, name, base, dtype, shape, layout):
    low = g.constant(np.zeros((), dtype), f'{base}/zero')
    high = g.constant(np.full((), 6, dtype), f'{base}/six')
    return g.emit('Clip', [name, low, high], base, dtype, shape, layout)


# ---------------------------------------------------------------- convolutions

def conv_size(size, kernel, stride, dilation, padding, before_after):
    if size is None:
        return None
    span = (kernel - 1) * dilation + 1
    if padding == 'SAME':
        return -(-size // stride)
    return (size + sum(before_after) - span) // stride + 1


def conv_geometry(node):
    if node.attr('data_format', 'NHWC') != 'NHWC':
        node.fail('only NHWC convolutions are supported')
    strides = node.attr('strides', [1, 1, 1, 1])
    dilations = node.attr('dilations', [1, 1, 1, 1])
    if strides[0] != 1 or strides[3] != 1 or dilations[0] != 1 or dilations[3] != 1:
        node.fail('strides/dilations over batch or channels are not supported')
    padding = node.attr('padding')
    attrs = {'strides': strides[1:3], 'dilations': dilations[1:3]}
    pads = [(0, 0), (0, 0)]
    if padding == 'SAME':
        attrs['auto_pad'] = 'SAME_UPPER'  # TF puts the odd pixel of SAME padding at the end, as SAME_UPPER does
    elif padding == 'EXPLICIT':
        explicit = node.attr('explicit_paddings', [])
        if len(explicit) != 8:
            node.fail(f'explicit_paddings should hold 8 numbers, not {explicit}')
        pads = [tuple(explicit[2:4]), tuple(explicit[4:6])]
        attrs['pads'] = [pads[0][0], pads[1][0], pads[0][1], pads[1][1]]
    elif padding == 'VALID':
        attrs['pads'] = [0, 0, 0, 0]
    else:
        node.fail(f'padding {padding} is not supported')
    return attrs, padding, pads


FUSED_ACTIVATIONS = (None, 'Relu', 'Relu6', 'Elu', 'Sigmoid', 'LeakyRelu', 'Prelu')


def fused_parts(node, args, base_inputs):
    """The fused_ops of a _Fused* conv or matmul: (bias Value or None, activation name or None, PRelu alpha or None).

    The extra inputs are the bias, then, for Prelu, the alpha (TF.js's preluActivationWeights).
    """
    fused = node.attr('fused_ops', [])
    extra = args[base_inputs:]
    if not fused:
        return None, None, None
    if len(fused) > 2:
        node.fail(f'fused_ops {fused}: at most one activation after BiasAdd is supported')
    activation = fused[1] if len(fused) == 2 else None
    wanted = 2 if activation == 'Prelu' else 1
    if fused[0] != 'BiasAdd' or len(extra) != wanted:
        node.fail(f'fused_ops {fused} with {len(extra)} extra inputs: only BiasAdd (+ activation) is supported')
    if activation not in FUSED_ACTIVATIONS:
        node.fail(f'fused activation {activation} is not supported')
    return extra[0], activation, extra[1] if activation == 'Prelu' else None


def activate(g, node, value, activation, alpha=None):
    """The fused activation applied to a value held in its home layout."""
    if activation is None:
        return value
    layout = value.home
    name, base = value.names[layout], node.name
    if activation == 'Relu6':
        out = relu6(g, name, base, value.dtype, value.shape, layout)
    elif activation == 'LeakyRelu':
        out = g.emit('LeakyRelu', [name], base, value.dtype, value.shape, layout, alpha=node.attr('leakyrelu_alpha', 0.2))
    elif activation == 'Prelu':
        const_of(node, alpha, 'the PRelu alpha')
        out = g.emit('PRelu', [name, g.broadcast_operand(alpha, layout)], base, value.dtype, value.shape, layout)
    else:
        out = g.emit(activation, [name], base, value.dtype, value.shape, layout)
    return out


def convolution(g, node, x, weights, out_channels, group, bias, activation, alpha=None):
    attrs, padding, pads = conv_geometry(node)
    if x.rank != 4:
        node.fail(f'input of rank {x.rank}, expected 4')
    n, h, w, _ = x.shape
    kh, kw = weights.shape[2:]
    out_h = conv_size(h, kh, attrs['strides'][0], attrs['dilations'][0], padding, pads[0])
    out_w = conv_size(w, kw, attrs['strides'][1], attrs['dilations'][1], padding, pads[1])
    inputs = [g.tensor(x, NCHW), g.constant(weights, f'{node.name}/weights')]
    if bias is not None:
        b = const_of(node, bias, 'the bias')
        if b.shape != (out_channels,):
            node.fail(f'bias of shape {b.shape}, expected ({out_channels},)')
        inputs.append(g.constant(b.astype(np.float32), f'{node.name}/bias'))
    conv_name = node.name if activation is None else f'{node.name}/conv'
    value = g.emit('Conv', inputs, conv_name, x.dtype, (n, out_h, out_w, out_channels), NCHW,
                   kernel_shape=[kh, kw], group=group, **attrs)
    return activate(g, node, value, activation, alpha)


@handles('Conv2D', '_FusedConv2D')
def conv2d(g, node, args):
    x, f = args[0], args[1]
    filt = const_of(node, f, 'the filter')  # HWIO
    if filt.ndim != 4:
        node.fail(f'filter of rank {filt.ndim}')
    in_channels = x.shape[3]
    if in_channels is not None and in_channels % filt.shape[2]:
        node.fail(f'{in_channels} input channels, filter expects {filt.shape[2]}')
    group = in_channels // filt.shape[2] if in_channels else 1
    bias, activation, alpha = fused_parts(node, args, 2)
    weights = np.transpose(filt, (3, 2, 0, 1)).astype(np.float32)  # OIHW
    return [convolution(g, node, x, weights, filt.shape[3], group, bias, activation, alpha)]


@handles('DepthwiseConv2dNative', 'FusedDepthwiseConv2dNative')
def depthwise(g, node, args):
    x, f = args[0], args[1]
    filt = const_of(node, f, 'the filter')  # H, W, in, multiplier
    kh, kw, cin, mult = filt.shape
    if x.shape[3] not in (None, cin):
        node.fail(f'{x.shape[3]} input channels, filter expects {cin}')
    bias, activation, alpha = fused_parts(node, args, 2)
    # TF output channel c * mult + m is filter [:, :, c, m]; ONNX group conv wants [cin * mult, 1, kh, kw]
    weights = np.transpose(filt.reshape(kh, kw, cin * mult), (2, 0, 1))[:, None].astype(np.float32)
    return [convolution(g, node, x, weights, cin * mult, cin, bias, activation, alpha)]


# ---------------------------------------------------------------- resampling

@handles('ResizeBilinear')
def resize_bilinear(g, node, args):
    x, size = args
    h, w = (int(v) for v in const_of(node, size, 'the size'))
    if x.rank != 4:
        node.fail(f'input of rank {x.rank}, expected 4')
    align, half = node.attr('align_corners', False), node.attr('half_pixel_centers', False)
    if align and half:
        node.fail('align_corners and half_pixel_centers are both set')
    mode = 'align_corners' if align else 'half_pixel' if half else 'asymmetric'
    layout = x.home if x.nchw_native else NHWC
    src = g.tensor(x, layout)
    # Resize (opset 17) wants all four output sizes: batch and channels from the input's shape at run time
    if layout == NCHW:
        parts = [g.add('Shape', [src], f'{node.name}/nc', start=0, end=2), g.ints([h, w], f'{node.name}/hw')]
    else:
        parts = [g.add('Shape', [src], f'{node.name}/n', start=0, end=1), g.ints([h, w], f'{node.name}/hw'),
                 g.add('Shape', [src], f'{node.name}/c', start=3, end=4)]
    sizes = g.add('Concat', parts, f'{node.name}/sizes', axis=0)
    shape = (x.shape[0], h, w, x.shape[3])
    return [g.emit('Resize', [src, '', '', sizes], node.name, x.dtype, shape, layout,
                   mode='linear', coordinate_transformation_mode=mode)]


# ---------------------------------------------------------------- reductions and gathering

@handles('ArgMax')
def arg_max(g, node, args):
    x, dim = args
    axis = axis_of(node, int(const_of(node, dim, 'the dimension')), x.rank)
    out_type = tf_dtype(node, 'output_type') if node.has('output_type') else np.dtype(np.int64)
    shape = x.shape[:axis] + x.shape[axis + 1:]
    index = g.add('ArgMax', [g.tensor(x)], f'{node.name}/int64', axis=axis, keepdims=0)
    return [g.emit('Cast', [index], node.name, out_type, shape, to=onnx_type(out_type))]


@handles('GatherNd')
def gather_nd(g, node, args):
    params, indices = args
    depth = indices.shape[-1] if indices.rank else None
    if depth is None:
        node.fail('the last dimension of the indices must be known')
    if indices.const is not None:
        index_name = g.constant(indices.const.astype(np.int64), f'{node.name}/indices')
    elif indices.dtype == np.int64:
        index_name = g.tensor(indices)
    else:
        index_name = g.add('Cast', [g.tensor(indices)], f'{node.name}/indices', to=onnx_type(np.int64))
    shape = indices.shape[:-1] + params.shape[depth:]
    return [g.emit('GatherND', [g.tensor(params), index_name], node.name, params.dtype, shape)]


# ---------------------------------------------------------------- shapes

@handles('Reshape')
def reshape(g, node, args):
    x, target = args
    dims = [int(d) for d in const_of(node, target, 'the target shape')]
    known = all(d is not None for d in x.shape)
    shape = [d if d >= 0 else None for d in dims]
    if dims.count(-1) == 1 and known:
        rest = int(np.prod([d for d in dims if d != -1]))
        shape[dims.index(-1)] = int(np.prod(x.shape)) // rest if rest else 0
    attrs = {'allowzero': 1} if 0 in dims else {}  # TF's 0 is a size of zero, ONNX's default 0 copies a dim
    return [g.emit('Reshape', [g.tensor(x), g.ints(dims, f'{node.name}/shape')], node.name,
                   x.dtype, shape, **attrs)]


@handles('ExpandDims')
def expand_dims(g, node, args):
    x, dim = args
    axis = axis_of(node, int(const_of(node, dim, 'the axis')), x.rank + 1)
    shape = x.shape[:axis] + (1,) + x.shape[axis:]
    return [g.emit('Unsqueeze', [g.tensor(x), g.ints([axis], f'{node.name}/axes')], node.name, x.dtype, shape)]


@handles('Squeeze')
def squeeze(g, node, args):
    x = args[0]
    dims = node.attr('squeeze_dims', None) or node.attr('axis', None) or []
    axes = sorted(axis_of(node, d, x.rank) for d in dims)
    if not axes:
        if None in x.shape:
            node.fail('squeezing every size-1 dimension needs a known shape')
        axes = [i for i, d in enumerate(x.shape) if d == 1]
    for a in axes:
        if x.shape[a] not in (1, None):
            node.fail(f'dimension {a} has size {x.shape[a]}, cannot squeeze it')
    shape = tuple(d for i, d in enumerate(x.shape) if i not in axes)
    return [g.emit('Squeeze', [g.tensor(x), g.ints(axes, f'{node.name}/axes')], node.name, x.dtype, shape)]


@handles('Pack')
def pack(g, node, args):
    first = args[0]
    if any(a.shape != first.shape or a.dtype != first.dtype for a in args):
        node.fail(f'inputs differ: {[(a.dtype.name, a.shape) for a in args]}')
    axis = axis_of(node, node.attr('axis', 0), first.rank + 1)
    axes = g.ints([axis], f'{node.name}/axes')
    parts = [g.add('Unsqueeze', [g.tensor(a), axes], f'{node.name}/part{i}') for i, a in enumerate(args)]
    shape = first.shape[:axis] + (len(args),) + first.shape[axis:]
    if len(parts) == 1:
        return [g.emit('Identity', parts, node.name, first.dtype, shape)]
    return [g.emit('Concat', parts, node.name, first.dtype, shape, axis=axis)]


@handles('Unpack')
def unpack(g, node, args):
    x = args[0]
    axis = axis_of(node, node.attr('axis', 0), x.rank)
    num = node.attr('num')
    if x.shape[axis] not in (None, num):
        node.fail(f'num {num} but dimension {axis} has size {x.shape[axis]}')
    shape = x.shape[:axis] + x.shape[axis + 1:]
    axes = g.ints([axis], f'{node.name}/axes')
    pieces = g.add('Split', [g.tensor(x)], f'{node.name}/split', outputs=num, axis=axis) if num > 1 else [g.tensor(x)]
    base = [node.name] + [f'{node.name}:{i}' for i in range(1, num)]
    return [g.emit('Squeeze', [p, axes], b, x.dtype, shape) for p, b in zip(pieces, base)]


@handles('ConcatV2')
def concat(g, node, args):
    *parts, axis_value = args
    rank = parts[0].rank
    axis = axis_of(node, int(const_of(node, axis_value, 'the axis')), rank)
    if any(p.rank != rank or p.dtype != parts[0].dtype for p in parts):
        node.fail('inputs of different ranks or dtypes')
    layout = layout_for(parts)
    onnx_axis = TO_NCHW.index(axis) if layout == NCHW else axis
    sizes = [p.shape[axis] for p in parts]
    shape = list(parts[0].shape)
    shape[axis] = None if None in sizes else sum(sizes)
    names = [g.tensor(p, layout) for p in parts]
    if len(names) == 1:
        return [g.emit('Identity', names, node.name, parts[0].dtype, shape, layout)]
    return [g.emit('Concat', names, node.name, parts[0].dtype, shape, layout, axis=onnx_axis)]
