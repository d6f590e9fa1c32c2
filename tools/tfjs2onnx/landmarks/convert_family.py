#!/usr/bin/python3
"""Converts the TF.js models of one landmark family (families.py) to ONNX with its names and float16 weights.

    convert_family.py --family hand --models-dir PKG/models --onnx-dir DIR
"""

import argparse
import os
import sys

import onnx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from families import FAMILIES  # noqa: E402
from tfjs2onnx import ConversionError, convert  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--family', required=True, choices=sorted(FAMILIES))
    ap.add_argument('--models-dir', required=True)
    ap.add_argument('--onnx-dir', required=True)
    args = ap.parse_args()
    family = FAMILIES[args.family]
    os.makedirs(args.onnx_dir, exist_ok=True)
    for model in family.models:
        out = os.path.join(args.onnx_dir, f'{model}.onnx')
        try:
            graph = convert(os.path.join(args.models_dir, f'{model}.json'), renames=family.renames,
                            outputs=family.outputs, float16=True)
        except ConversionError as e:
            print(f'tfjs2onnx: {model}: {e}', file=sys.stderr)
            return 1
        onnx.save(graph, out)
        print(f'{out}: {os.path.getsize(out)} bytes, {len(graph.graph.node)} nodes')
    return 0


if __name__ == '__main__':
    sys.exit(main())
