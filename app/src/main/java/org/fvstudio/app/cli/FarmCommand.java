package org.fvstudio.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fvstudio.app.farm.FarmJob;
import org.fvstudio.app.farm.FarmYaml;
import org.fvstudio.app.farm.KubernetesJobs;
import org.fvstudio.app.farm.OpenJdTemplate;
import org.fvstudio.project.io.ProjectFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fvstudio farm openjd|k8s}: job descriptions for the engines studios run, so that they render a project in
 * chunks with {@code fvstudio render} and assemble the video (docs/farm.md).
 */
@Command(name = "farm", mixinStandardHelpOptions = true,
        description = "Write job descriptions that render a project on a farm (Open Job Description, Kubernetes).",
        subcommands = {FarmCommand.OpenJd.class, FarmCommand.Kubernetes.class})
public final class FarmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("fvstudio farm: name an engine: openjd or k8s");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Runs {@code write} with the job; bad options and unreadable projects are usage errors. */
    private static int writing(String name, FarmJobOptions options, GenerationArgs generation, JobWriter write) {
        try {
            FarmJob job = options.job(generation);
            Files.createDirectories(options.to);
            write.write(job, options.to);
            return ExitCodes.OK;
        } catch (IllegalArgumentException | ProjectFormatException e) {
            System.err.println("fvstudio farm " + name + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            System.err.println("fvstudio farm " + name + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    @FunctionalInterface
    private interface JobWriter {
        void write(FarmJob job, Path to) throws IOException;
    }

    @Command(name = "openjd", mixinStandardHelpOptions = true,
            description = "Write an Open Job Description job bundle (template.yaml, specification 2023-09 with TASK_CHUNKING).")
    static final class OpenJd implements Callable<Integer> {

        @Mixin
        FarmJobOptions options;

        @Mixin
        GenerationArgs generation;

        @Override
        public Integer call() {
            return writing("openjd", options, generation, (job, to) -> {
                Path template = to.resolve("template.yaml");
                FarmYaml.write(template, "Open Job Description job template (" + OpenJdTemplate.SPECIFICATION
                        + ", extension TASK_CHUNKING) written by fvstudio farm openjd", OpenJdTemplate.of(job));
                System.err.println("wrote " + template + ": " + job.frameCount() + " frames (" + job.frames() + ") in "
                        + job.chunkCount() + " chunks of up to " + job.chunkSize() + ", then Assemble to " + job.video());
            });
        }
    }

    @Command(name = "k8s", mixinStandardHelpOptions = true,
            description = "Write a Kubernetes Indexed Job (one pod per chunk) and the Job that assembles the video.")
    static final class Kubernetes implements Callable<Integer> {

        @Mixin
        FarmJobOptions options;

        @Mixin
        GenerationArgs generation;

        @Option(names = "--image", required = true, description = "container image with fvstudio (see docs/farm.md)")
        String image;

        @Option(names = "--claim", defaultValue = "fvstudio-farm",
                description = "PersistentVolumeClaim holding the project and the output (default: ${DEFAULT-VALUE})")
        String claim;

        @Option(names = "--mount", paramLabel = "DIR",
                description = "where the claim is mounted, the same path as here (default: the project's parent folder)")
        Path mount;

        @Option(names = "--parallelism", defaultValue = "4", description = "pods at once (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Override
        public Integer call() {
            if (parallelism < 1) {
                System.err.println("fvstudio farm k8s: --parallelism must be at least 1, got " + parallelism);
                return ExitCodes.USAGE;
            }
            return writing("k8s", options, generation, (job, to) -> {
                String at = (mount != null ? mount.toAbsolutePath().normalize() : job.project().getParent()).toString();
                if (!job.project().startsWith(at) || !job.out().startsWith(at) || !job.video().startsWith(at)) {
                    throw new IllegalArgumentException("--mount " + at + " must hold the project, --out and --mp4");
                }
                Path render = to.resolve("render-job.yaml");
                Path assemble = to.resolve("assemble-job.yaml");
                FarmYaml.write(render, "Kubernetes Indexed Job written by fvstudio farm k8s: one pod per chunk",
                        KubernetesJobs.renderJob(job, image, claim, at, parallelism));
                FarmYaml.write(assemble, "Kubernetes Job written by fvstudio farm k8s: apply once "
                        + KubernetesJobs.renderName(job) + " is complete", KubernetesJobs.assembleJob(job, image, claim, at));
                System.err.println("wrote " + render + " (" + job.chunkCount() + " completions of up to " + job.chunkSize()
                        + " frames) and " + assemble + "; run:\n  kubectl apply -f " + render + "\n  kubectl wait --for=condition=complete"
                        + " --timeout=24h job/" + KubernetesJobs.renderName(job) + "\n  kubectl apply -f " + assemble);
            });
        }
    }
}
