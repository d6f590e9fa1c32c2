package org.fvstudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fvstudio.assets.BundledAssets;
import org.fvstudio.ui.StudioApplication;
import org.fvstudio.ui.settings.StudioHome;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Entry point: {@code fvstudio [PROJECT]} opens the studio; sub-commands work without a display. */
@Command(name = "fvstudio", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "FV Studio: free-viewpoint character animation from reference shots and a driving skeleton.%n"
                + "Without a command, opens the studio (on PROJECT, else the bundled sample project).")
public final class FvStudio implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PROJECT", description = "a project bundle (NAME.fvs folder) to open")
    private Path project;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        prepareHome();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FvStudio());
        for (Object subcommand : Subcommands.all()) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    /** Resolves fvstudio.home before logback starts, so the log file lands there. */
    static void prepareHome() {
        System.setProperty(StudioHome.PROPERTY, StudioHome.fromSystem().root().toString());
    }

    @Override
    public Integer call() {
        Optional<Path> toOpen = Optional.ofNullable(project);
        if (toOpen.isPresent() && !Files.isRegularFile(toOpen.get().resolve("project.json"))) {
            spec.commandLine().getErr().println(toOpen.get() + ": not a project bundle (no project.json inside)");
            return 2;
        }
        if (toOpen.isEmpty()) {
            toOpen = BundledAssets.locate().flatMap(BundledAssets::sampleProject);
        }
        StudioApplication.launchStudio(toOpen.orElse(null), Version.full());
        return 0;
    }
}
