package org.fvstudio.inference.pack;

import java.util.List;
import java.util.Optional;
import org.fvstudio.inference.runtime.GraphSignature;

/**
 * One graph of a pack: its role ({@code pcm}, {@code denoiser}, ...), file, optional float16 variant and
 * declared tensors. The float16 variant ({@code "file_fp16"} in pack.json) computes in half precision but keeps
 * the same float32 inputs and outputs, so the same signature applies to both files.
 */
public record GraphDecl(String role, String file, Optional<String> fp16File, List<TensorDecl> inputs,
                        List<TensorDecl> outputs) {

    public GraphDecl {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public GraphDecl(String role, String file, List<TensorDecl> inputs, List<TensorDecl> outputs) {
        this(role, file, Optional.empty(), inputs, outputs);
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
