package org.fvstudio.inference.adapt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.runtime.DevicePreference;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.project.Project;

/**
 * Runs training/adapt.py for a project in a child process and reads its progress. The trainer exports into a
 * staging folder that it renames into place when complete; a cancel sends it SIGTERM, after which it saves its
 * checkpoint in the request's work folder and writes no pack. The finished pack is opened once (hashes, graph
 * signatures, pipeline contract) before it is reported.
 */
public final class PackAdaptation {

    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_CANCELLED = 3;
    private static final long STOP_GRACE_SECONDS = 120;
    private static final String LOG_FILE = "adapt.log";

    private final PythonTorch torch;
    private final Path trainingRoot;

    public PackAdaptation(PythonTorch torch, Path trainingRoot) {
        this.torch = torch;
        this.trainingRoot = trainingRoot;
    }

    /** Finds PyTorch and the training code; the exception says what is missing and how to install it. */
    public static PackAdaptation locate() throws AdaptationException {
        return new PackAdaptation(TorchProbe.find(), TrainingCode.locate());
    }

    public PythonTorch torch() {
        return torch;
    }

    public AdaptationResult run(Project project, AdaptationRequest request, AdaptationListener listener,
                                BooleanSupplier cancelled)
            throws AdaptationException, AdaptationCancelledException, IOException, InterruptedException {
        Path work = request.workFolder();
        AdaptationShots.write(project, request.bundleDir(), request.useDrivingVideo(), work);
        List<String> command = new ArrayList<>(List.of(torch.python().toString(), "-m", "training.adapt",
                "--base", request.basePack().toAbsolutePath().toString(),
                "--shots", work.resolve(AdaptationShots.FILE_NAME).toAbsolutePath().toString(),
                "--out", request.out().toAbsolutePath().toString(), "--work", work.toAbsolutePath().toString(),
                "--id", request.packId(), "--name", request.packName(), "--progress",
                "--threads", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))));
        command.addAll(request.budget().arguments());
        ProcessBuilder builder = new ProcessBuilder(command).directory(trainingRoot.toFile())
                .redirectError(work.resolve(LOG_FILE).toFile());
        builder.environment().put("PYTHONPATH", trainingRoot.toAbsolutePath().toString());
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process = builder.start();
        AtomicReference<JsonNode> done = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        Thread reader = new Thread(() -> read(process, listener, done, error), "fvstudio-adapt-output");
        reader.setDaemon(true);
        reader.start();
        boolean stopping = false;
        try {
            while (!process.waitFor(250, TimeUnit.MILLISECONDS)) {
                if (!stopping && cancelled.getAsBoolean()) {
                    stopping = true;
                    process.destroy();
                    if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                }
            }
        } catch (InterruptedException e) {
            process.destroy();
            process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            process.destroyForcibly();
            removeStaging(request.out());
            throw e;
        }
        reader.join(10_000);
        int code = process.exitValue();
        if (code == 0 && done.get() != null) {
            return verified(request, done.get());
        }
        removeStaging(request.out());
        if (stopping || code == EXIT_CANCELLED) {
            throw new AdaptationCancelledException(work);
        }
        if (error.get() != null) {
            throw new AdaptationException(error.get());
        }
        throw new AdaptationException("the adaptation trainer stopped with exit code " + code + ": "
                + lastLines(work.resolve(LOG_FILE)));
    }

    private static void read(Process process, AdaptationListener listener, AtomicReference<JsonNode> done,
                             AtomicReference<String> error) {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode e = json.readTree(line);
                switch (e.path("event").asText()) {
                    case "progress" -> listener.progress(e.path("step").asInt(), e.path("fraction").asDouble(),
                            e.path("loss_avg").asDouble(), e.path("eta_s").isNumber()
                                    ? Optional.of(Duration.ofMillis((long) (e.path("eta_s").asDouble() * 1000)))
                                    : Optional.empty());
                    case "preview" -> listener.preview(e.path("step").asInt(), Path.of(e.path("file").asText()),
                            e.path("psnr_db").asDouble());
                    case "done" -> done.set(e);
                    case "error" -> error.set(e.path("message").asText());
                    default -> { }
                }
            }
        } catch (IOException e) {
            // the process ended; its exit code tells what happened
        }
    }

    private static AdaptationResult verified(AdaptationRequest request, JsonNode done) throws AdaptationException {
        Path pack = request.out();
        try (ModelPack opened = ModelPack.open(pack, SessionSettings.defaults().withDevice(DevicePreference.CPU))) {
            return new AdaptationResult(pack, opened.manifest().id(), done.path("steps").asInt(),
                    done.path("preview_psnr_db").asDouble());
        } catch (ModelLoadException e) {
            throw new AdaptationException("the adapted pack " + pack + " fails the pack checks: " + e.getMessage(), e);
        }
    }

    /** Staging folders of an export that did not finish (a forced stop): never a pack, so removed. */
    private static void removeStaging(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(".adapt-")).toList()) {
                org.fvstudio.project.io.TemporaryFiles.deleteTree(d);
            }
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
