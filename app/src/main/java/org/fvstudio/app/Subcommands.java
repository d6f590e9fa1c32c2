package org.fvstudio.app;

import java.util.List;

import org.fvstudio.app.cli.ExtractCommand;

/**
 * The one place where the command line's sub-commands are registered.
 */
final class Subcommands {

    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(new ExtractCommand());
    }
}
