"""The per-op test graphs. Each case returns (builder, {input: array}, [output node names]).

Together they cover every op the converter handles, each padding mode and fused activation,
the weight quantizations, and the NCHW/NHWC layout bookkeeping (convolutions feeding
element-wise ops, concatenations, resizes and layout-bound ops such as Reshape and GatherNd).
"""

import numpy as np

from tfjs_builder import GraphBuilder

F32, I32 = np.float32, np.int32
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def rand(rng, *shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(F32)


def conv_attrs(padding='SAME', stride=1, dilation=1, fused=None, explicit=None):
    attrs = {'T': 'DT_FLOAT', 'data_format': 'NHWC', 'padding': padding,
             'strides': [1, stride, stride, 1], 'dilations': [1, dilation, dilation, 1]}
    if fused is not None:
        attrs['fused_ops'] = fused
        attrs['num_args'] = len(fused) and 1
    if explicit is not None:
        attrs['explicit_paddings'] = explicit
    return attrs


@case
def conv_same_stride2_relu6(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 9, 11, 4])
    w, bias = b.const('w', rand(rng, 3, 3, 4, 5)), b.const('b', rand(rng, 5))
    b.op('y', '_FusedConv2D', [x, w, bias], **conv_attrs('SAME', 2, fused=['BiasAdd', 'Relu6']))
    return b, {'x': rand(rng, 1, 9, 11, 4, scale=3)}, ['y']


@case
def conv_valid_bias(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 8, 7, 3])
    w, bias = b.const('w', rand(rng, 1, 1, 3, 6)), b.const('b', rand(rng, 6))
    b.op('y', '_FusedConv2D', [x, w, bias], **conv_attrs('VALID', fused=['BiasAdd']))
    w3, b3 = b.const('w3', rand(rng, 3, 2, 3, 2)), b.const('b3', rand(rng, 2))
    b.op('y3', '_FusedConv2D', [x, w3, b3], **conv_attrs('VALID', 2, fused=['BiasAdd']))
    return b, {'x': rand(rng, 1, 8, 7, 3)}, ['y', 'y3']


@case
def conv_explicit_dilated_relu(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 10, 9, 3])
    w, bias = b.const('w', rand(rng, 3, 3, 3, 4)), b.const('b', rand(rng, 4))
    b.op('y', '_FusedConv2D', [x, w, bias],
         **conv_attrs('EXPLICIT', 1, 2, fused=['BiasAdd', 'Relu'], explicit=[0, 0, 1, 2, 2, 0, 0, 0]))
    return b, {'x': rand(rng, 1, 10, 9, 3)}, ['y']


@case
def conv_fused_activations(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 6, 6, 3])
    outs = []
    for act in ('LeakyRelu', 'Sigmoid', 'Elu'):
        w, bias = b.const(f'w_{act}', rand(rng, 3, 3, 3, 4)), b.const(f'b_{act}', rand(rng, 4))
        extra = {'leakyrelu_alpha': 0.1} if act == 'LeakyRelu' else {}
        outs.append(b.op(f'y_{act}', '_FusedConv2D', [x, w, bias], **conv_attrs(fused=['BiasAdd', act]), **extra))
    return b, {'x': rand(rng, 1, 6, 6, 3, scale=2)}, outs


@case
def conv2d_biasadd_relu(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 7, 7, 3])
    c = b.op('c', 'Conv2D', [x, b.const('w', rand(rng, 3, 3, 3, 4))], **conv_attrs('SAME', 2))
    ba = b.op('ba', 'BiasAdd', [c, b.const('b', rand(rng, 4))], T='DT_FLOAT', data_format='NHWC')
    r6 = b.op('r6', 'Relu6', [ba], T='DT_FLOAT')
    r = b.op('r', 'Relu', [ba], T='DT_FLOAT')
    return b, {'x': rand(rng, 1, 7, 7, 3, scale=3)}, [r6, r]


@case
def depthwise_fused_stride2(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 10, 9, 3])
    w, bias = b.const('w', rand(rng, 3, 3, 3, 2)), b.const('b', rand(rng, 6))
    b.op('y', 'FusedDepthwiseConv2dNative', [x, w, bias], **conv_attrs('SAME', 2, fused=['BiasAdd', 'Relu6']))
    return b, {'x': rand(rng, 1, 10, 9, 3, scale=3)}, ['y']


