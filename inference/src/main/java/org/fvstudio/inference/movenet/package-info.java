/**
 * The embedded pose estimator: Google's MoveNet graphs (MultiPose to find everyone, SinglePose Thunder or
 * Lightning for each body), converted from TensorFlow.js to ONNX by tools/tfjs2onnx and shipped in
 * assets/models/movenet, so that Detect pose works on a fresh installation. Hands, face and feet come from the
 * MediaPipe graphs of {@code landmarks}.
 */
package org.fvstudio.inference.movenet;
