package org.fvstudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fvstudio.inference.pack.GraphDecl;
import org.fvstudio.inference.pack.ManifestReader;
import org.fvstudio.inference.pack.ModelPack;
import org.fvstudio.inference.pack.OnnxParameterCount;
import org.fvstudio.inference.pack.PackManifest;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.ModelSession;
import org.fvstudio.inference.runtime.TensorSpec;
import org.fvstudio.inference.selection.BankSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fvstudio info PACK}: manifest, graph signatures, parameter counts and devices of a model pack. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model pack's manifest, graph signatures, parameter counts and the device of each graph.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PACK", description = "pack folder or bundled pack id (e.g. fvs-tiny)")
    String pack;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda (default: ${DEFAULT-VALUE})")
    String device;

    @Override
    public Integer call() {
        try {
            Path folder = CliSupport.resolvePack(pack, null);
            try (ModelPack p = ModelPack.open(folder, CliSupport.settings(device, 0))) {
                print(p);
            }
            return 0;
        } catch (ModelLoadException | IllegalArgumentException e) {
            System.err.println("fvstudio info: " + e.getMessage());
            return 1;
        }
    }

    private static void print(ModelPack p) {
        PackManifest m = p.manifest();
        System.out.println("pack        " + m.id() + " - " + m.name() + " (" + m.license() + ")");
        System.out.println("folder      " + p.folder().toAbsolutePath());
        System.out.println("resolution  " + m.width() + "x" + m.height() + ", latent " + m.latent().type() + " "
                + m.latent().channels() + "x" + m.latent().height() + "x" + m.latent().width());
        System.out.println("pose map    " + m.poseMap().width() + "x" + m.poseMap().height() + " " + m.poseMap().parts());
        System.out.println("correlation " + m.correlationH() + "x" + m.correlationW());
        for (BankSpec b : m.banks()) {
            System.out.println("bank        " + b.name() + " " + b.gridH() + "x" + b.gridW() + "x" + b.channels() + ", top-K " + b.topK());
        }
        System.out.println("selection   align_corners=" + m.selection().alignCorners() + " softmax=" + m.selection().softmax()
                + " weight=" + m.selection().weighting());
        var sc = m.scheduler().config();
        System.out.println("scheduler   " + m.scheduler().type() + ", " + sc.predictionType().jsonName() + ", "
                + sc.spacing().jsonName() + ", " + sc.betaSchedule().jsonName() + " " + sc.betaStart() + ".." + sc.betaEnd()
                + (sc.rescaleZeroSnr() ? ", zero-SNR" : "") + ", default " + m.scheduler().defaultSteps() + " steps");
        System.out.println("guidance    " + m.guidance().defaultScale() + " (" + m.guidance().unconditional() + ")");
        System.out.println("context     " + m.context().frames() + " frame(s), overlap " + m.context().overlap());
        for (String role : PackManifest.KNOWN_GRAPHS) {
            GraphDecl g = m.graphs().get(role);
            if (g == null) {
                System.out.println("\n" + role + ": not in this pack (stage off)");
                continue;
            }
            ModelSession s = p.session(role).orElseThrow();
            Path file = s.file();
            String params;
            try {
                params = String.format("%,d", OnnxParameterCount.of(file));
            } catch (java.io.IOException e) {
                params = "unknown (" + e.getMessage() + ")";
            }
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (java.io.IOException e) {
                bytes = -1;
            }
            String precision = g.fp16File().isEmpty() ? "" : file.getFileName().toString().equals(g.fp16File().get())
                    ? " [float16 variant]" : " [float32; float16 variant " + g.fp16File().get() + " only on CUDA]";
            System.out.printf("%n%s: %s%s, %s parameters, %.1f MB, runs on %s (%s)%n", role, file.getFileName(), precision,
                    params, bytes / 1e6, s.device(), s.deviceNote());
            for (TensorSpec t : s.signature().inputs()) {
                System.out.println("  in   " + t.name() + " " + t.describeTypeAndShape());
            }
            for (TensorSpec t : s.signature().outputs()) {
                System.out.println("  out  " + t.name() + " " + t.describeTypeAndShape());
            }
        }
        System.out.println("\nfiles (SHA-256 verified)");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.files()).entrySet()) {
            System.out.println("  " + e.getValue() + "  " + e.getKey());
        }
        System.out.println("  (" + ManifestReader.FILE_NAME + " itself is not hashed)");
    }
}
