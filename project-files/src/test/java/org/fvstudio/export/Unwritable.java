package org.fvstudio.export;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Read-only folders for tests; skipped (with the reason) where the user bypasses permissions, as root does. */
final class Unwritable {

    private Unwritable() {
    }

    static void makeReadOnly(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean bypassed = canCreateIn(folder);
        if (bypassed) {
            restore(folder);
        }
        assumeFalse(bypassed, "this user can write into read-only folders (root?), so permission errors cannot be provoked");
    }

    static void restore(Path folder) throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