@case
def depthwise_valid(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 9, 8, 4])
    b.op('y', 'DepthwiseConv2dNative', [x, b.const('w', rand(rng, 5, 3, 4, 1))], **conv_attrs('VALID'))
    b.op('y2', 'DepthwiseConv2dNative', [x, b.const('w2', rand(rng, 3, 3, 4, 3))], **conv_attrs('SAME'))
    return b, {'x': rand(rng, 1, 9, 8, 4)}, ['y', 'y2']


@case
def resize_bilinear_modes(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 5, 7, 3])
    outs = []
    for name, size, align, half in (('up_half', [10, 14], False, True), ('odd_half', [8, 11], False, True),
                                    ('down_half', [3, 4], False, True), ('align', [9, 13], True, False),
                                    ('asym', [8, 11], False, False)):
        s = b.const(f'{name}_size', np.array(size, I32))
        outs.append(b.op(name, 'ResizeBilinear', [x, s], T='DT_FLOAT', align_corners=align, half_pixel_centers=half))
    return b, {'x': rand(rng, 1, 5, 7, 3)}, outs


@case
def layout_mix(rng):
    """Convolution outputs (NCHW inside ONNX) through element-wise, concat and resize, out through Reshape."""
    b = GraphBuilder()
    x = b.placeholder('x', [1, 8, 8, 4])
    fused = conv_attrs(fused=['BiasAdd'])
    a = b.op('a', '_FusedConv2D', [x, b.const('wa', rand(rng, 3, 3, 4, 4)), b.const('ba', rand(rng, 4))], **fused)
    c = b.op('c', '_FusedConv2D', [x, b.const('wc', rand(rng, 1, 1, 4, 4)), b.const('bc', rand(rng, 4))], **fused)
    a2 = b.op('a2', 'AddV2', [a, b.const('per_channel', rand(rng, 4))], T='DT_FLOAT')
    c2 = b.op('c2', 'Mul', [c, b.const('scalar', np.array(0.5, F32))], T='DT_FLOAT')
    res = b.op('res', 'AddV2', [a2, c2], T='DT_FLOAT')
    sig = b.op('sig', 'Sigmoid', [res], T='DT_FLOAT')
    cat = b.op('cat', 'ConcatV2', [sig, a, b.const('axis', np.array(-1, I32))], T='DT_FLOAT', N=2, Tidx='DT_INT32')
    up = b.op('up', 'ResizeBilinear', [cat, b.const('size', np.array([16, 16], I32))], T='DT_FLOAT',
              align_corners=False, half_pixel_centers=True)
    sub = b.op('sub', 'Sub', [up, b.const('mean', rand(rng, 1, 1, 1, 8))], T='DT_FLOAT')
    div = b.op('div', 'RealDiv', [sub, b.const('spatial', rand(rng, 16, 16, 1) ** 2 + 0.5)], T='DT_FLOAT')
    sq = b.op('sqd', 'SquaredDifference', [div, up], T='DT_FLOAT')
    # sqrt away from 0, where its slope would magnify the convolutions' rounding differences
    root = b.op('root', 'Sqrt', [b.op('sig_plus', 'AddV2', [sig, b.const('quarter', np.array(0.25, F32))],
                                      T='DT_FLOAT')], T='DT_FLOAT')
    flat = b.op('flat', 'Reshape', [sq, b.const('flat_shape', np.array([1, -1], I32))], T='DT_FLOAT')
    return b, {'x': rand(rng, 1, 8, 8, 4)}, [flat, root, up]


@case
def elementwise_broadcast(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [2, 3, 4])
    y = b.placeholder('y', [4])
    outs = [b.op(op.lower(), op, [x, y], T='DT_FLOAT')
            for op in ('Add', 'AddV2', 'Sub', 'Mul', 'RealDiv', 'SquaredDifference')]
    outs += [b.op(op.lower(), op, [x], T='DT_FLOAT') for op in ('Sigmoid', 'Relu', 'Relu6')]
    outs.append(b.op('sqrt', 'Sqrt', [b.op('sq', 'Mul', [x, x], T='DT_FLOAT')], T='DT_FLOAT'))
    y_values = rng.uniform(0.5, 2.0, 4).astype(F32) * rng.choice([-1, 1], 4)
    return b, {'x': rand(rng, 2, 3, 4, scale=5), 'y': y_values.astype(F32)}, outs


