# Builds "contract-mini", a small hand-written model pack that follows docs/model-pack.md exactly
# (graph roles, tensor names, shapes, dynamic B/N/K axes), for pipeline tests that must not depend on the
# trained fvs-tiny pack. The graphs are simple, deterministic operator chains (pooling, 1x1 convolutions,
# products), not a trained model: PCM scores a cell by how much skeleton both pose maps draw there.
# Run: /usr/bin/python3 make_contract_pack.py   (python3-onnx, numpy)
import hashlib, json, os
import numpy as np
import onnx
from onnx import helper as h, TensorProto as T, numpy_helper as nh

OUT = "contract-mini"
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(7)
F = T.FLOAT


def init(name, arr):
    return nh.from_array(np.asarray(arr, dtype=np.float32), name)


def vi(name, shape):
    return h.make_tensor_value_info(name, F, shape)


def save(graph, fname):
    m = h.make_model(graph, opset_imports=[h.make_opsetid("", 17)], producer_name="fvstudio-contract-mini")
    m.ir_version = 8
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(OUT, fname))


# pcm: cells where both the reference and the target draw skeleton score high
pcm = h.make_graph([
    h.make_node("AveragePool", ["ref_pose"], ["rp"], kernel_shape=[16, 16], strides=[16, 16]),
    h.make_node("AveragePool", ["target_pose"], ["tp"], kernel_shape=[16, 16], strides=[16, 16]),
    h.make_node("ReduceSum", ["rp", "axes1"], ["rs"], keepdims=1),
    h.make_node("ReduceSum", ["tp", "axes1"], ["ts"], keepdims=1),
    h.make_node("Reshape", ["rs", "refshape"], ["rr"]),
    h.make_node("Add", ["rr", "ts"], ["sum"]),
    h.make_node("Mul", ["sum", "gain"], ["scaled"]),
    h.make_node("Sub", ["scaled", "bias"], ["correlation"]),
], "pcm", [vi("ref_pose", ["N", 3, 256, 256]), vi("target_pose", ["B", 3, 256, 256])],
    [vi("correlation", ["B", "N", 16, 16])],
    [nh.from_array(np.array([1], dtype=np.int64), "axes1"), nh.from_array(np.array([1, -1, 16, 16], dtype=np.int64), "refshape"),
     init("gain", [8.0]), init("bias", [0.5])])
save(pcm, "pcm.onnx")

# reference_net: colour of the image pooled to each bank grid, lifted by fixed 1x1 convolutions, plus pose
w16 = rng.normal(size=(24, 6, 1, 1)) * 0.5
w8 = rng.normal(size=(32, 6, 1, 1)) * 0.5
ref = h.make_graph([
    h.make_node("AveragePool", ["ref_image"], ["i16"], kernel_shape=[8, 8], strides=[8, 8]),
    h.make_node("AveragePool", ["ref_image"], ["i8"], kernel_shape=[16, 16], strides=[16, 16]),
    h.make_node("AveragePool", ["ref_pose"], ["p16"], kernel_shape=[16, 16], strides=[16, 16]),
    h.make_node("AveragePool", ["ref_pose"], ["p8"], kernel_shape=[32, 32], strides=[32, 32]),
    h.make_node("Concat", ["i16", "p16"], ["c16"], axis=1),
    h.make_node("Concat", ["i8", "p8"], ["c8"], axis=1),
    h.make_node("Conv", ["c16", "w16"], ["bank_g16"]),
    h.make_node("Conv", ["c8", "w8"], ["bank_g8"]),
], "reference_net", [vi("ref_image", ["N", 3, 128, 128]), vi("ref_pose", ["N", 3, 256, 256])],
    [vi("bank_g16", ["N", 24, 16, 16]), vi("bank_g8", ["N", 32, 8, 8])], [init("w16", w16), init("w8", w8)])
save(ref, "reference_net.onnx")

wg = rng.normal(size=(16, 3, 1, 1))
guider = h.make_graph([
    h.make_node("AveragePool", ["target_pose"], ["p"], kernel_shape=[8, 8], strides=[8, 8]),
    h.make_node("Conv", ["p", "wg"], ["pose_features"]),
], "pose_guider", [vi("target_pose", ["B", 3, 256, 256])], [vi("pose_features", ["B", 16, 32, 32])], [init("wg", wg)])
save(guider, "pose_guider.onnx")


