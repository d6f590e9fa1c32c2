package org.fvstudio.inference.pack;

import java.util.List;
import java.util.Optional;
import org.fvstudio.inference.runtime.GraphSignature;

/** One graph of a pack: its role ({@code pcm}, {@code denoiser}, ...), file and declared tensors. */
public record GraphDecl(String role, String file, List<TensorDecl> inputs, List<TensorDecl> outputs) {

    public GraphDecl {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public GraphSignature signature() {
        return new GraphSignature(inputs.stream().map(TensorDecl::toSpec).toList(),
                outputs.stream().map(TensorDecl::toSpec).toList());
    }

    public Optional<TensorDecl> input(String name) {
        return inputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<TensorDecl> output(String name) {
        return outputs.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
