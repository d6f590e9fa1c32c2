package org.fvstudio.inference.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/** The inputs and outputs of a graph, in graph order; compares a loaded graph against the expected one. */
public record GraphSignature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

    public GraphSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Reads what a session declares. Non-tensor values (maps, sequences) are reported as {@link ElementType#OTHER}, rank 0. */
    public static GraphSignature of(OrtSession session) throws OrtException {
        return new GraphSignature(specs(session.getInputInfo()), specs(session.getOutputInfo()));
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
        List<TensorSpec> specs = new ArrayList<>(infos.size());
        for (NodeInfo node : infos.values()) {
            if (node.getInfo() instanceof TensorInfo tensor) {
                specs.add(TensorSpec.found(node.getName(), ElementType.of(tensor.onnxType), tensor.getShape()));
            } else {
                specs.add(TensorSpec.found(node.getName(), ElementType.OTHER, new long[0]));
            }
        }
        return specs;
    }

    /**
     * Every difference between this (found) signature and {@code expected}, one readable line each;
     * empty when the graph can be used as expected. Extra outputs are fine; extra inputs are not
     * (nothing would feed them).
     */
    public List<String> differencesFrom(GraphSignature expected) {
        List<String> problems = new ArrayList<>();
        compare("input", expected.inputs, inputs, problems);
        compare("output", expected.outputs, outputs, problems);
        for (int i = 0; i < inputs.size(); i++) {
            TensorSpec found = inputs.get(i);
            if (matchIndex(expected.inputs, found, i) < 0) {
                problems.add("input '" + found.name() + "': not expected, found " + found.describeTypeAndShape()
                        + " (the code has nothing to feed it)");
            }
        }
        return problems;
    }

    /** Throws when {@link #differencesFrom} finds anything; the message names file, tensor, expected and found. */
    public void requireMatches(Path file, GraphSignature expected) throws GraphSignatureException {
        List<String> problems = differencesFrom(expected);
        if (!problems.isEmpty()) {
            throw new GraphSignatureException(file, file + " does not have the expected graph signature:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static void compare(String kind, List<TensorSpec> expectedSpecs, List<TensorSpec> foundSpecs,
            List<String> problems) {
        for (int i = 0; i < expectedSpecs.size(); i++) {
            TensorSpec expected = expectedSpecs.get(i);
            TensorSpec found = find(expected, i, foundSpecs);
            String label = expected.name() != null ? kind + " '" + expected.name() + "'" : kind + " #" + i;
            if (found == null) {
                problems.add(label + ": expected " + expected.describeTypeAndShape() + ", found no such " + kind
                        + " (" + kind + "s: " + names(foundSpecs) + ")");
            } else if (!expected.accepts(found)) {
                String foundLabel = expected.name() == null ? " ('" + found.name() + "')" : "";
                problems.add(label + foundLabel + ": expected " + expected.describeTypeAndShape() + ", found "
                        + found.describeTypeAndShape());
            }
        }
    }

    private static TensorSpec find(TensorSpec expected, int position, List<TensorSpec> found) {
        if (expected.name() == null) {
            return position < found.size() ? found.get(position) : null;
        }
        return found.stream().filter(f -> expected.name().equals(f.name())).findFirst().orElse(null);
    }

    private static int matchIndex(List<TensorSpec> expectedSpecs, TensorSpec found, int foundPosition) {
        for (int i = 0; i < expectedSpecs.size(); i++) {
            String name = expectedSpecs.get(i).name();
            if (name == null ? i == foundPosition : name.equals(found.name())) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<TensorSpec> specs) {
        return specs.isEmpty() ? "none" : specs.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "inputs " + inputs + ", outputs " + outputs;
    }
}
