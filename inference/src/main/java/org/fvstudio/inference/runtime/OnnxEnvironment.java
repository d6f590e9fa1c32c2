package org.fvstudio.inference.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;

/**
 * The process-wide ONNX Runtime environment, started in the only order that keeps DJL usable:
 * DJL's OnnxRuntime engine first, then {@link OrtEnvironment#getEnvironment()} reuses the environment it made.
 */
public final class OnnxEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxEnvironment.class);

    private static OrtEnvironment environment;

    private OnnxEnvironment() {
    }

    /** The shared environment; the first call starts DJL's engine and ONNX Runtime. */
    public static synchronized OrtEnvironment get() {
        if (environment == null) {
            ensureTempDirectory();
            // Must be set before any ai.djl class loads, or DJL looks for a cloud metadata server.
            if (System.getProperty("ai.djl.offline") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            DjlEngineStarter.start(LOG);
            environment = OrtEnvironment.getEnvironment();
            disableTelemetry(environment);
            LOG.info("ONNX Runtime {} ready, providers compiled in: {}", environment.getVersion(),
                    OrtEnvironment.getAvailableProviders());
        }
        return environment;
    }

    /** The ONNX Runtime version (starts the runtime on first use). */
    public static String version() {
        return get().getVersion();
    }

    /** Whether this ONNX Runtime build carries the CUDA provider (starts the runtime on first use). */
    public static boolean cudaCompiledIn() {
        get();
        return OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA);
    }

    /**
     * ONNX Runtime 1.28 sends no telemetry; later versions do on Linux unless ORT_DISABLE_TELEMETRY=1 is set
     * before the library loads, which the launchers do. This call is the in-process second line of defence.
     */
    private static void disableTelemetry(OrtEnvironment env) {
        try {
            env.setTelemetry(false);
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            LOG.debug("could not switch ONNX Runtime telemetry off explicitly: {}", e.toString());
        }
    }

    private static void ensureTempDirectory() {
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp == null || tmp.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(tmp));
        } catch (IOException e) {
            LOG.warn("java.io.tmpdir {} cannot be created; ONNX Runtime may fail to unpack its natives", tmp, e);
        }
    }

    /** Kept apart so that no DJL class is loaded before the offline flag is set. */
    private static final class DjlEngineStarter {
        static void start(Logger log) {
            try {
                ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("OnnxRuntime");
                log.debug("DJL engine {} {} started", engine.getEngineName(), engine.getVersion());
            } catch (RuntimeException | LinkageError e) {
                // Plain ORT still works; only DJL-based code would be affected.
                log.warn("DJL OnnxRuntime engine did not start ({}); continuing with ONNX Runtime directly", e.toString());
            }
        }
    }
}
