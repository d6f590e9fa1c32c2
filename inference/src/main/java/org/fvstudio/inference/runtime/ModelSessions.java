package org.fvstudio.inference.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/** Opens ONNX graphs from local files with the requested device and thread counts. */
public final class ModelSessions {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSessions.class);

    private ModelSessions() {
    }

    /**
     * Opens {@code file}. With {@link DevicePreference#CUDA} or {@link DevicePreference#AUTO} CUDA is tried and,
     * if anything about it fails, the session is opened on CPU instead; {@link ModelSession#device()} tells which.
     *
     * @throws ModelLoadException the file is missing, unreadable or not a valid ONNX graph
     */
    public static ModelSession open(Path file, SessionSettings settings) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, file + ": model file not found");
        }
        if (!Files.isReadable(file)) {
            throw new ModelLoadException(file, file + ": model file is not readable");
        }
        OrtEnvironment env = OnnxEnvironment.get();
        String cudaProblem = null;
        if (settings.device() != DevicePreference.CPU) {
            if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                cudaProblem = "this ONNX Runtime build has no CUDA provider (build with -Pgpu)";
            } else {
                try {
                    return create(env, file, settings, true, "CUDA device " + settings.cudaDeviceId());
                } catch (OrtException | RuntimeException | LinkageError e) {
                    cudaProblem = e.getMessage();
                }
            }
        }
        String note = switch (settings.device()) {
            case CPU -> "CPU requested";
            case AUTO -> "CUDA not available (" + cudaProblem + "); running on CPU";
            case CUDA -> "CUDA requested but unavailable (" + cudaProblem + "); running on CPU";
        };
        if (settings.device() == DevicePreference.CUDA) {
            LOG.warn("{}: {}", file.getFileName(), note);
        }
        try {
            return create(env, file, settings, false, note);
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException(file, file + ": not a usable ONNX model: " + e.getMessage(), e);
        }
    }

    /** Opens {@code file} on CPU with a device note already known (e.g. why CUDA was not used). */
    public static ModelSession openOnCpu(Path file, SessionSettings settings, String note) throws ModelLoadException {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, file + ": model file not found");
        }
        try {
            return create(OnnxEnvironment.get(), file, settings, false, note);
        } catch (OrtException | RuntimeException e) {
            throw new ModelLoadException(file, file + ": not a usable ONNX model: " + e.getMessage(), e);
        }
    }

    private static ModelSession create(OrtEnvironment env, Path file, SessionSettings settings, boolean cuda,
            String note) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setSessionLogLevel(settings.logLevel().ort());
            if (!settings.spinWait()) {
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.addConfigEntry("session.inter_op.allow_spinning", "0");
            }
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            if (settings.interOpThreads() > 0) {
                options.setInterOpNumThreads(settings.interOpThreads());
            }
            if (cuda) {
                options.addCUDA(settings.cudaDeviceId());
            }
            OrtSession session = env.createSession(file.toString(), options);
            try {
                ExecutionDevice device = cuda ? ExecutionDevice.CUDA : ExecutionDevice.CPU;
                LOG.info("opened {} on {}", file.getFileName(), device);
                return new ModelSession(file, session, device, note);
            } catch (OrtException | RuntimeException e) {
                session.close();
                throw e;
            }
        }
    }
}
