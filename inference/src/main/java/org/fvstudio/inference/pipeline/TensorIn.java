package org.fvstudio.inference.pipeline;

/** A float32 input tensor as flat data and shape, created as a native tensor only for the call. */
public record TensorIn(float[] data, long[] shape) {

    public TensorIn {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor of shape " + java.util.Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    public static TensorIn of(float[] data, long... shape) {
        return new TensorIn(data, shape);
    }
}
