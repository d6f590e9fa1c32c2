/**
 * The embedded pose estimator: Google's MoveNet single-pose graphs, converted from TensorFlow.js to ONNX by
 * tools/tfjs2onnx and shipped in assets/models/movenet, so that Detect pose works on a fresh installation.
 * It finds the 17 COCO body points of one person; the DWPose feet, hands and face stay absent.
 */
package org.fvstudio.inference.movenet;
