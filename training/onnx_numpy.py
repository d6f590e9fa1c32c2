"""A small numpy evaluator for the ONNX graphs of the pack (no torch, no onnxruntime).

Covers exactly the operators our exporter emits (opset 17); anything else raises
NotImplementedError naming the operator, so a new graph never runs silently wrong.
"""
import numpy as np
import onnx
from onnx import numpy_helper


def _attrs(node):
    out = {}
    for a in node.attribute:
        v = onnx.helper.get_attribute_value(a)
        if isinstance(v, bytes):
            v = v.decode()
        elif isinstance(v, onnx.TensorProto):
            v = numpy_helper.to_array(v)
        out[a.name] = v
    return out


def _conv(x, w, b, strides, pads, group):
    n, c, h, wd = x.shape
    co, ci, kh, kw = w.shape
    sh, sw = strides
    x = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    oh = (x.shape[2] - kh) // sh + 1
    ow = (x.shape[3] - kw) // sw + 1
    if group != 1:
        raise NotImplementedError('grouped Conv')
    if kh == 1 and kw == 1:
        cols = x[:, :, ::sh, ::sw][:, :, :oh, :ow]
        y = np.einsum('nchw,oc->nohw', cols, w[:, :, 0, 0], optimize=True)
    elif kh == sh and kw == sw and x.shape[2] == oh * kh and x.shape[3] == ow * kw:
        # non-overlapping patches (patchify convolution)
        p = x.reshape(n, c, oh, kh, ow, kw).transpose(0, 2, 4, 1, 3, 5).reshape(n * oh * ow, c * kh * kw)
        y = (p @ w.reshape(co, -1).T).reshape(n, oh, ow, co).transpose(0, 3, 1, 2)
    else:
        win = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw][:, :, :oh, :ow]
        p = win.transpose(0, 2, 3, 1, 4, 5).reshape(n * oh * ow, c * kh * kw)
        y = (p @ w.reshape(co, -1).T).reshape(n, oh, ow, co).transpose(0, 3, 1, 2)
    if b is not None:
        y = y + b[None, :, None, None]
    return np.ascontiguousarray(y, dtype=np.float32)


def _softmax(x, axis):
    m = np.max(x, axis=axis, keepdims=True)
    e = np.exp(x - m)
    return e / np.sum(e, axis=axis, keepdims=True)


def _resize(x, scales, sizes, a):
    mode = a.get('mode', 'nearest')
    if sizes is not None and len(sizes):
        out_hw = [int(s) for s in sizes[2:]]
    else:
        out_hw = [int(np.floor(x.shape[i + 2] * scales[i + 2])) for i in range(2)]
    if mode == 'nearest':
        ct = a.get('coordinate_transformation_mode', 'half_pixel')
        idx = []
        for i, o in enumerate(out_hw):
            s = x.shape[i + 2] / o
            if ct == 'asymmetric':
                src = np.arange(o) * s
            else:
                src = (np.arange(o) + 0.5) * s - 0.5
            nm = a.get('nearest_mode', 'round_prefer_floor')
            if nm == 'floor':
                src = np.floor(src)
            elif nm == 'ceil':
                src = np.ceil(src)
            elif nm == 'round_prefer_ceil':
                src = np.floor(src + 0.5)
            else:
                src = np.ceil(src - 0.5)
            idx.append(np.clip(src.astype(np.int64), 0, x.shape[i + 2] - 1))
        return x[:, :, idx[0]][:, :, :, idx[1]]
    raise NotImplementedError(f'Resize mode {mode}')


