package org.fvstudio.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fvstudio.inference.adapt.AdaptationBudget;
import org.fvstudio.inference.adapt.AdaptationCancelledException;
import org.fvstudio.inference.adapt.AdaptationException;
import org.fvstudio.inference.adapt.AdaptationListener;
import org.fvstudio.inference.adapt.AdaptationRequest;
import org.fvstudio.inference.adapt.AdaptationResult;
import org.fvstudio.inference.adapt.PackAdaptation;
import org.fvstudio.inference.pack.PackException;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fvstudio adapt PROJECT --minutes N [--steps N] [--base PACK] [--out DIR] [--driving-video] [--use]}: the
 * studio's Generate ▸ Adapt pack to this character… on the command line. Needs PyTorch (training/adapt.py).
 */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = "Adapt a model pack to the project's character (fine-tunes on its reference shots; needs PyTorch).")
public final class AdaptCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT", description = "project bundle folder (NAME.fvs)")
    Path projectDir;

    @Option(names = "--minutes", description = "training time, wall-clock minutes")
    Double minutes;

    @Option(names = "--steps", description = "training steps (with --minutes: whichever ends first)")
    Integer steps;

    @Option(names = "--base", paramLabel = "PACK", description = "pack to start from, folder or id (default: the project's pack)")
    String base;

    @Option(names = "--out", paramLabel = "DIR", description = "folder of the new pack (default: PROJECT/packs/<id>)")
    Path out;

    @Option(names = "--driving-video", description = "also learn from frames of the project's driving video")
    boolean drivingVideo;

    @Option(names = "--use", description = "make the new pack the project's pack (saves the project)")
    boolean use;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public AdaptCommand() {
        this(System.out, System.err);
    }

    AdaptCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        ProjectBundle bundle;
        try {
            bundle = ProjectBundle.open(projectDir);
        } catch (IOException | ProjectFormatException e) {
            stderr.println("fvstudio adapt: cannot open project " + projectDir + ": " + e.getMessage());
            return 2;
        }
        Project project = bundle.project();
        AdaptationRequest request;
        PackAdaptation adaptation;
        try {
            AdaptationBudget budget = new AdaptationBudget(steps, minutes);
            Path basePack = CliSupport.resolvePack(base, project.generation().packId(), bundle.dir());
            request = AdaptationRequest.forProject(project, bundle.dir(), basePack, budget, drivingVideo, out);
            adaptation = PackAdaptation.locate();
        } catch (IllegalArgumentException | PackException | AdaptationException e) {
            stderr.println("fvstudio adapt: " + e.getMessage());
            return 2;
        }
        stderr.println("fvstudio adapt: " + project.name() + " from " + request.basePack() + " for "
                + request.budget().describe() + " with " + adaptation.torch().describe());
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread hook = new Thread(() -> interrupted.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            AdaptationResult result = adaptation.run(project, request, progress(), interrupted::get);
            stdout.printf("adapted pack %s: %s (%d steps, held-out reference %.2f dB)%n", result.packId(),
                    result.pack(), result.steps(), result.previewPsnrDb());
            if (use) {
                GenerationSettings g = project.generation();
                bundle.save(project.withGeneration(new GenerationSettings(result.packId(), g.device(), g.steps(),
                        g.guidance(), g.seed(), g.tokenBudget(), g.referencesUsed())));
                stdout.println("the project now generates with " + result.packId());
            }
            return 0;
        } catch (AdaptationCancelledException e) {
            stderr.println("fvstudio adapt: " + e.getMessage());
            return 3;
        } catch (AdaptationException | IOException e) {
            stderr.println("fvstudio adapt: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("fvstudio adapt: interrupted");
            return 3;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
    }

    private AdaptationListener progress() {
        return new AdaptationListener() {
            private int shown = -1;

            @Override
            public void progress(int step, double fraction, double loss, Optional<java.time.Duration> eta) {
                int percent = (int) Math.floor(fraction * 100);
                if (percent != shown) {
                    shown = percent;
                    stderr.printf("\r%3d%% · step %d · loss %.4f%s", percent, step, loss,
                            eta.map(d -> String.format(" · ETA %d:%02d", d.toMinutes(), d.toSecondsPart())).orElse(""));
                }
            }

            @Override
            public void preview(int step, Path picture, double psnrDb) {
                stderr.printf("%npreview at step %d: held-out reference %.2f dB (%s)%n", step, psnrDb, picture);
            }
        };
    }
}
