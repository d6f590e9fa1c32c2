/**
 * The one place where FV Studio talks to ONNX Runtime: environment start-up, sessions, devices,
 * graph signature checks. Every model family (DWPose, the generation pack) goes through it.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * SessionSettings settings = SessionSettings.defaults().withDevice(DevicePreference.AUTO).withIntraOpThreads(2);
 * try (ModelSession session = ModelSessions.open(Path.of("model.onnx"), settings)) {
 *     session.requireSignature(expectedSignature);          // GraphSignatureException names file, tensor, expected, found
 *     log.info("runs on {}", session.device());             // the device actually used, never the one asked for
 *     try (OnnxTensor in = OnnxTensor.createTensor(session.environment(), buffer, shape);
 *          OrtSession.Result out = session.run(Map.of("input", in))) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <h2>Rules it enforces</h2>
 * <ul>
 *   <li>{@link org.fvstudio.inference.runtime.OnnxEnvironment} starts DJL's OnnxRuntime engine before
 *       the first {@code OrtEnvironment} (otherwise DJL fails for the rest of the JVM), sets DJL offline
 *       unless told otherwise, and makes sure {@code java.io.tmpdir} exists (ORT unpacks its natives there).</li>
 *   <li>Sessions are created from local files only ({@code djl://} URLs would reach the network).</li>
 *   <li>CUDA is tried when asked for ({@code CUDA}) or allowed ({@code AUTO}) and compiled in; any failure
 *       falls back to CPU with the reason kept in {@link org.fvstudio.inference.runtime.ModelSession#deviceNote()}.
 *       {@code getAvailableProviders()} only says what is compiled in, so it is never trusted alone.</li>
 *   <li>Everything native is {@link java.lang.AutoCloseable}; callers use try-with-resources for sessions,
 *       tensors and results.</li>
 * </ul>
 */
package org.fvstudio.inference.runtime;
