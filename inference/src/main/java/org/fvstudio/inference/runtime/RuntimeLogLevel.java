package org.fvstudio.inference.runtime;

import ai.onnxruntime.OrtLoggingLevel;

/**
 * The lowest severity ONNX Runtime prints for a session. ERROR by default: graph-optimiser notes such as
 * "Removing initializer ..." are WARNING-level and only clutter the CLI and the log.
 */
public enum RuntimeLogLevel {
    VERBOSE(OrtLoggingLevel.ORT_LOGGING_LEVEL_VERBOSE),
    INFO(OrtLoggingLevel.ORT_LOGGING_LEVEL_INFO),
    WARNING(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING),
    ERROR(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR),
    FATAL(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);

    private final OrtLoggingLevel ort;

    RuntimeLogLevel(OrtLoggingLevel ort) {
        this.ort = ort;
    }

    OrtLoggingLevel ort() {
        return ort;
    }
}
