"""The driver: order the TF nodes, run each op's handler, name the graph outputs, check the result."""

from onnx import helper

from .graph import NHWC, Graph, Value, check, value_info
from .model import ConversionError, TfjsModel
from . import ops_decode, ops_nn  # noqa: F401  (they register their handlers)
from .fold import fold
from .ops import HANDLERS

SOURCE_OPS = ('Const', 'Placeholder')


def supported_ops():
    return sorted(set(HANDLERS) | {'Const'})


def tensor_ref(ref):
    """'node', 'node:0' -> ('node', 0); 'node:2' -> ('node', 2)."""
    name, _, index = ref.partition(':')
    return name, int(index) if index else 0


def onnx_output_name(ref):
    """'node' and 'node:0' -> 'node'; 'node:2' stays 'node:2'."""
    name, index = tensor_ref(ref)
    return name if index == 0 else f'{name}:{index}'


def graph_outputs(model):
    if model.signature.get('outputs'):
        return [spec.get('name', key) for key, spec in model.signature['outputs'].items()]
    consumed = {tensor_ref(i)[0] for n in model.nodes for i in n.inputs}
    return [n.name for n in model.nodes if n.name not in consumed and n.op not in SOURCE_OPS]


def ordered(model, outputs):
    """The nodes the outputs depend on, each after its inputs (iterative depth-first search)."""
    done, order = set(), []
    for out in outputs:
        stack = [(tensor_ref(out)[0], False)]
        while stack:
            name, expanded = stack.pop()
            if name in done:
                continue
            if name not in model.by_name:
                raise ConversionError(f"tensor '{name}' is used but no node produces it")
            if expanded:
                done.add(name)
                order.append(model.by_name[name])
                continue
            stack.append((name, True))
            stack.extend((tensor_ref(i)[0], False) for i in model.by_name[name].inputs
                         if tensor_ref(i)[0] not in done)
    return order


def check_supported(nodes):
    unknown = [n for n in nodes if n.op != 'Const' and n.op not in HANDLERS]
    if unknown:
        listed = '; '.join(f"node '{n.name}' (op {n.op})" for n in unknown[:10])
        more = f' and {len(unknown) - 10} more' if len(unknown) > 10 else ''
        raise ConversionError(f'unsupported op: {listed}{more}. Supported ops: {", ".join(supported_ops())}')


def const_value(model, node):
    if node.name not in model.weights:
        node.fail('no data for this constant in the weights manifest')
    data = model.weights[node.name]
    return Value(data.dtype, data.shape, const=data, label=node.name)


def convert(model_path, renames=None, outputs=None, opset=17, float16=False, input_shapes=None):
    """Converts the graph model at model_path.

    renames maps TF input/output names to ONNX ones; outputs ('node' or 'node:K') overrides the
    signature's outputs (default: the signature's, else every node whose result nobody uses).
    float16: float32 constants whose values are all float16 numbers (in practice: weights the TF.js
    converter quantized to float16, however reshaped or transposed) are stored as float16
    initializers, each followed by a Cast to float32. The graph computes with the same float32
    numbers and takes about half the space.
    input_shapes maps TF input names to full shapes for inputs whose sizes the model leaves open (-1):
    with every size known, shape computations fold into constants (fold.py).
    """
    model = TfjsModel(model_path)
    renames = dict(renames or {})
    outputs = list(outputs) if outputs else graph_outputs(model)
    nodes = ordered(model, outputs)
    check_supported(nodes)

    g = Graph(opset, float16=float16)
    g.renames = renames
    g.input_shapes = {k: tuple(v) for k, v in (input_shapes or {}).items()}
    unknown = set(g.input_shapes) - {n.name for n in nodes if n.op == 'Placeholder'}
    if unknown:
        raise ConversionError(f'input_shapes names no input of the graph: {sorted(unknown)}')
    for node in nodes:
        if node.op == 'Placeholder':
            g.reserve(renames.get(node.name, node.name))
    out_names = [renames.get(onnx_output_name(o), onnx_output_name(o)) for o in outputs]
    for name in out_names:
        g.reserve(name)

    values = {}
    for node in nodes:
        if node.op == 'Const':
            results = [const_value(model, node)]
        else:
            args = []
            for ref in node.inputs:
                name, index = tensor_ref(ref)
                if (name, index) not in values:
                    node.fail(f"input '{ref}' does not exist")
                args.append(values[(name, index)])
            results = fold(node, args) or HANDLERS[node.op](g, node, args)
        for index, value in enumerate(results):
            values[(node.name, index)] = value

    for ref, name in zip(outputs, out_names):
        value = values[tensor_ref(ref)]
        source = g.tensor(value, NHWC)
        if source != name:
            g.nodes.append(helper.make_node('Identity', [source], [name], name=g.unique(f'{name}/Identity')))
        g.outputs.append(value_info(name, value.dtype, value.shape))

    onnx_model = g.model('tfjs2onnx')
    helper.set_model_props(onnx_model, {f'tfjs.{k}': v for k, v in model.meta.items()})
    inferred = check(onnx_model)
    compare_output_shapes(inferred, g.outputs)
    return onnx_model


def compare_output_shapes(inferred, declared):
    """ONNX shape inference must agree with the shapes tracked during the conversion."""
    found = {o.name: o for o in inferred.graph.output}
    for out in declared:
        mine = [d.dim_value if d.HasField('dim_value') else None for d in out.type.tensor_type.shape.dim]
        theirs = [d.dim_value if d.HasField('dim_value') else None
                  for d in found[out.name].type.tensor_type.shape.dim]
        if any(a is not None and b is not None and a != b for a, b in zip(mine, theirs)) or len(mine) != len(theirs):
            raise ConversionError(f"output '{out.name}': tracked shape {mine}, ONNX infers {theirs}")