@case
def integer_ops_and_cast(rng):
    b = GraphBuilder()
    a = b.placeholder('a', [6, 5], I32)
    d = b.placeholder('d', [5], I32)
    f = b.placeholder('f', [6, 5])
    outs = [b.op('floordiv', 'FloorDiv', [a, d], T='DT_INT32'),
            b.op('mul', 'Mul', [a, d], T='DT_INT32'),
            b.op('sub', 'Sub', [a, d], T='DT_INT32'),
            b.op('add', 'AddV2', [a, d], T='DT_INT32'),
            b.op('to_float', 'Cast', [a], SrcT='DT_INT32', DstT='DT_FLOAT', Truncate=False),
            b.op('to_int', 'Cast', [f], SrcT='DT_FLOAT', DstT='DT_INT32', Truncate=False)]
    divisors = rng.integers(1, 8, 5) * rng.choice([-1, 1], 5)
    return b, {'a': rng.integers(-50, 51, (6, 5)).astype(I32), 'd': divisors.astype(I32),
               'f': rand(rng, 6, 5, scale=6)}, outs


@case
def argmax_gather_decode(rng):
    """The MoveNet decoding pattern: arg-max over a flattened map, row/column by FloorDiv, GatherNd."""
    b = GraphBuilder()
    heat = b.placeholder('heat', [1, 6, 7, 3])
    offsets = b.placeholder('offsets', [1, 6, 7, 6])
    t = dict(T='DT_INT32')
    flat = b.op('flat', 'Reshape', [heat, b.const('flat_shape', np.array([1, -1, 3], I32))], T='DT_FLOAT')
    arg = b.op('arg', 'ArgMax', [flat, b.const('dim', np.array(1, I32))], T='DT_FLOAT', output_type='DT_INT32',
               Tidx='DT_INT32')
    row = b.op('row', 'FloorDiv', [arg, b.const('width', np.array(7, I32))], **t)
    col = b.op('col', 'Sub', [arg, b.op('rw', 'Mul', [row, b.const('width2', np.array(7, I32))], **t)], **t)
    vec = b.const('vec', np.array([3], I32))
    r = b.op('r', 'Reshape', [row, vec], **t)
    cidx = b.op('cidx', 'Reshape', [col, vec], **t)
    idx = b.op('idx', 'Pack', [b.const('batch', np.zeros(3, I32)), r, cidx], T='DT_INT32', axis=1, N=3)
    picked = b.op('picked', 'GatherNd', [offsets, idx], Tparams='DT_FLOAT', Tindices='DT_INT32')
    chan = b.op('chan', 'ConcatV2', [idx, b.const('channels', np.arange(3, dtype=I32)[:, None]),
                                     b.const('axis', np.array(1, I32))], T='DT_INT32', N=2, Tidx='DT_INT32')
    score = b.op('score', 'GatherNd', [heat, chan], Tparams='DT_FLOAT', Tindices='DT_INT32')
    fixed = b.op('fixed', 'GatherNd', [offsets, b.const('fixed_idx', np.array([[0, 5, 6], [0, 0, 1]], I32))],
                 Tparams='DT_FLOAT', Tindices='DT_INT32')
    last = b.op('arg_last', 'ArgMax', [heat, b.const('dim_last', np.array(-1, I32))], T='DT_FLOAT',
                output_type='DT_INT32', Tidx='DT_INT32')
    return b, {'heat': rand(rng, 1, 6, 7, 3), 'offsets': rand(rng, 1, 6, 7, 6)}, [picked, score, fixed, last, idx]


