package org.fvstudio.inference.runtime;

/**
 * How to open a session.
 *
 * @param device         requested device
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose
 * @param interOpThreads threads across independent operators; 0 lets ONNX Runtime choose
 * @param cudaDeviceId   GPU ordinal used when CUDA is tried
 * @param logLevel       lowest severity ONNX Runtime prints for these sessions
 * @param allowFp16      use a pack's float16 graph variants when the session really runs on CUDA
 * @param spinWait       let ONNX Runtime's worker threads spin between operators (ONNX Runtime's own default, a little
 *                       lower latency on an idle machine); off gives the cores back at once to the UI and other programs
 */
public record SessionSettings(DevicePreference device, int intraOpThreads, int interOpThreads, int cudaDeviceId,
                              RuntimeLogLevel logLevel, boolean allowFp16, boolean spinWait) {

    public SessionSettings {
        if (device == null) {
            throw new IllegalArgumentException("device preference is required");
        }
        if (logLevel == null) {
            throw new IllegalArgumentException("runtime log level is required");
        }
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = ONNX Runtime default), got "
                    + intraOpThreads + " and " + interOpThreads);
        }
        if (cudaDeviceId < 0) {
            throw new IllegalArgumentException("CUDA device id must be >= 0, got " + cudaDeviceId);
        }
    }

    /**
     * CPU, ONNX Runtime's default thread counts, errors only in its log, fp16 variants allowed on CUDA, no spinning
     * (the studio shares the cores with its UI; on a busy 2-core machine spinning workers made a frame 7x slower).
     */
    public static SessionSettings defaults() {
        return new SessionSettings(DevicePreference.CPU, 0, 0, 0, RuntimeLogLevel.ERROR, true, false);
    }

    public SessionSettings withDevice(DevicePreference newDevice) {
        return new SessionSettings(newDevice, intraOpThreads, interOpThreads, cudaDeviceId, logLevel, allowFp16, spinWait);
    }

    public SessionSettings withIntraOpThreads(int threads) {
        return new SessionSettings(device, threads, interOpThreads, cudaDeviceId, logLevel, allowFp16, spinWait);
    }

    public SessionSettings withInterOpThreads(int threads) {
        return new SessionSettings(device, intraOpThreads, threads, cudaDeviceId, logLevel, allowFp16, spinWait);
    }

    public SessionSettings withCudaDeviceId(int id) {
        return new SessionSettings(device, intraOpThreads, interOpThreads, id, logLevel, allowFp16, spinWait);
    }

    public SessionSettings withLogLevel(RuntimeLogLevel level) {
        return new SessionSettings(device, intraOpThreads, interOpThreads, cudaDeviceId, level, allowFp16, spinWait);
    }

    public SessionSettings withFp16(boolean allowed) {
        return new SessionSettings(device, intraOpThreads, interOpThreads, cudaDeviceId, logLevel, allowed, spinWait);
    }

    public SessionSettings withSpinWait(boolean spin) {
        return new SessionSettings(device, intraOpThreads, interOpThreads, cudaDeviceId, logLevel, allowFp16, spin);
    }
}
