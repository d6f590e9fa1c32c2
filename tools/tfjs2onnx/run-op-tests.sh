#!/bin/bash
# Per-op tests of the converter: small TF.js graphs, one or a few ops each, run in TF.js and in ONNX
# Runtime on random inputs. Dev time only (npm fetches the two runtimes into the scratch folder).
#
#   tools/tfjs2onnx/run-op-tests.sh [SCRATCH_DIR]      (default /tmp/tfjs-work)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mkdir -p "${1:-/tmp/tfjs-work}" && cd "${1:-/tmp/tfjs-work}" && pwd)
"$here/js/setup-node.sh" "$scratch/node"
rm -rf "$scratch/op-tests"
NODE_PATH=$scratch/node/node_modules /usr/bin/python3 "$here/tests/run_op_tests.py" "$scratch/op-tests"