@case
def shape_ops(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [2, 3, 4])
    t = dict(T='DT_FLOAT')
    b.op('u', 'Unpack', [x], axis=1, num=3, **t)
    packed = b.op('packed', 'Pack', ['u', 'u:1', 'u:2'], axis=-1, N=3, **t)
    single = b.op('single', 'Unpack', [b.op('one', 'ExpandDims', [x, b.const('zero', np.array(0, I32))], Tdim='DT_INT32', **t)],
                  axis=0, num=1, **t)
    e = b.op('e', 'ExpandDims', [x, b.const('minus1', np.array(-1, I32))], Tdim='DT_INT32', **t)
    s = b.op('s', 'Squeeze', [e], squeeze_dims=[3], **t)
    cat = b.op('cat', 'ConcatV2', [s, x, b.const('axis', np.array(-2, I32))], N=2, Tidx='DT_INT32', **t)
    ident = b.op('ident', 'Identity', [cat], **t)
    r = b.op('r', 'Reshape', [ident, b.const('shape', np.array([-1, 8], I32))], **t)
    p1 = b.op('p1', 'Pack', ['u:1'], axis=0, N=1, **t)
    return b, {'x': rand(rng, 2, 3, 4)}, [packed, single, r, p1, 'u:2']


@case
def quantized_weights(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 6, 6, 3])
    k = b.placeholder('k', [4], I32)
    fused = conv_attrs(fused=['BiasAdd'])
    f16 = b.op('f16', '_FusedConv2D', [x, b.const('w16', rand(rng, 3, 3, 3, 4), 'float16'),
                                       b.const('b16', rand(rng, 4), 'float16')], **fused)
    u8 = b.op('u8', '_FusedConv2D', [x, b.const('w8', rand(rng, 3, 3, 3, 4), 'uint8'),
                                     b.const('b8', rand(rng, 4), 'uint16')], **fused)
    ints = b.op('ints', 'AddV2', [k, b.const('int8', rng.integers(-300, 300, 4).astype(I32), 'uint8')], T='DT_INT32')
    return b, {'x': rand(rng, 1, 6, 6, 3), 'k': rng.integers(-5, 5, 4).astype(I32)}, [f16, u8, ints]


@case
def float16_every_value(rng):
    """Every finite float16 number (subnormals, -0 included) as a float16-quantized weight, times ones."""
    b = GraphBuilder()
    x = b.placeholder('x', [2, 32, 1024])
    bits = np.arange(65536, dtype=np.uint16).view(np.float16)
    values = bits[np.isfinite(bits)].astype(F32)
    values = np.concatenate([values, np.zeros(2 * 32 * 1024 - values.size, F32)]).reshape(2, 32, 1024)
    b.op('y', 'Mul', [x, b.const('w', values, 'float16')], T='DT_FLOAT')
    return b, {'x': np.ones((2, 32, 1024), F32)}, ['y']


@case
def pooling(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 9, 8, 3])
    outs = []
    for op in ('MaxPool', 'AvgPool'):
        for padding, k, st in (('VALID', 2, 2), ('SAME', 3, 2), ('SAME', 2, 1), ('VALID', 3, 1)):
            outs.append(b.op(f'{op}_{padding}_{k}{st}', op, [x], T='DT_FLOAT', data_format='NHWC', padding=padding,
                             ksize=[1, k, k, 1], strides=[1, st, st, 1]))
    # after a convolution (NCHW inside ONNX), as in the hand and face graphs
    c = b.op('c', '_FusedConv2D', [x, b.const('w', rand(rng, 3, 3, 3, 4)), b.const('b', rand(rng, 4))],
             **conv_attrs(fused=['BiasAdd', 'Relu6']))
    outs.append(b.op('conv_pool', 'MaxPool', [c], T='DT_FLOAT', data_format='NHWC', padding='VALID',
                     ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1]))
    return b, {'x': rand(rng, 1, 9, 8, 3, scale=2)}, outs


@case
def padding_ops(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 5, 6, 3])
    t = dict(T='DT_FLOAT', Tpaddings='DT_INT32')
    spatial = b.op('spatial', 'Pad', [x, b.const('p1', np.array([[0, 0], [1, 2], [0, 1], [0, 0]], I32))], **t)
    c = b.op('c', '_FusedConv2D', [x, b.const('w', rand(rng, 1, 1, 3, 4)), b.const('b', rand(rng, 4))],
             **conv_attrs(fused=['BiasAdd']))
    # the face mesh's channel padding: zero channels appended to a convolution's output
    channels = b.op('channels', 'Pad', [c, b.const('p2', np.array([[0, 0], [0, 0], [0, 0], [0, 4]], I32))], **t)
    filled = b.op('filled', 'PadV2', [c, b.const('p3', np.array([[0, 0], [2, 0], [1, 1], [1, 0]], I32)),
                                      b.const('fill', np.array(-1.5, F32))], **t)
    v = b.placeholder('v', [4, 5])
    flat = b.op('flat', 'Pad', [v, b.const('p4', np.array([[1, 0], [2, 3]], I32))], **t)
    return b, {'x': rand(rng, 1, 5, 6, 3), 'v': rand(rng, 4, 5)}, [spatial, channels, filled, flat]


