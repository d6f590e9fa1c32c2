package org.fvstudio.inference.runtime;

/** The device a session really runs on. */
public enum ExecutionDevice {
    CPU,
    CUDA
}
