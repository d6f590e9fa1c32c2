package org.fvstudio.inference.pipeline;

/**
 * A float32 input tensor as flat data and shape, created as a native tensor only for the call. {@code unchanging}
 * promises that {@code data} is never modified, so a graph called again with the same array may skip copying it.
 */
public record TensorIn(float[] data, long[] shape, boolean unchanging) {

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

    public TensorIn(float[] data, long[] shape) {
        this(data, shape, false);
    }

    public static TensorIn of(float[] data, long... shape) {
        return new TensorIn(data, shape);
    }

    /** For data fixed for the life of its owner, e.g. the references' pose maps of a pipeline. */
    public static TensorIn unchanging(float[] data, long... shape) {
        return new TensorIn(data, shape, true);
    }
}