@case
def prelu_ops(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 6, 6, 3])
    alpha = b.const('alpha', rng.uniform(-0.5, 0.5, (1, 1, 3)).astype(F32))
    plain = b.op('plain', 'Prelu', [x, alpha], T='DT_FLOAT')
    c = b.op('c', '_FusedConv2D', [x, b.const('w', rand(rng, 3, 3, 3, 4)), b.const('b', rand(rng, 4))],
             **conv_attrs(fused=['BiasAdd']))
    after_conv = b.op('after_conv', 'Prelu', [c, b.const('alpha4', rand(rng, 1, 1, 4))], T='DT_FLOAT')
    fused = b.op('fused', '_FusedConv2D', [x, b.const('wf', rand(rng, 3, 3, 3, 5)), b.const('bf', rand(rng, 5)),
                                           b.const('af', rand(rng, 1, 1, 5))],
                 **dict(conv_attrs(fused=['BiasAdd', 'Prelu']), num_args=2))
    dw = b.op('dw', 'FusedDepthwiseConv2dNative', [x, b.const('wd', rand(rng, 3, 3, 3, 2)), b.const('bd', rand(rng, 6)),
                                                   b.const('ad', rand(rng, 6))],
              **dict(conv_attrs('SAME', 2, fused=['BiasAdd', 'Prelu']), num_args=2))
    v = b.placeholder('v', [3, 4])
    flat = b.op('flat', 'Prelu', [v, b.const('alpha_v', rand(rng, 4))], T='DT_FLOAT')
    return b, {'x': rand(rng, 1, 6, 6, 3), 'v': rand(rng, 3, 4)}, [plain, after_conv, fused, dw, flat]


@case
def add_n(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [1, 5, 5, 4])
    fused = conv_attrs(fused=['BiasAdd'])
    c1 = b.op('c1', '_FusedConv2D', [x, b.const('w1', rand(rng, 1, 1, 4, 4)), b.const('b1', rand(rng, 4))], **fused)
    c2 = b.op('c2', '_FusedConv2D', [x, b.const('w2', rand(rng, 3, 3, 4, 4)), b.const('b2', rand(rng, 4))], **fused)
    three = b.op('three', 'AddN', [c1, c2, x], T='DT_FLOAT', N=3)
    plain = b.op('plain', 'AddN', [x, x], T='DT_FLOAT', N=2)
    one = b.op('one', 'AddN', [x], T='DT_FLOAT', N=1)
    return b, {'x': rand(rng, 1, 5, 5, 4)}, [three, plain, one]


@case
def reductions(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [2, 4, 5, 3])
    c = b.op('c', '_FusedConv2D', [x, b.const('w', rand(rng, 1, 1, 3, 6)), b.const('b', rand(rng, 6))],
             **conv_attrs(fused=['BiasAdd']))
    outs = []
    for op in ('Mean', 'Sum', 'Max', 'Min', 'Prod'):
        for source, label in ((x, 'x'), (c, 'conv')):
            for axes, keep in (([1, 2], False), ([1, 2], True), ([-1], False), ([2], False), ([0, 3], True)):
                name = f"{op}_{label}_{'_'.join(str(a) for a in axes)}_{int(keep)}"
                dims = b.const(f'{name}/dims', np.array(axes, I32))
                outs.append(b.op(name, op, [source, dims], T='DT_FLOAT', Tidx='DT_INT32', keep_dims=keep))
    scalar = b.op('mean_scalar_axis', 'Mean', [x, b.const('axis1', np.array(1, I32))], T='DT_FLOAT',
                  Tidx='DT_INT32', keep_dims=False)
    return b, {'x': rand(rng, 2, 4, 5, 3, scale=0.8) + 1.0}, outs + [scalar]


