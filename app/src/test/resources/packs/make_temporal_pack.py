# Builds "temporal-mini" from the inference module's contract-mini: the same graphs, but the denoiser adds a
# share of the mean over its batch (the frames of a context window) to every frame, as temporal attention
# would, and pack.json declares context windows of 3 frames with overlap 1. A frame then depends on the frames
# it was denoised with, which is what the farm tests need to check that chunked renders keep each frame's
# context. Run from this folder: /usr/bin/python3 make_temporal_pack.py   (python3-onnx, numpy)
import hashlib, json, os
import numpy as np
import onnx
from onnx import helper as h, numpy_helper as nh

SRC = os.path.join("..", "..", "..", "..", "..", "inference", "src", "test", "resources", "packs", "contract-mini")
OUT = "temporal-mini"

m = onnx.load(os.path.join(SRC, "denoiser.onnx"))
g = m.graph
tanh = [n for n in g.node if n.op_type == "Tanh"][0]
tanh.input[0] = "raw_mixed"
at = list(g.node).index(tanh)
for i, node in enumerate([
        h.make_node("ReduceMean", ["sample"], ["batch_mean"], axes=[0], keepdims=1),
        h.make_node("Mul", ["batch_mean", "temporal_mix"], ["batch_share"]),
        h.make_node("Add", ["raw", "batch_share"], ["raw_mixed"])]):
    g.node.insert(at + i, node)
g.initializer.append(nh.from_array(np.array([0.6], dtype=np.float32), "temporal_mix"))
onnx.checker.check_model(m)
onnx.save(m, os.path.join(OUT, "denoiser.onnx"))

with open(os.path.join(OUT, "pack.json")) as f:
    pack = json.load(f)
pack["id"] = "temporal-mini"
pack["name"] = "Temporal contract test pack"
pack["context"] = {"frames": 3, "overlap": 1, "blend": "triangular"}
with open(os.path.join(OUT, "denoiser.onnx"), "rb") as f:
    pack["files"]["denoiser.onnx"] = hashlib.sha256(f.read()).hexdigest()
with open(os.path.join(OUT, "MODEL_CARD.md"), "w") as f:
    f.write("# temporal-mini\n\nA test pack, not a model: contract-mini's graphs (MIT, this project) with a denoiser that mixes\n"
            "the frames of its batch, declared temporal (context windows of 3, overlap 1). Made by make_temporal_pack.py.\n")
with open(os.path.join(OUT, "MODEL_CARD.md"), "rb") as f:
    pack["files"]["MODEL_CARD.md"] = hashlib.sha256(f.read()).hexdigest()
with open(os.path.join(OUT, "pack.json"), "w") as f:
    json.dump(pack, f, indent=2)
