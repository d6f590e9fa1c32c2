#!/usr/bin/python3
"""Command line: convert a TF.js graph model (model.json + .bin shards beside it) to an ONNX file."""

import argparse
import collections
import os
import sys

import onnx

from tfjs2onnx import ConversionError, convert


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('model_json', help='the graph model: model.json, weight shards in the same folder')
    parser.add_argument('output', help='the ONNX file to write')
    parser.add_argument('--rename', action='append', default=[], metavar='TF=ONNX',
                        help='name an input or output differently in ONNX (repeatable)')
    parser.add_argument('--outputs', help="comma-separated TF outputs ('node' or 'node:K'); default: the signature's")
    parser.add_argument('--opset', type=int, default=17)
    parser.add_argument('--input-shape', action='append', default=[], metavar='NAME=D,D,...',
                        help='fix the sizes an input leaves open, e.g. input=1,256,256,3 (repeatable)')
    parser.add_argument('--float16-weights', action='store_true',
                        help='store weights that are float16 numbers as float16 + Cast to float32 (same values, half the size)')
    args = parser.parse_args()

    renames = {}
    for item in args.rename:
        old, sep, new = item.partition('=')
        if not sep or not old or not new:
            parser.error(f'--rename wants TF=ONNX, not {item!r}')
        renames[old] = new
    shapes = {}
    for item in args.input_shape:
        name, sep, dims = item.partition('=')
        try:
            shapes[name] = [int(d) for d in dims.split(',')]
        except ValueError:
            parser.error(f'--input-shape wants NAME=D,D,..., not {item!r}')
        if not sep or not name:
            parser.error(f'--input-shape wants NAME=D,D,..., not {item!r}')
    try:
        outputs = args.outputs.split(',') if args.outputs else None
        model = convert(args.model_json, renames=renames, outputs=outputs, opset=args.opset,
                        float16=args.float16_weights, input_shapes=shapes)
    except ConversionError as e:
        print(f'tfjs2onnx: {e}', file=sys.stderr)
        return 1
    onnx.save(model, args.output)
    ops = collections.Counter(n.op_type for n in model.graph.node)
    print(f'{args.output}: {os.path.getsize(args.output)} bytes, {len(model.graph.node)} nodes '
          f'({", ".join(f"{k} {v}" for k, v in sorted(ops.items()))})')
    for kind, items in (('input', model.graph.input), ('output', model.graph.output)):
        for v in items:
            dims = [d.dim_value or d.dim_param for d in v.type.tensor_type.shape.dim]
            print(f'  {kind} {v.name}: {onnx.TensorProto.DataType.Name(v.type.tensor_type.elem_type)} {dims}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
