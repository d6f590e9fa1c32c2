#!/usr/bin/python3
"""Per-op tests: each small graph of op_cases.py converted, then run in TF.js and in ONNX Runtime.

    run_op_tests.py WORK_DIR     (NODE_PATH must name a node_modules with @tensorflow/tfjs and
                                  onnxruntime-node; ../run-op-tests.sh sets that up)

Exits 1 if any output differs beyond the tolerance, if a supported op has no test, or if the
error for an unknown op does not name the node and the op.
"""

import json
import os
import subprocess
import sys
import zlib

import numpy as np
import onnx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from op_cases import CASES, unsupported_op_model  # noqa: E402
from tfjs2onnx import ConversionError, convert, supported_ops  # noqa: E402
from tfjs2onnx.convert import onnx_output_name  # noqa: E402

ATOL, RTOL = 1e-5, 1e-5
EXACT = {'float16_every_value'}  # cases whose float outputs must be bit-identical
RUNNER = os.path.join(os.path.dirname(HERE), 'js', 'run_models.js')


def build(work):
    jobs, used_ops = [], set()
    for name, make in CASES.items():
        rng = np.random.default_rng(zlib.crc32(name.encode()))
        builder, inputs, outputs = make(rng)
        folder = os.path.join(work, name)
        model_json = builder.save(folder)
        used_ops |= {n['op'] for n in builder.nodes}
        feeds = []
        for key, array in inputs.items():
            path = os.path.join(folder, f'in_{key}.bin')
            array.astype(array.dtype.newbyteorder('<')).tofile(path)
            feeds.append({'tf': key, 'onnx': key, 'dtype': array.dtype.name, 'shape': list(array.shape), 'file': path})
        for float16 in (False, True):
            model = convert(model_json, outputs=outputs, float16=float16)
            if float16 and not any(t.data_type == onnx.TensorProto.FLOAT16 for t in model.graph.initializer):
                continue  # nothing to store as float16: the same graph as without the option
            job_id = f'{name}.f16' if float16 else name
            onnx_path = os.path.join(folder, f'{job_id}.onnx')
            onnx.save(model, onnx_path)
            jobs.append({'id': job_id, 'tfjs': model_json, 'onnx': onnx_path, 'inputs': feeds,
                         'outputs': [{'tf': o, 'onnx': onnx_output_name(o)} for o in outputs],
                         'out_dir': os.path.join(folder, 'out')})
    return jobs, used_ops


def load(out):
    return np.fromfile(out['file'], dtype=np.dtype(out['dtype']).newbyteorder('<')).reshape(out['shape'])


def compare(job, level):
    report = json.load(open(os.path.join(job['out_dir'], f"{job['id']}.json")))
    lines, ok = [], True
    for k, spec in enumerate(job['outputs']):
        ref, got = (load(report['runtimes'][r]['outputs'][k]) for r in ('tfjs', 'ort'))
        if ref.shape != got.shape or ref.dtype != got.dtype:
            lines.append(f"  {spec['tf']}: TF.js {ref.dtype}{list(ref.shape)} vs ORT {got.dtype}{list(got.shape)}  FAIL")
            ok = False
            continue
        diff = float(np.max(np.abs(ref.astype(np.float64) - got))) if ref.size else 0.0
        exact = ref.dtype.kind in 'iub' or job['id'].split('.')[0] in EXACT
        good = np.array_equal(ref, got) if exact else \
            bool(np.all(np.abs(ref - got) <= ATOL + RTOL * np.abs(ref)))
        ok &= good
        lines.append(f"  {spec['tf']:<14} {ref.dtype.name:<8} {str(list(ref.shape)):<14} max |diff| {diff:.3g}"
                     f"{'' if good else '  FAIL'}")
    print(f"{job['id']} (ORT optimization {level}): {'ok' if ok else 'FAILED'}")
    print('\n'.join(lines))
    return ok


def check_error_message(work):
    try:
        convert(unsupported_op_model(os.path.join(work, 'unsupported')))
    except ConversionError as e:
        text = str(e)
        good = "node 'my/softmax' (op Softmax)" in text
        print(f"unknown op error: {text[:120]}... {'ok' if good else 'FAILED'}")
        return good
    print('unknown op error: no error raised  FAILED')
    return False


def main():
    work = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else 'op-tests')
    jobs, used_ops = build(work)
    ok = True
    for level in ('all', 'disabled'):
        for job in jobs:
            job['out_dir'] = os.path.join(work, job['id'].split('.')[0], f'out-{level}')
        config = os.path.join(work, f'jobs-{level}.json')
        with open(config, 'w') as f:
            json.dump({'jobs': jobs, 'ort_optimization': level}, f, indent=1)
        subprocess.run(['node', RUNNER, config], check=True, stdout=subprocess.DEVNULL)
        for job in jobs:
            ok &= compare(job, level)
    untested = sorted(set(supported_ops()) - used_ops)
    print(f"ops covered: {len(set(supported_ops()) & used_ops)} of {len(supported_ops())}"
          + (f'; untested: {untested}' if untested else ''))
    ok &= not untested
    ok &= check_error_message(work)
    print('ALL OP TESTS PASSED' if ok else 'OP TESTS FAILED')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
