package org.fvstudio.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code fvstudio bench pipeline|scrub|extract|export|pck|memory|farm}: the benchmarks the issues ask for, figures printed, never
 * asserted. Every sub-command prints the machine, the date and the load average beside its figures, because the
 * figures mean little without them on a shared machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks with printed figures (nothing asserted).",
        subcommands = {BenchPipelineCommand.class, BenchScrubCommand.class, BenchExtractCommand.class, BenchExportCommand.class,
            BenchPckCommand.class, BenchMemoryCommand.class, BenchFarmCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:figures printed", "1:the benchmark could not run (message says why)", "2:invalid options"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a sub-command there is nothing to measure: the usage says which ones exist. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("fvstudio bench: name a benchmark: pipeline, scrub, extract, export, pck, memory or farm");
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
