package org.fvstudio.app.cli;

import org.fvstudio.inference.job.GenerationError;

/**
 * The exit statuses of the commands, distinct so that a render farm can tell a bad job from a bad machine
 * (docs/farm.md lists them): a farm retries 4 on another worker, never 2 or 3.
 */
public final class ExitCodes {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Anything else: an output that cannot be written, an unexpected failure (the log has the trace). */
    public static final int FAILED = 1;
    /** Bad options or input: unknown option, bad frame range, unreadable project, a frame without a body. */
    public static final int USAGE = 2;
    /** The model pack is missing, damaged or does not match its manifest. */
    public static final int PACK = 3;
    /** Out of memory, or ONNX Runtime or the device failed (a NaN output counts): worth a retry elsewhere. */
    public static final int DEVICE = 4;
    /** Cancelled: SIGTERM or SIGINT stopped the render between two denoising steps; finished frames stay. */
    public static final int CANCELLED = 5;
    /** {@code assemble}: frames of the range are missing or out of date (the message lists them). */
    public static final int INCOMPLETE = 6;

    private ExitCodes() {
    }

    static int of(GenerationError.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> USAGE;
            case PACK -> PACK;
            case NUMERIC, RUNTIME -> DEVICE;
            case IO -> FAILED;
            case CANCELLED -> CANCELLED;
        };
    }
}
