#!/bin/bash
# Installs the dev-time node packages (js/package.json) into SCRATCH/node_modules, once.
# onnxruntime-node's install step would fetch CUDA files from nuget.org; the CPU binary is already in
# the npm package, so that step is skipped (ONNXRUNTIME_NODE_INSTALL=skip).
set -euo pipefail
scratch=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$scratch"
if ! cmp -s "$here/package.json" "$scratch/package.json" || [ ! -d "$scratch/node_modules/onnxruntime-node" ]; then
  cp "$here/package.json" "$scratch/package.json"
  (cd "$scratch" && ONNXRUNTIME_NODE_INSTALL=skip npm install --no-audit --no-fund --loglevel=error)
fi
