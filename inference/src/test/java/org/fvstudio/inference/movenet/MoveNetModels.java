package org.fvstudio.inference.movenet;

import java.nio.file.Path;

/** The shipped MoveNet graphs, from the repository's assets folder. */
final class MoveNetModels {

    private MoveNetModels() {
    }

    static Path thunder() {
        return assets().resolve("movenet-thunder.onnx");
    }

    static Path lightning() {
        return assets().resolve("movenet-lightning.onnx");
    }

    static Path multiPose() {
        return assets().resolve("movenet-multipose.onnx");
    }

    private static Path assets() {
        return Path.of(System.getProperty("user.dir")).resolve("../assets/models/movenet").normalize();
    }
}
