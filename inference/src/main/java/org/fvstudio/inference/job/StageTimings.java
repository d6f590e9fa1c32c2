package org.fvstudio.inference.job;

/**
 * Where the time of one frame went, in nanoseconds. {@code runtimeNanos} is the time spent inside ONNX
 * Runtime calls; {@code totalNanos - runtimeNanos} is the Java overhead.
 */
public record StageTimings(long poseMapNanos, long referenceNanos, long pcmNanos, long selectionNanos,
                           long denoiseNanos, long decodeNanos, long runtimeNanos, long totalNanos) {

    public double totalSeconds() {
        return totalNanos / 1e9;
    }

    public double overheadFraction() {
        return totalNanos == 0 ? 0 : (double) (totalNanos - runtimeNanos) / totalNanos;
    }
}
