package org.fvstudio.inference.estimation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The graphs of the embedded estimator in an installation's models folder: the body (MoveNet Thunder) and, when
 * present, the hands (MediaPipe hand landmarks) and the face (MediaPipe face mesh with its 468 -> 68 map).
 */
public record EmbeddedModels(Path body, Optional<Path> hands, Optional<Path> face) {

    public static final String BODY = "movenet/movenet-thunder.onnx";
    public static final String HANDS = "hand/handlandmark-lite.onnx";
    public static final String FACE = "face/facemesh.onnx";

    /** What {@code modelsFolder} holds; empty without the body graph. */
    public static Optional<EmbeddedModels> in(Path modelsFolder) {
        Path body = modelsFolder.resolve(BODY);
        if (!Files.isRegularFile(body)) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedModels(body, existing(modelsFolder.resolve(HANDS)), existing(modelsFolder.resolve(FACE))));
    }

    /** A body graph of one's own choosing (e.g. MoveNet Lightning for a benchmark), without hands or face. */
    public static EmbeddedModels bodyOnly(Path body) {
        return new EmbeddedModels(body, Optional.empty(), Optional.empty());
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
