package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20 items 3 and 4: backups made atomically, temporaries of killed saves swept, file modes kept. */
class AtomicFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void aReplacedFileKeepsItsModeAndANewFileGetsTheUmaskMode() throws Exception {
        Path shared = dir.resolve("project.json");
        Files.writeString(shared, "{}");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFileWriter.replace(shared, "{\"v\": 2}".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r-----");
        assertThat(Files.readString(shared)).isEqualTo("{\"v\": 2}");

        Path probe = Files.createFile(dir.resolve("probe"));
        Path fresh = dir.resolve("new.json");
        AtomicFileWriter.replace(fresh, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(fresh)).as("what a plain new file gets here")
                .isEqualTo(Files.getPosixFilePermissions(probe));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isNotEqualTo("rw-------");
    }

    @Test
    void theBackupHoldsThePreviousVersionWholeAndNothingTemporaryRemains() throws Exception {
        Path file = dir.resolve("project.json");
        Path backup = dir.resolve("project.json.bak");
        AtomicFileWriter.DEFAULT.write(file, bytes("first"), backup);
        AtomicFileWriter.DEFAULT.write(file, bytes("second"), backup);
        AtomicFileWriter.DEFAULT.write(file, bytes("third"), backup);

        assertThat(Files.readString(file)).isEqualTo("third");
        assertThat(Files.readString(backup)).isEqualTo("second");
        assertThat(names()).containsExactlyInAnyOrder("project.json", "project.json.bak");
    }

    @Test
    void temporariesLeftByAKilledSaveAreSweptButARunningOnesIsNot() throws Exception {
        Path file = dir.resolve("project.json");
        Path killed = Files.writeString(dir.resolve("project.json.8f3k2.tmp"), "half a proj");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(AtomicFileWriter.STALE_AFTER).minusSeconds(5)));
        Path killedBackup = Files.writeString(dir.resolve("project.json.bak.77x.tmp"), "");
        Files.setLastModifiedTime(killedBackup, FileTime.from(Instant.now().minusSeconds(3600)));
        Path running = Files.writeString(dir.resolve("project.json.99a.tmp"), "being written");
        Path someoneElses = Files.writeString(dir.resolve("notes.txt.tmp"), "not ours");
        Files.setLastModifiedTime(someoneElses, FileTime.from(Instant.now().minusSeconds(3600)));

        AtomicFileWriter.DEFAULT.write(file, bytes("saved"), dir.resolve("project.json.bak"));
        AtomicFileWriter.DEFAULT.write(file, bytes("saved again"), dir.resolve("project.json.bak"));

        assertThat(killed).doesNotExist();
        assertThat(killedBackup).doesNotExist();
        assertThat(running).as("a temporary younger than a minute may belong to a save in progress").exists();
        assertThat(someoneElses).exists();
        assertThat(Files.readString(file)).isEqualTo("saved again");
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
