package org.fvstudio.inference.pack;

import java.nio.file.Path;
import java.util.List;
import org.fvstudio.inference.selection.BankSpec;

/**
 * What the Java pipeline feeds each graph and reads from it (docs/model-pack.md section 2), checked at load
 * time so that a pack the pipeline cannot drive is refused with the file and tensor named.
 */
final class PipelineContract {

    private PipelineContract() {
    }

    static void check(PackManifest m, GraphDecl g, Path file) throws PackException {
        PackManifest.LatentSpec lt = m.latent();
        switch (g.role()) {
            case PackManifest.PCM -> {
                requireInput(g, file, "ref_pose", 4);
                requireInput(g, file, "target_pose", 4);
                TensorDecl out = requireOutput(g, file, "correlation", 4);
                requireFixed(out, file, 2, m.correlationH());
                requireFixed(out, file, 3, m.correlationW());
            }
            case PackManifest.REFERENCE_NET -> {
                requireInput(g, file, "ref_image", 4);
                for (BankSpec b : m.banks()) {
                    TensorDecl out = requireOutput(g, file, "bank_" + b.name(), 4);
                    requireFixed(out, file, 1, b.channels());
                    requireFixed(out, file, 2, b.gridH());
                    requireFixed(out, file, 3, b.gridW());
                }
            }
            case PackManifest.POSE_GUIDER -> {
                requireInput(g, file, "target_pose", 4);
                requireOutput(g, file, "pose_features", 4);
            }
            case PackManifest.DENOISER -> {
                TensorDecl sample = requireInput(g, file, "sample", 4);
                requireFixed(sample, file, 1, lt.channels());
                requireFixed(sample, file, 2, lt.height());
                requireFixed(sample, file, 3, lt.width());
                requireInput(g, file, "timestep", 1);
                requireInput(g, file, m.graphs().containsKey(PackManifest.POSE_GUIDER) ? "pose_features" : "pose_map", 4);
                for (BankSpec b : m.banks()) {
                    TensorDecl tokens = requireInput(g, file, "tokens_" + b.name(), 3);
                    requireFixed(tokens, file, 2, b.channels());
                    requireInput(g, file, "weights_" + b.name(), 2);
                }
                TensorDecl out = requireOutput(g, file, "prediction", 4);
                requireFixed(out, file, 1, lt.channels());
            }
            default -> {
                // image_encoder / vae graphs: checked against the manifest only
            }
        }
    }

    private static TensorDecl requireInput(GraphDecl g, Path file, String name, int rank) throws PackException {
        return require(g.inputs(), g, file, "input", name, rank);
    }

    private static TensorDecl requireOutput(GraphDecl g, Path file, String name, int rank) throws PackException {
        return require(g.outputs(), g, file, "output", name, rank);
    }

    private static TensorDecl require(List<TensorDecl> list, GraphDecl g, Path file, String kind, String name, int rank)
            throws PackException {
        TensorDecl t = list.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new PackException(file,
                file + ": " + g.role() + " " + kind + " '" + name + "': expected rank " + rank + ", found no such " + kind
                        + " (" + kind + "s: " + list.stream().map(TensorDecl::name).toList() + ")"));
        if (t.rank() != rank) {
            throw new PackException(file, file + ": " + g.role() + " " + kind + " '" + name + "': expected rank " + rank
                    + ", found " + t.dims());
        }
        return t;
    }

    private static void requireFixed(TensorDecl t, Path file, int axis, int size) throws PackException {
        Object d = t.dims().get(axis);
        if (!(d instanceof Number n) || n.intValue() != size) {
            throw new PackException(file, file + ": tensor '" + t.name() + "' axis " + axis + ": expected " + size
                    + " (from pack.json), found " + d);
        }
    }
}
