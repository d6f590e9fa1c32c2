package org.fvstudio.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Issue 20 item 8: Java's file-system exceptions whose message is the path alone, said with the problem. */
class FileProblemsTest {

    @Test
    void aFolderThatCannotBeMadeSaysWhy() {
        // mkdir in /proc fails with ENOENT, which Java reports as the path alone
        Path impossible = Path.of("/proc/self/fvstudio-frames");
        NoSuchFileException e = org.assertj.core.api.Assertions.catchThrowableOfType(NoSuchFileException.class,
                () -> Files.createDirectories(impossible));

        assertThat(e.getMessage()).isEqualTo(impossible.toString());
        assertThat(FileProblems.describe(e)).isEqualTo(impossible + ": no such file or folder");
    }

    @Test
    void theCommonKindsWithoutAReasonGetOne() {
        assertThat(FileProblems.describe(new AccessDeniedException("/srv/share/project.json")))
                .isEqualTo("/srv/share/project.json: permission denied");
        assertThat(FileProblems.reason(new NoSuchFileException("/media/card/take.mp4")))
                .isEqualTo("no such file or folder");
        assertThat(FileProblems.describe(new FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("/x: Read-only file system");
    }
}
