package org.fvstudio.inference.pack;

import java.util.List;
import org.fvstudio.inference.runtime.ElementType;
import org.fvstudio.inference.runtime.TensorSpec;

/**
 * A tensor as pack.json declares it: a name, a dtype and a shape whose entries are fixed sizes or the names
 * of dynamic axes ({@code B}, {@code N}, {@code K}).
 */
public record TensorDecl(String name, ElementType type, List<Object> dims) {

    public TensorDecl {
        dims = List.copyOf(dims);
    }

    public int rank() {
        return dims.size();
    }

    public long[] shape() {
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = dims.get(i) instanceof Number n ? n.longValue() : TensorSpec.ANY;
        }
        return shape;
    }

    /** The fixed size of axis {@code i}; fails for a dynamic axis. */
    public int fixed(int i) {
        if (dims.get(i) instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("axis " + i + " of '" + name + "' is dynamic (" + dims.get(i) + ")");
    }

    public TensorSpec toSpec() {
        return TensorSpec.of(name, type, shape());
    }

    @Override
    public String toString() {
        return name + " " + type + " " + dims;
    }
}
