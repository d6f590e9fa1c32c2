package org.fvstudio.app;

import java.util.List;

import org.fvstudio.app.cli.AdaptCommand;
import org.fvstudio.app.cli.AssembleCommand;
import org.fvstudio.app.cli.BenchCommand;
import org.fvstudio.app.cli.CoverageCommand;
import org.fvstudio.app.cli.ExtractCommand;
import org.fvstudio.app.cli.FarmCommand;
import org.fvstudio.app.cli.InfoCommand;
import org.fvstudio.app.cli.RenderCommand;
import org.fvstudio.app.cli.RetargetCommand;

/**
 * The one place where the command line's sub-commands are registered.
 */
final class Subcommands {

    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(new RenderCommand(), new AssembleCommand(), new FarmCommand(), new InfoCommand(), new ExtractCommand(),
                new AdaptCommand(), new BenchCommand(), new RetargetCommand(), new CoverageCommand());
    }
}