@case
def mat_mul(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [2, 6])
    xt = b.placeholder('xt', [6, 2])
    plain = b.op('plain', 'MatMul', [x, b.const('w', rand(rng, 6, 4))], T='DT_FLOAT', transpose_a=False,
                 transpose_b=False)
    both = b.op('both', 'MatMul', [xt, b.const('wt', rand(rng, 4, 6))], T='DT_FLOAT', transpose_a=True,
                transpose_b=True)
    outs = [plain, both]
    for act in (None, 'Relu', 'Relu6', 'Sigmoid', 'LeakyRelu', 'Prelu'):
        fused = ['BiasAdd'] + ([act] if act else [])
        extra = [b.const(f'alpha_{act}', rand(rng, 5))] if act == 'Prelu' else []
        attrs = dict(T='DT_FLOAT', transpose_a=False, transpose_b=False, fused_ops=fused, num_args=1 + len(extra),
                     epsilon=0.0)
        if act == 'LeakyRelu':
            attrs['leakyrelu_alpha'] = 0.15
        outs.append(b.op(f'fused_{act}', '_FusedMatMul',
                         [x, b.const(f'w_{act}', rand(rng, 6, 5)), b.const(f'b_{act}', rand(rng, 5))] + extra, **attrs))
    # the hand landmark head: global average pooling of a convolution, then a dense layer
    img = b.placeholder('img', [1, 4, 4, 3])
    c = b.op('c', '_FusedConv2D', [img, b.const('wc', rand(rng, 3, 3, 3, 8)), b.const('bc', rand(rng, 8))],
             **conv_attrs(fused=['BiasAdd', 'Relu6']))
    gap = b.op('gap', 'Mean', [c, b.const('hw', np.array([1, 2], I32))], T='DT_FLOAT', Tidx='DT_INT32', keep_dims=False)
    head = b.op('head', '_FusedMatMul', [gap, b.const('wh', rand(rng, 8, 7)), b.const('bh', rand(rng, 7))],
                T='DT_FLOAT', transpose_a=False, transpose_b=False, fused_ops=['BiasAdd'], num_args=1, epsilon=0.0)
    return b, {'x': rand(rng, 2, 6), 'xt': rand(rng, 6, 2), 'img': rand(rng, 1, 4, 4, 3)}, outs + [head]


@case
def strided_slices(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [2, 5, 6, 4])
    outs = []
    # (begin, end, strides, begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask)
    specs = {
        'plain': ([0, 1, 0, 0], [2, 4, 6, 4], [1, 1, 2, 1], 0, 0, 0, 0, 0),
        'masks_negative': ([0, -4, 0, 1], [0, -1, 0, 3], [1, 1, 1, 1], 0b0101, 0b0101, 0, 0, 0),
        'reverse': ([0, -1, 5, 0], [0, 0, 0, 0], [1, -1, -2, 1], 0b1001, 0b1011, 0, 0, 0),
        'shrink': ([1, 0, 2, 0], [2, 0, 3, 0], [1, 1, 1, 1], 0b1010, 0b1010, 0, 0, 0b0101),
        'shrink_last': ([0, 0, 0, -1], [0, 0, 0, 0], [1, 1, 1, 1], 0b0111, 0b0111, 0, 0, 0b1000),
        'new_axes': ([0, 0, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1], 0b1011, 0b1011, 0, 0b0100, 0),
        'ellipsis': ([0, 1], [0, 3], [1, 1], 0, 0, 0b01, 0, 0),
        'ellipsis_new_shrink': ([0, 0, 2], [0, 0, 3], [1, 1, 1], 0, 0, 0b001, 0b010, 0b100),
        'clamped': ([-10, 1, 0, 0], [10, 100, 6, 4], [1, 2, 3, 1], 0, 0, 0, 0, 0),
    }
    for name, (begin, end, strides, bm, em, el, na, sh) in specs.items():
        n = len(begin)
        outs.append(b.op(name, 'StridedSlice', [x, b.const(f'{name}/b', np.array(begin, I32)),
                                                 b.const(f'{name}/e', np.array(end, I32)),
                                                 b.const(f'{name}/s', np.array(strides, I32))],
                         T='DT_FLOAT', Index='DT_INT32', begin_mask=bm, end_mask=em, ellipsis_mask=el,
                         new_axis_mask=na, shrink_axis_mask=sh))
        assert n <= 4
    # on a convolution's output (NCHW inside ONNX), as in the MultiPose decoder
    c = b.op('c', '_FusedConv2D', [x, b.const('w', rand(rng, 1, 1, 4, 3)), b.const('bias', rand(rng, 3))],
             **conv_attrs(fused=['BiasAdd']))
    outs.append(b.op('conv_slice', 'StridedSlice', [c, b.const('cb', np.array([0, 0, 0, 1], I32)),
                                                    b.const('ce', np.array([0, 0, 0, 2], I32)),
                                                    b.const('cs', np.array([1, 1, 1, 1], I32))],
                     T='DT_FLOAT', Index='DT_INT32', begin_mask=7, end_mask=7, ellipsis_mask=0, new_axis_mask=0,
                     shrink_axis_mask=8))
    return b, {'x': rand(rng, 2, 5, 6, 4)}, outs


