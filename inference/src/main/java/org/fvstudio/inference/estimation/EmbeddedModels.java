package org.fvstudio.inference.estimation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.inference.movenet.MoveNetExtractor;

/**
 * The graphs of the embedded estimator in an installation's models folder: the body (MoveNet Thunder) and, when
 * present, everyone in the picture (MoveNet MultiPose), the hands (MediaPipe hand landmarks), the face (MediaPipe
 * face mesh with its 468 -> 68 map) and the feet (BlazePose lite).
 */
public record EmbeddedModels(Path body, MoveNetExtractor.Parts parts) {

    public static final String BODY = "movenet/movenet-thunder.onnx";
    public static final String PEOPLE = "movenet/movenet-multipose.onnx";
    public static final String HANDS = "hand/handlandmark-lite.onnx";
    public static final String FACE = "face/facemesh.onnx";
    public static final String FEET = "blazepose/blazepose-lite.onnx";

    /** What {@code modelsFolder} holds; empty without the body graph. */
    public static Optional<EmbeddedModels> in(Path modelsFolder) {
        Path body = modelsFolder.resolve(BODY);
        if (!Files.isRegularFile(body)) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedModels(body, new MoveNetExtractor.Parts(existing(modelsFolder.resolve(PEOPLE)),
                existing(modelsFolder.resolve(HANDS)), existing(modelsFolder.resolve(FACE)), existing(modelsFolder.resolve(FEET)))));
    }

    /** A body graph of one's own choosing (e.g. MoveNet Lightning for a benchmark): one person, no other parts. */
    public static EmbeddedModels bodyOnly(Path body) {
        return new EmbeddedModels(body, MoveNetExtractor.Parts.none());
    }

    /** The same body and people graphs, without the hands, the face and the feet. */
    public EmbeddedModels withoutLandmarks() {
        return new EmbeddedModels(body, new MoveNetExtractor.Parts(parts.people(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    private static Optional<Path> existing(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
