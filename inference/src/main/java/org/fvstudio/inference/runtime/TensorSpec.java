package org.fvstudio.inference.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * Name, element type and shape of one graph input or output.
 * A dimension of -1 means "any size" (a dynamic axis); a {@code null} name matches by position.
 */
public final class TensorSpec {

    public static final long ANY = -1;

    private final String name;
    private final ElementType type;
    private final long[] shape;

    private TensorSpec(String name, ElementType type, long[] shape) {
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.shape = shape.clone();
        for (long d : shape) {
            if (d < ANY || d == 0) {
                throw new IllegalArgumentException("dimension must be positive or -1 (any), got " + Arrays.toString(shape));
            }
        }
    }

    public static TensorSpec of(String name, ElementType type, long... shape) {
        return new TensorSpec(Objects.requireNonNull(name, "name"), type, shape);
    }

    /** A spec matched by position, for graphs whose tensor names vary between exports. */
    public static TensorSpec unnamed(ElementType type, long... shape) {
        return new TensorSpec(null, type, shape);
    }

    /** Found in a graph: non-positive (symbolic) dimensions become {@link #ANY}. */
    static TensorSpec found(String name, ElementType type, long[] shape) {
        long[] dims = shape.clone();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] <= 0) {
                dims[i] = ANY;
            }
        }
        return new TensorSpec(name, type, dims);
    }

    /** The name, or {@code null} for a positional spec. */
    public String name() {
        return name;
    }

    public ElementType type() {
        return type;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** True if a tensor described by {@code found} can stand where this spec is expected. */
    public boolean accepts(TensorSpec found) {
        if (found.type != type || found.shape.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != ANY && found.shape[i] != ANY && shape[i] != found.shape[i]) {
                return false;
            }
        }
        return true;
    }

    /** E.g. {@code float32 [1, 3, 640, 640]}, with {@code ?} for dynamic axes. */
    public String describeTypeAndShape() {
        StringBuilder sb = new StringBuilder(type.toString()).append(" [");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i] == ANY ? "?" : Long.toString(shape[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec other && Objects.equals(name, other.name) && type == other.type
                && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return (name == null ? "#" : "'" + name + "' ") + describeTypeAndShape();
    }
}
