package org.fvstudio.project.io;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One step of the migration chain: rewrites a project tree of {@link #fromVersion()} into the next version. */
interface ProjectMigration {

    int fromVersion();

    /** Rewrites {@code root} in place; {@code root.version} is updated by the caller. */
    void migrate(JsonAt root) throws ProjectFormatException;
}
