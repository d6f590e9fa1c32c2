package org.fvstudio.app;

import java.util.List;

/**
 * The one place where the command line's sub-commands are registered. Later issues add
 * {@code render}, {@code info}, {@code extract} and {@code bench} here.
 */
final class Subcommands {

    private Subcommands() {
    }

    static List<Object> all() {
        return List.of();
    }
}
