"""The conversion state: TF tensors as values that may exist in two layouts, and the ONNX graph being built.

TF graphs are NHWC; ONNX convolutions are NCHW. A value keeps the shape TF gives it (always NHWC
semantics) and may hold an ONNX tensor in either layout. Convolutions produce NCHW tensors, and
element-wise ops, resizes and concatenations that see only NCHW inputs stay in NCHW, so a
Transpose is inserted only where an op really needs the TF layout (a Reshape, a GatherNd...).
"""

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .model import TF_DTYPES, ConversionError

NHWC = 'NHWC'
NCHW = 'NCHW'
TO_NCHW = (0, 3, 1, 2)
TO_NHWC = (0, 2, 3, 1)

ONNX_TYPES = {
    np.dtype(np.float32): TensorProto.FLOAT,
    np.dtype(np.int32): TensorProto.INT32,
    np.dtype(np.int64): TensorProto.INT64,
    np.dtype(np.bool_): TensorProto.BOOL,
}


def onnx_type(dtype):
    return ONNX_TYPES[np.dtype(dtype)]


def tf_dtype(node, key):
    name = node.attr(key)
    if name not in TF_DTYPES:
        node.fail(f'dtype {name} (attribute {key}) is not supported')
    return np.dtype(TF_DTYPES[name])


class Value:
    """One TF tensor: dtype, TF shape (None for an unknown size), constant data if known, ONNX names."""

    def __init__(self, dtype, shape, const=None, label='const'):
        self.dtype = np.dtype(dtype)
        self.shape = tuple(shape)
        self.const = const
        self.label = label  # base for the names of tensors made from it
        self.names = {}
        self.home = NHWC

    @property
    def rank(self):
        return len(self.shape)

    @property
    def nchw_native(self):
        return self.const is None and self.home == NCHW


# a constant this small stays float32 even when it could be float16: its Cast would cost more than it saves
FLOAT16_MIN_SIZE = 16


def exact_float16(array):
    """True if a float32 array holds only float16 numbers, so float16 storage + Cast gives it back bit for bit."""
    if array.dtype != np.float32 or array.size < FLOAT16_MIN_SIZE:
        return False
    with np.errstate(over='ignore'):
        back = array.astype(np.float16).astype(np.float32)
    return np.array_equal(back.view(np.uint32), array.view(np.uint32))


class Graph:
    def __init__(self, opset, float16=False):
        self.opset = opset
        self.float16 = float16  # store exact-float16 constants as float16 initializers + Cast
        self.renames = {}
        self.input_shapes = {}  # TF input name -> shape fixing the sizes the model leaves open
        self.nodes = []
        self.initializers = []
        self.inputs = []
        self.outputs = []
        self._taken = set()

    def reserve(self, name):
        if name in self._taken:
            raise ConversionError(f"name '{name}' is used twice")
        self._taken.add(name)

    def unique(self, base):
        name, k = base, 1
        while name in self._taken:
            name = f'{base}__{k}'
            k += 1
        self._taken.add(name)
        return name

    def add(self, op_type, inputs, base, outputs=1, **attrs):
        """Adds a node; returns its output names (one name, or a list when outputs > 1)."""
        names = [self.unique(base if i == 0 else f'{base}:{i}') for i in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, names, name=self.unique(f'{base}/{op_type}'), **attrs))
        return names[0] if outputs == 1 else names

    def constant(self, array, base):
        array = np.asarray(array)
        if not array.flags.c_contiguous:
            array = np.ascontiguousarray(array)  # (never on a 0-d array: ascontiguousarray makes it 1-d)
        name = self.unique(base)
        if self.float16 and exact_float16(array):
            stored = self.unique(f'{base}__f16')
            self.initializers.append(numpy_helper.from_array(array.astype(np.float16), stored))
            self.nodes.append(helper.make_node('Cast', [stored], [name], name=self.unique(f'{base}/Cast'),
                                               to=TensorProto.FLOAT))
        else:
            self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def ints(self, values, base):
        return self.constant(np.asarray(values, dtype=np.int64), base)

    def tensor(self, value, layout=NHWC):
        """The ONNX name of a value in a layout, made on first use (an initializer, or a Transpose)."""
        if layout in value.names:
            return value.names[layout]
        if value.rank != 4 and layout == NCHW:
            raise ConversionError(f'internal: NCHW asked for a rank-{value.rank} value')
        if value.const is not None:
            data = value.const if layout == NHWC else np.transpose(value.const, TO_NCHW)
            name = self.constant(data, value.label if layout == NHWC else f'{value.label}__nchw')
        else:
            source = NCHW if layout == NHWC else NHWC
            perm = TO_NHWC if layout == NHWC else TO_NCHW
            name = self.add('Transpose', [value.names[source]], f'{value.names[source]}__{layout.lower()}', perm=perm)
        value.names[layout] = name
        return name

    def broadcast_operand(self, value, layout):
        """A value as an operand of a broadcasting element-wise op computed in a layout."""
        if layout == NHWC or value.rank == 4 or value.rank == 0:
            return self.tensor(value, NHWC if value.rank == 0 else layout)
        if value.const is None:
            raise ConversionError('internal: lower-rank tensor in an NCHW element-wise op')
        # NHWC broadcasting aligns trailing axes: pad to rank 4 with leading ones, then permute
        data = value.const.reshape((1,) * (4 - value.rank) + value.const.shape)
        return self.constant(np.transpose(data, TO_NCHW), f'{value.label}__nchw')

    def emit(self, op_type, inputs, base, dtype, shape, layout=NHWC, **attrs):
        """Adds a one-output node and returns its result as a new Value held in `layout`."""
        value = Value(dtype, shape, label=base)
        value.home = layout
        value.names[layout] = self.add(op_type, inputs, base, **attrs)
        return value

    def model(self, producer):
        graph = helper.make_graph(self.nodes, 'tfjs2onnx', self.inputs, self.outputs, self.initializers)
        model = helper.make_model(graph, producer_name=producer,
                                  opset_imports=[helper.make_opsetid('', self.opset)])
        model.ir_version = 8  # ONNX 1.10+ readers; opset 17 needs IR 8
        return model


def value_info(name, dtype, shape):
    dims = [d if d is not None else ('N' if i == 0 else f'dim{i}') for i, d in enumerate(shape)]
    return helper.make_tensor_value_info(name, onnx_type(dtype), dims)


def check(model):
    onnx.checker.check_model(model)
    return onnx.shape_inference.infer_shapes(model, strict_mode=True)
