package org.fvstudio.inference.runtime;

/**
 * How to open a session.
 *
 * @param device        requested device
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose
 * @param interOpThreads threads across independent operators; 0 lets ONNX Runtime choose
 * @param cudaDeviceId  GPU ordinal used when CUDA is tried
 */
public record SessionSettings(DevicePreference device, int intraOpThreads, int interOpThreads, int cudaDeviceId) {

    public SessionSettings {
        if (device == null) {
            throw new IllegalArgumentException("device preference is required");
        }
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = ONNX Runtime default), got "
                    + intraOpThreads + " and " + interOpThreads);
        }
        if (cudaDeviceId < 0) {
            throw new IllegalArgumentException("CUDA device id must be >= 0, got " + cudaDeviceId);
        }
    }

    /** CPU, ONNX Runtime's default thread counts. */
    public static SessionSettings defaults() {
        return new SessionSettings(DevicePreference.CPU, 0, 0, 0);
    }

    public SessionSettings withDevice(DevicePreference newDevice) {
        return new SessionSettings(newDevice, intraOpThreads, interOpThreads, cudaDeviceId);
    }

    public SessionSettings withIntraOpThreads(int threads) {
        return new SessionSettings(device, threads, interOpThreads, cudaDeviceId);
    }

    public SessionSettings withInterOpThreads(int threads) {
        return new SessionSettings(device, intraOpThreads, threads, cudaDeviceId);
    }

    public SessionSettings withCudaDeviceId(int id) {
        return new SessionSettings(device, intraOpThreads, interOpThreads, id);
    }
}