class Graph:
    def __init__(self, path):
        self.model = onnx.load(path)
        g = self.model.graph
        self.init = {t.name: numpy_helper.to_array(t) for t in g.initializer}
        self.inputs = [i.name for i in g.input if i.name not in self.init]
        self.outputs = [o.name for o in g.output]

    def run(self, feeds):
        env = dict(self.init)
        env.update({k: np.asarray(v) for k, v in feeds.items()})
        for node in self.model.graph.node:
            ins = [env[n] if n else None for n in node.input]
            outs = self._op(node, ins, _attrs(node))
            for name, val in zip(node.output, outs):
                env[name] = val
        return {n: env[n] for n in self.outputs}

    def _op(self, node, x, a):
        op = node.op_type
        if op == 'Identity':
            return [x[0]]
        if op == 'Constant':
            return [np.asarray(a['value'])]
        if op == 'Conv':
            k = x[1].shape[2:]
            return [_conv(x[0], x[1], x[2] if len(x) > 2 else None, a.get('strides', [1, 1]),
                          a.get('pads', [0, 0, 0, 0]), a.get('group', 1))]
        if op == 'Sigmoid':
            return [(1.0 / (1.0 + np.exp(-x[0]))).astype(np.float32)]
        if op in ('Add', 'Mul', 'Div', 'Sub'):
            f = {'Add': np.add, 'Mul': np.multiply, 'Div': np.divide, 'Sub': np.subtract}[op]
            r = f(x[0], x[1])
            if np.issubdtype(np.asarray(x[0]).dtype, np.integer) and op == 'Div':
                r = (np.asarray(x[0]) // np.asarray(x[1]))
            return [np.asarray(r).astype(np.result_type(x[0], x[1]))]
        if op == 'Pow':
            return [np.power(x[0], x[1]).astype(x[0].dtype)]
        if op == 'Sqrt':
            return [np.sqrt(x[0])]
        if op in ('Cos', 'Sin', 'Log', 'Exp', 'Neg', 'Erf'):
            if op == 'Erf':
                raise NotImplementedError('Erf')
            return [{'Cos': np.cos, 'Sin': np.sin, 'Log': np.log, 'Exp': np.exp, 'Neg': np.negative}[op](x[0])]
        if op == 'MatMul':
            return [np.matmul(x[0], x[1]).astype(np.float32)]
        if op == 'Gemm':
            A, B = x[0], x[1]
            if a.get('transA', 0):
                A = A.T
            if a.get('transB', 0):
                B = B.T
            y = a.get('alpha', 1.0) * (A @ B)
            if len(x) > 2 and x[2] is not None:
                y = y + a.get('beta', 1.0) * x[2]
            return [y.astype(np.float32)]
        if op == 'Shape':
            return [np.array(x[0].shape, dtype=np.int64)]
        if op == 'Gather':
            return [np.take(x[0], x[1], axis=a.get('axis', 0))]
        if op == 'Unsqueeze':
            r = x[0]
            for ax in sorted(int(v) for v in x[1]):
                r = np.expand_dims(r, ax if ax >= 0 else ax + r.ndim + 1)
            return [r]
        if op == 'Squeeze':
            return [np.squeeze(x[0], axis=tuple(int(v) for v in x[1]))]
        if op == 'Concat':
            return [np.concatenate([np.asarray(v) for v in x], axis=a['axis'])]
        if op == 'Reshape':
            shape = [int(v) for v in x[1]]
            shape = [x[0].shape[i] if s == 0 else s for i, s in enumerate(shape)]
            return [x[0].reshape(shape)]
        if op == 'Transpose':
            return [np.transpose(x[0], a.get('perm'))]
        if op == 'Cast':
            to = a['to']
            dt = {1: np.float32, 7: np.int64, 6: np.int32, 11: np.float64, 9: np.bool_}[to]
            return [np.asarray(x[0]).astype(dt)]
        if op == 'Slice':
            data = x[0]
            starts, ends = x[1], x[2]
            axes = x[3] if len(x) > 3 and x[3] is not None else range(len(starts))
            steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(starts)
            sl = [slice(None)] * data.ndim
            for s, e, ax, st in zip(starts, ends, axes, steps):
                sl[int(ax)] = slice(int(s), int(min(e, 2 ** 62)) if e > 0 else int(e), int(st))
            return [data[tuple(sl)]]
        if op == 'Softmax':
            return [_softmax(x[0], a.get('axis', -1)).astype(np.float32)]
        if op == 'LayerNormalization':
            ax = a.get('axis', -1)
            eps = a.get('epsilon', 1e-5)
            axes = tuple(range(ax if ax >= 0 else x[0].ndim + ax, x[0].ndim))
            m = x[0].mean(axis=axes, keepdims=True)
            v = ((x[0] - m) ** 2).mean(axis=axes, keepdims=True)
            y = (x[0] - m) / np.sqrt(v + eps) * x[1]
            if len(x) > 2 and x[2] is not None:
                y = y + x[2]
            return [y.astype(np.float32)]
        if op == 'InstanceNormalization':
            eps = a.get('epsilon', 1e-5)
            axes = tuple(range(2, x[0].ndim))
            m = x[0].mean(axis=axes, keepdims=True)
            v = ((x[0] - m) ** 2).mean(axis=axes, keepdims=True)
            sh = (1, -1) + (1,) * (x[0].ndim - 2)
            y = (x[0] - m) / np.sqrt(v + eps) * x[1].reshape(sh) + x[2].reshape(sh)
            return [y.astype(np.float32)]
        if op == 'ConstantOfShape':
            val = a.get('value', np.zeros(1, np.float32))
            return [np.full([int(v) for v in x[0]], val.reshape(-1)[0], dtype=val.dtype)]
        if op == 'Resize':
            scales = x[2] if len(x) > 2 else None
            sizes = x[3] if len(x) > 3 else None
            return [_resize(x[0], scales, sizes, a)]
        if op == 'Expand':
            return [x[0] * np.ones([int(v) for v in x[1]], dtype=x[0].dtype)]
        if op == 'Where':
            return [np.where(x[0], x[1], x[2])]
        if op == 'Equal':
            return [np.equal(x[0], x[1])]
        raise NotImplementedError(f'ONNX operator {op} (node {node.name})')
