package org.fvstudio.inference.adapt;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Looks for a Python that imports PyTorch (and onnx and OpenCV, which the exporter and the image reading need):
 * {@code $FVSTUDIO_PYTHON} (or {@code -Dfvstudio.python}) alone when it is set, otherwise every {@code python3} on
 * the PATH in order (a newer torch installed there wins over the system one), then {@code /usr/bin/python3}
 * (Debian's python3-torch). Nothing is downloaded or installed.
 */
public final class TorchProbe {

    /** How to get PyTorch, as the studio and {@code fvstudio adapt} say it. */
    public static final String INSTALL_HINT = "Install it with: sudo apt install python3-torch python3-onnx "
            + "python3-opencv (Debian, Ubuntu), or put a python3 that has torch, onnx and opencv first on the PATH, "
            + "or name one with FVSTUDIO_PYTHON=/path/to/python3.";

    private static final String PROBE = "import torch, onnx, cv2; print(torch.__version__); print(torch.cuda.is_available())";
    private static final long TIMEOUT_SECONDS = 120;

    private TorchProbe() {
    }

    /** The first candidate that imports torch, onnx and cv2; the exception says what each candidate lacks. */
    public static PythonTorch find() throws AdaptationException {
        return find(candidates());
    }

    public static PythonTorch find(List<Path> candidates) throws AdaptationException {
        List<String> tried = new ArrayList<>();
        for (Path python : candidates) {
            if (!Files.isExecutable(python)) {
                tried.add(python + ": not found");
                continue;
            }
            ProbeResult r = probe(python);
            if (r.torch != null) {
                return r.torch;
            }
            tried.add(python + ": " + r.problem);
        }
        throw new AdaptationException("Adapting a pack needs PyTorch (with onnx and opencv) in a python3, and none was found ("
                + (tried.isEmpty() ? "no python3 on the PATH" : String.join("; ", tried)) + "). " + INSTALL_HINT);
    }

    /** The named python alone when one is named (the user chose it), else the PATH's and the system's. */
    static List<Path> candidates() {
        String named = System.getProperty("fvstudio.python", System.getenv("FVSTUDIO_PYTHON"));
        if (named != null && !named.isBlank()) {
            return List.of(Path.of(named));
        }
        Set<Path> out = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "python3"))) {
                    out.add(Path.of(dir, "python3"));
                }
            }
        }
        out.add(Path.of("/usr/bin/python3"));
        return new ArrayList<>(out);
    }

    private record ProbeResult(PythonTorch torch, String problem) {
    }

    private static ProbeResult probe(Path python) {
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", PROBE).redirectErrorStream(true).start();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ProbeResult(null, "did not answer within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                return new ProbeResult(null, lastLine(out));
            }
            String[] lines = out.split("\\R");
            if (lines.length < 2) {
                return new ProbeResult(null, "unexpected answer '" + out + "'");
            }
            return new ProbeResult(new PythonTorch(python, lines[lines.length - 2].strip(),
                    "True".equals(lines[lines.length - 1].strip())), null);
        } catch (IOException e) {
            return new ProbeResult(null, "cannot be started (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(null, "interrupted");
        }
    }

    /** The import error Python printed last, e.g. "ModuleNotFoundError: No module named 'torch'". */
    private static String lastLine(String out) {
        String[] lines = out.split("\\R");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "exited with an error" : lines[lines.length - 1].strip();
    }
}