@case
def top_k_select_split_tile(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [3, 10])
    y = b.placeholder('y', [3, 10])
    b.op('topk', 'TopKV2', [x, b.const('k', np.array(4, I32))], T='DT_FLOAT', sorted=True)
    ties = b.placeholder('ties', [2, 8])
    b.op('topk_ties', 'TopKV2', [ties, b.const('k3', np.array(3, I32))], T='DT_FLOAT', sorted=True)
    cond = b.op('cond', 'Greater', [x, y], T='DT_FLOAT')
    sel = b.op('sel', 'Select', [cond, x, y], T='DT_FLOAT')
    sel2 = b.op('sel2', 'SelectV2', [b.op('row_cond', 'Less', [b.const('edge', rand(rng, 10)), y], T='DT_FLOAT'),
                                     x, b.const('zero', np.zeros((), F32))], T='DT_FLOAT')
    b.op('parts', 'Split', [b.const('axis', np.array(1, I32)), x], T='DT_FLOAT', num_split=5)
    tiled = b.op('tiled', 'Tile', [x, b.const('mult', np.array([2, 3], I32))], T='DT_FLOAT', Tmultiples='DT_INT32')
    ties_values = np.array([[1, 3, 3, 2, 3, 0, 1, 3], [5, 5, 5, 5, 5, 5, 5, 5]], F32)
    return b, {'x': rand(rng, 3, 10), 'y': rand(rng, 3, 10), 'ties': ties_values}, \
        ['topk', 'topk:1', 'topk_ties', 'topk_ties:1', sel, sel2, 'parts', 'parts:4', tiled]


@case
def comparisons_and_logic(rng):
    b = GraphBuilder()
    x = b.placeholder('x', [4, 6])
    y = b.placeholder('y', [6])
    t = dict(T='DT_FLOAT')
    ops = ('Less', 'LessEqual', 'Greater', 'GreaterEqual', 'Equal', 'NotEqual')
    outs = [b.op(op.lower(), op, [x, y], **t) for op in ops]
    both = b.op('and', 'LogicalAnd', ['less', 'notequal'])
    either = b.op('or', 'LogicalOr', ['greater', 'equal'])
    outs += [both, either, b.op('not', 'LogicalNot', [both])]
    outs += [b.op('min', 'Minimum', [x, y], **t), b.op('max', 'Maximum', [x, b.const('floor', np.array(0.1, F32))], **t)]
    outs += [b.op(op.lower(), op, [x], **t) for op in ('Abs', 'Exp', 'Reciprocal', 'Neg')]
    k = b.placeholder('k', [4, 6], I32)
    outs += [b.op('imin', 'Minimum', [k, b.const('three', np.array(3, I32))], T='DT_INT32'),
             b.op('imax', 'Maximum', [k, b.const('mthree', np.array(-3, I32))], T='DT_INT32'),
             b.op('ieq', 'Equal', [k, b.const('one', np.array(1, I32))], T='DT_INT32')]
    xs = rand(rng, 4, 6)
    ys = xs[1].copy()
    ys[::2] = rand(rng, 3)  # some equal, some not
    return b, {'x': xs, 'y': ys, 'k': rng.integers(-6, 7, (4, 6)).astype(I32)}, outs