def denoiser(nan):
    # x0 estimate: mean selected token colour everywhere + pose features, blended with the noisy sample
    wt16 = rng.normal(size=(24, 3)) * 0.3
    wt8 = rng.normal(size=(32, 3)) * 0.3
    wp = rng.normal(size=(3, 16, 1, 1)) * 0.3
    nodes = [
        h.make_node("ReduceMean", ["tokens_g16"], ["m16"], axes=[1], keepdims=0),
        h.make_node("ReduceMean", ["tokens_g8"], ["m8"], axes=[1], keepdims=0),
        h.make_node("MatMul", ["m16", "wt16"], ["c16"]),
        h.make_node("MatMul", ["m8", "wt8"], ["c8"]),
        h.make_node("Add", ["c16", "c8"], ["c"]),
        h.make_node("Unsqueeze", ["c", "axes23"], ["c4"]),
        h.make_node("Conv", ["pose_features", "wp"], ["p3"]),
        h.make_node("Resize", ["p3", "", "scales"], ["p128"], mode="nearest"),
        h.make_node("Div", ["timestep", "tmax"], ["tn"]),
        h.make_node("Reshape", ["tn", "tshape"], ["t4"]),
        h.make_node("Mul", ["sample", "t4"], ["st"]),
        h.make_node("Mul", ["st", "mix"], ["sm"]),
        h.make_node("Add", ["c4", "p128"], ["cp"]),
        h.make_node("Add", ["cp", "sm"], ["raw"]),
    ]
    if nan:
        nodes += [h.make_node("Abs", ["raw"], ["a"]), h.make_node("Add", ["a", "one"], ["a1"]),
                  h.make_node("Neg", ["a1"], ["n"]), h.make_node("Sqrt", ["n"], ["prediction"])]
    else:
        nodes += [h.make_node("Tanh", ["raw"], ["prediction"])]
    inits = [init("wt16", wt16), init("wt8", wt8), init("wp", wp), init("tmax", [1000.0]), init("mix", [0.2]),
             init("one", [1.0]), nh.from_array(np.array([2, 3], dtype=np.int64), "axes23"),
             nh.from_array(np.array([-1, 1, 1, 1], dtype=np.int64), "tshape"), init("scales", [1, 1, 4, 4])]
    return h.make_graph(nodes, "denoiser", [
        vi("sample", ["B", 3, 128, 128]), vi("timestep", ["B"]), vi("pose_features", ["B", 16, 32, 32]),
        vi("tokens_g16", ["B", "K16", 24]), vi("weights_g16", ["B", "K16"]),
        vi("tokens_g8", ["B", "K8", 32]), vi("weights_g8", ["B", "K8"])],
        [vi("prediction", ["B", 3, 128, 128])], inits)


save(denoiser(False), "denoiser.onnx")
os.makedirs("broken", exist_ok=True)
m = h.make_model(denoiser(True), opset_imports=[h.make_opsetid("", 17)])
m.ir_version = 8
onnx.save(m, "broken/denoiser_nan.onnx")


def sig(graph_inputs, graph_outputs):
    def one(v):
        dims = [d.dim_param if d.dim_param else d.dim_value for d in v.type.tensor_type.shape.dim]
        return {"shape": dims, "dtype": "float32"}
    return {"inputs": {v.name: one(v) for v in graph_inputs}, "outputs": {v.name: one(v) for v in graph_outputs}}


graphs = {}
for role in ["pcm", "reference_net", "pose_guider", "denoiser"]:
    g = onnx.load(os.path.join(OUT, role + ".onnx")).graph
    graphs[role] = {"file": role + ".onnx", **sig(g.input, g.output)}
files = {}
with open(os.path.join(OUT, "MODEL_CARD.md"), "w") as f:
    f.write("# contract-mini\n\nHand-written test pack for FV Studio's pipeline tests (see make_contract_pack.py). "
            "Not a trained model; it produces structured but meaningless pictures. Licence: MIT.\n")
for name in sorted(os.listdir(OUT)):
    if name != "pack.json":
        files[name] = hashlib.sha256(open(os.path.join(OUT, name), "rb").read()).hexdigest()
pack = {
    "format": "fvstudio-pack", "version": 1, "id": "contract-mini", "name": "Contract test pack", "license": "MIT",
    "resolution": {"width": 128, "height": 128},
    "pose_map": {"width": 256, "height": 256, "parts": ["body"], "fit": "stretch", "stick_half_width": 4,
                 "joint_radius": 4, "range": [0, 1]},
    "reference_image": {"width": 128, "height": 128, "fit": "stretch", "range": [-1, 1]},
    "latent": {"type": "pixel", "channels": 3, "height": 128, "width": 128, "scale_factor": 1.0, "range": [-1, 1]},
    "graphs": graphs,
    "correlation": {"grid": [16, 16]},
    "banks": [{"name": "g16", "grid": [16, 16], "channels": 24, "top_k": 64},
              {"name": "g8", "grid": [8, 8], "channels": 32, "top_k": 16}],
    "selection": {"resize": "bilinear", "align_corners": False, "softmax": False, "weight": "two_sigmoid",
                  "order": "score_desc_then_index_asc"},
    "guidance": {"default": 1.0, "unconditional": "zero_tokens"},
    "scheduler": {"type": "ddim", "eta": 0.0, "num_train_timesteps": 1000, "beta_schedule": "scaled_linear",
                  "beta_start": 0.00085, "beta_end": 0.012, "rescale_zero_snr": True, "prediction_type": "sample",
                  "timestep_spacing": "trailing", "final_alpha_cumprod": 1.0, "clip_sample": False, "default_steps": 4},
    "context": {"frames": 1, "overlap": 0, "blend": "none"},
    "noise": {"shared_across_frames": True},
    "files": files,
}
with open(os.path.join(OUT, "pack.json"), "w") as f:
    json.dump(pack, f, indent=2)
print("wrote", OUT, sorted(files))
