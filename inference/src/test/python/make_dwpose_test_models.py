#!/usr/bin/python3
"""Builds the small stand-in DWPose models used by the inference tests.

The graphs carry the real models' tensor names and shapes (FACTS.md, DWPose section) but
compute outputs that are known functions of the input, so the Java pre- and post-processing
can be checked to the pixel without the 200 MB of real weights:

- yolox_l.onnx: input `images` 1x3x640x640, output `output` 1x8400x85. Every anchor is zero
  (score 0) except the rows listed in DETECTOR_ROWS, which hold raw YOLOX predictions
  (x, y offsets in grid cells, log of w, h in strides, objectness, 80 class scores).
- dw-ll_ucoco_384.onnx: input `input` 1x3x384x288, outputs `simcc_x` 1x133x576 and
  `simcc_y` 1x133x768: keypoint k has a single peak of height PEAK_X[k] at bin BIN_X[k]
  (PEAK_Y, BIN_Y likewise) and 0 elsewhere.
- wrong_size_detector.onnx: a detector with a 416x416 input, for the signature checks.

Both real-name graphs add 0 * mean(input) to their outputs so that the input is consumed.
Only onnx.helper is used (Debian python3-onnx 1.12); run with /usr/bin/python3 from the
repository root:  /usr/bin/python3 inference/src/test/python/make_dwpose_test_models.py
The Java tests (DwposeTestModels) restate these constants; change both together.
"""
import math
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "resources", "dwpose")
OPSET = 13

# (stride, gx, gy, letterboxed box cx, cy, w, h, objectness, {class: score})
DETECTOR_ROWS = [
    (32, 5, 10, 168.0, 336.0, 192.0, 480.0, 0.95, {0: 0.90}),   # person A, the largest
    (16, 10, 21, 170.0, 340.0, 190.0, 470.0, 0.80, {0: 0.80}),  # duplicate of A, lower score: NMS drops it
    (8, 37, 12, 300.0, 100.0, 40.0, 80.0, 0.90, {0: 0.70}),     # person B, small
    (8, 7, 62, 60.0, 500.0, 50.0, 30.0, 0.99, {0: 0.05, 2: 0.99}),  # a car: not a person
    (16, 15, 34, 250.0, 550.0, 60.0, 60.0, 0.50, {0: 0.50}),    # a person below the 0.3 score
]


def anchor_index(stride, gx, gy):
    offset = 0
    for s in (8, 16, 32):
        size = 640 // s
        if s == stride:
            return offset + gy * size + gx
        offset += size * size
    raise ValueError(stride)


def detector_row(stride, gx, gy, cx, cy, w, h, obj, classes):
    row = np.zeros(85, dtype=np.float32)
    row[0] = cx / stride - gx
    row[1] = cy / stride - gy
    row[2] = math.log(w / stride)
    row[3] = math.log(h / stride)
    row[4] = obj
    for c, score in classes.items():
        row[5 + c] = score
    return row


def zeros_block(name, rows, nodes, inits):
    shape = numpy_helper.from_array(np.array([1, rows, 85], dtype=np.int64), name + "_shape")
    inits.append(shape)
    nodes.append(helper.make_node("ConstantOfShape", [shape.name], [name],
                                  value=helper.make_tensor("zero", TensorProto.FLOAT, [1], [0.0])))
    return name


def input_term(input_name, nodes):
    """0 * mean(input): a scalar that ties the output to the input without changing it."""
    nodes.append(helper.make_node("ReduceMean", [input_name], ["input_mean"], keepdims=0))
    nodes.append(helper.make_node("Mul", ["input_mean", "zero_scalar"], ["input_term"]))
    return "input_term", numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero_scalar")


def make_detector(path, side=640):
    anchors = sum((side // s) ** 2 for s in (8, 16, 32))
    nodes, inits = [], []
    rows = sorted((anchor_index(r[0], r[1], r[2]), detector_row(*r)) for r in DETECTOR_ROWS) if side == 640 else []
    parts, cursor = [], 0
    for index, row in rows:
        if index > cursor:
            parts.append(zeros_block("zeros_%d" % cursor, index - cursor, nodes, inits))
        const = numpy_helper.from_array(row.reshape(1, 1, 85), "row_%d" % index)
        inits.append(const)
        parts.append(const.name)
        cursor = index + 1
    if cursor < anchors:
        parts.append(zeros_block("zeros_%d" % cursor, anchors - cursor, nodes, inits))
    nodes.append(helper.make_node("Concat", parts, ["raw"], axis=1))
    term, zero = input_term("images", nodes)
    inits.append(zero)
    nodes.append(helper.make_node("Add", ["raw", term], ["output"]))
    graph = helper.make_graph(
        nodes, "yolox_l_test",
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, [1, 3, side, side])],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, anchors, 85])],
        inits)
    save(graph, path)


def estimator_peaks():
    k = np.arange(133)
    bin_x = (40 + (k * 37) % 500).astype(np.int64)
    bin_y = (50 + (k * 53) % 660).astype(np.int64)
    peak_x = np.full(133, 0.9, dtype=np.float32)
    peak_y = np.full(133, 0.8, dtype=np.float32)
    peak_y[k % 10 == 9] = 0.2   # every tenth point too weak: missing after the 0.3 threshold
    peak_x[0], peak_y[0] = 1.2, 1.1  # SimCC maxima can exceed 1: clamped to confidence 1
    return bin_x, bin_y, peak_x, peak_y


def make_estimator(path):
    bin_x, bin_y, peak_x, peak_y = estimator_peaks()
    nodes, inits = [], []
    term, zero = input_term("input", nodes)
    inits.append(zero)
    for axis, bins, peaks, depth in (("x", bin_x, peak_x, 576), ("y", bin_y, peak_y, 768)):
        inits.append(numpy_helper.from_array(bins.reshape(1, 133), "bins_" + axis))
        inits.append(numpy_helper.from_array(np.array([depth], dtype=np.int64), "depth_" + axis))
        inits.append(numpy_helper.from_array(np.array([0.0, 1.0], dtype=np.float32), "onehot_values_" + axis))
        inits.append(numpy_helper.from_array(peaks.reshape(1, 133, 1), "peaks_" + axis))
        nodes.append(helper.make_node("OneHot", ["bins_" + axis, "depth_" + axis, "onehot_values_" + axis],
                                      ["onehot_" + axis], axis=-1))
        nodes.append(helper.make_node("Mul", ["onehot_" + axis, "peaks_" + axis], ["scaled_" + axis]))
        nodes.append(helper.make_node("Add", ["scaled_" + axis, term], ["simcc_" + axis]))
    graph = helper.make_graph(
        nodes, "dwpose_test",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 384, 288])],
        [helper.make_tensor_value_info("simcc_x", TensorProto.FLOAT, [1, 133, 576]),
         helper.make_tensor_value_info("simcc_y", TensorProto.FLOAT, [1, 133, 768])],
        inits)
    save(graph, path)


def save(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="fvstudio make_dwpose_test_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)
    print("wrote %s (%d bytes)" % (os.path.relpath(path), os.path.getsize(path)))


if __name__ == "__main__":
    os.makedirs(OUT_DIR, exist_ok=True)
    make_detector(os.path.join(OUT_DIR, "yolox_l.onnx"))
    make_estimator(os.path.join(OUT_DIR, "dw-ll_ucoco_384.onnx"))
    make_detector(os.path.join(OUT_DIR, "wrong_size_detector.onnx"), side=416)
