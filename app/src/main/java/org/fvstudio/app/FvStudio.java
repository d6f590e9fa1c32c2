package org.fvstudio.app;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.fvstudio.app.desktop.DesktopLauncher;
import org.fvstudio.app.desktop.DesktopRequirements;
import org.fvstudio.input.FileKinds;
import org.fvstudio.input.FileProblems;
import org.fvstudio.ui.StudioApplication;
import org.fvstudio.ui.settings.StudioHome;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Entry point: {@code fvstudio [PROJECT]} opens the studio; sub-commands work without a display. */
@Command(name = "fvstudio", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "FV Studio: free-viewpoint character animation from reference shots and a driving skeleton.%n"
                + "Without a command, opens the studio (on PROJECT, else your copy of the bundled sample project).")
public final class FvStudio implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "PROJECT", description = "a project bundle (NAME.fvs folder) to open")
    private Path project;

    @Option(names = "--smoke", description = "installation check without a display: generate frame 0 of the "
            + "bundled sample project on the CPU into --out, then exit")
    private boolean smoke;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder of --smoke (default: a temporary folder)")
    private Path smokeOut;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        prepareHome();
        routeJavaUtilLogging();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FvStudio());
        for (Object subcommand : Subcommands.all()) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setExecutionExceptionHandler(FvStudio::lastResort);
        return commandLine;
    }

    /**
     * Whatever a command did not expect becomes one line for the user and a trace in the log, never a stack
     * trace on the terminal; a bad argument found late still counts as a usage error (2).
     */
    private static int lastResort(Exception problem, CommandLine command, CommandLine.ParseResult parsed) {
        // Not a static logger: logback must start only after main has chosen fvstudio.home.
        LoggerFactory.getLogger(FvStudio.class).error("{} failed", command.getCommandName(), problem);
        String name = command.getCommandName().equals("fvstudio") ? "fvstudio" : "fvstudio " + command.getCommandName();
        String reason = problem instanceof java.io.IOException io ? FileProblems.describe(io)
                : problem.getMessage() != null ? problem.getMessage() : problem.getClass().getSimpleName();
        command.getErr().println(name + ": " + reason + " (details in "
                + StudioHome.fromSystem().logsFolder().resolve("fvstudio.log") + ")");
        command.getErr().flush();
        return problem instanceof IllegalArgumentException ? 2 : 1;
    }

    /**
     * Resolves fvstudio.home before logback starts, so the log file lands there, and points the native
     * library caches (JavaCPP, JavaFX, JNA) into it unless the launcher already chose folders: a packaged
     * build must not scatter caches over the user's home.
     */
    static void prepareHome() {
        Path home = StudioHome.fromSystem().root();
        System.setProperty(StudioHome.PROPERTY, home.toString());
        Path cache = home.resolve("cache");
        setIfAbsent("org.bytedeco.javacpp.cachedir", cache.resolve("javacpp"));
        setIfAbsent("javafx.cachedir", cache.resolve("openjfx"));
        setIfAbsent("jna.tmpdir", cache.resolve("jna"));
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /**
     * JavaFX reports through java.util.logging, which prints to the terminal; its messages belong in the log
     * file with everything else (logback.xml keeps the toolkit's own chatter off the console).
     */
    static void routeJavaUtilLogging() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static void setIfAbsent(String property, Path folder) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, folder.toString());
        }
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (smoke) {
            Path out = smokeOut != null ? smokeOut : Files.createTempDirectory("fvstudio-smoke");
            return SmokeRun.run(out, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        Optional<Path> toOpen = Optional.ofNullable(project);
        if (toOpen.isPresent() && !Files.isRegularFile(toOpen.get().resolve("project.json"))) {
            Path file = toOpen.get().resolve("project.json");
            spec.commandLine().getErr().println(toOpen.get() + ": not a project bundle ("
                    + (Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "its project.json is " + FileKinds.describe(file)
                    : "no project.json inside") + ")");
            return 2;
        }
        // Without PROJECT the studio opens the user's copy of the bundled sample, never the bundle itself.
        return new DesktopLauncher(DesktopRequirements.ofThisMachine(), spec.commandLine().getErr())
                .launch(() -> StudioApplication.launchStudio(toOpen.orElse(null), Version.full()));
    }
}