@case
def shape_folding(rng):
    """The MultiPose pattern: sizes from Shape of static tensors, sliced, multiplied, into ResizeBilinear;
    Range / Size / Fill / Tile / Cast / Pack on folded constants. Everything here folds but the resize."""
    b = GraphBuilder()
    x = b.placeholder('x', [1, 4, 6, 2])
    t = dict(T='DT_INT32')
    shp = b.op('shp', 'Shape', [x], T='DT_FLOAT', out_type='DT_INT32')
    hw = b.op('hw', 'StridedSlice', [shp, b.const('b', np.array([1], I32)), b.const('e', np.array([3], I32)),
                                     b.const('s', np.array([1], I32))], Index='DT_INT32', begin_mask=0, end_mask=0,
              ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0, **t)
    size = b.op('size2', 'Mul', [hw, b.const('two', np.array([2, 2], I32))], **t)
    up = b.op('up', 'ResizeBilinear', [x, size], T='DT_FLOAT', align_corners=False, half_pixel_centers=True)
    width = b.op('width', 'StridedSlice', [shp, b.const('b2', np.array([2], I32)), b.const('e2', np.array([3], I32)),
                                           b.const('s2', np.array([1], I32))], Index='DT_INT32', begin_mask=0,
                 end_mask=0, ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=1, **t)
    limit = b.op('limit', 'Cast', [width], SrcT='DT_INT32', DstT='DT_FLOAT', Truncate=False)
    grid = b.op('grid', 'Range', [b.const('start', np.array(0.5, F32)), limit, b.const('delta', np.array(1.0, F32))],
                Tidx='DT_FLOAT')
    count = b.op('count', 'Size', [grid], T='DT_FLOAT', out_type='DT_INT32')
    ones = b.op('ones', 'Fill', [b.op('dims', 'Pack', [count, width], N=2, axis=0, **t),
                                 b.const('one', np.array(1.0, F32))], T='DT_FLOAT', index_type='DT_INT32')
    tiled = b.op('tiled', 'Tile', [grid, b.const('m', np.array([2], I32))], T='DT_FLOAT', Tmultiples='DT_INT32')
    scaled = b.op('scaled', 'Mul', [ones, b.op('grid2', 'Reshape', [grid, b.const('rs', np.array([1, -1], I32))],
                                                 T='DT_FLOAT', Tshape='DT_INT32')], T='DT_FLOAT')
    return b, {'x': rand(rng, 1, 4, 6, 2)}, [up, scaled, tiled]


@case
def shape_ops_at_run_time(rng):
    """Shape, Size, Range and Fill of a tensor whose size is known only at run time."""
    b = GraphBuilder()
    x = b.placeholder('x', [-1, 3])
    t = dict(T='DT_INT32')
    shp = b.op('shp', 'Shape', [x], T='DT_FLOAT', out_type='DT_INT32')
    size = b.op('size', 'Size', [x], T='DT_FLOAT', out_type='DT_INT32')
    rows = b.op('rows', 'StridedSlice', [shp, b.const('b', np.array([0], I32)), b.const('e', np.array([1], I32)),
                                         b.const('s', np.array([1], I32))], Index='DT_INT32', begin_mask=0, end_mask=0,
                ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=1, **t)
    rng_out = b.op('range', 'Range', [b.const('start', np.array(2, I32)), size, b.const('delta', np.array(3, I32))],
                   Tidx='DT_INT32')
    filled = b.op('filled', 'Fill', [b.op('dims', 'Pack', [rows, b.const('two', np.array(2, I32))], N=2, axis=0, **t),
                                     b.const('seven', np.array(7.0, F32))], T='DT_FLOAT', index_type='DT_INT32')
    return b, {'x': rand(rng, 5, 3)}, [shp, size, rng_out, filled]


def unsupported_op_model(folder):
    """A graph with an op the converter does not know (for the error-message check)."""
    b = GraphBuilder()
    x = b.placeholder('x', [2, 3])
    b.op('my/softmax', 'Softmax', [x], T='DT_FLOAT')
    return b.save(folder)
