package org.fvstudio.inference.adapt;

import java.nio.file.Path;

/**
 * A Python interpreter that imports PyTorch.
 *
 * @param python       the interpreter
 * @param torchVersion {@code torch.__version__}
 * @param cuda         whether torch sees a CUDA GPU (adaptation then runs on it)
 */
public record PythonTorch(Path python, String torchVersion, boolean cuda) {

    public String describe() {
        return "PyTorch " + torchVersion + " (" + python + ", " + (cuda ? "CUDA GPU" : "CPU") + ")";
    }
}
