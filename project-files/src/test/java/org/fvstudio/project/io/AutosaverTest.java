package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.fvstudio.project.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaverTest {

    @TempDir
    Path temp;

    @Test
    void writesTheCurrentProjectOnItsScheduleWhileDirty() throws Exception {
        ProjectBundle bundle = ProjectBundle.create(temp.resolve("Sched.fvs"), Project.createNew("Sched"));
        Project edited = Project.createNew("Sched").withTiming(30, 90);
        CountDownLatch saved = new CountDownLatch(1);
        Autosaver autosaver = new Autosaver(bundle, () -> edited, () -> true, Duration.ofMillis(50),
                p -> saved.countDown(), e -> { });
        try {
            assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            autosaver.close();
        }
        assertThat(ProjectJson.fromBytes(Files.readAllBytes(bundle.autosaveFile()), "project.autosave.json", bundle.referencesDir()))
                .isEqualTo(edited);
        assertThat(ProjectBundle.open(bundle.dir()).project().frameCount()).isEqualTo(Project.DEFAULT_FRAME_COUNT);
    }

    @Test
    void writesNothingWhenCleanAndNothingTwiceForTheSameProject() throws Exception {
        ProjectBundle bundle = ProjectBundle.create(temp.resolve("Ticks.fvs"), Project.createNew("Ticks"));
        AtomicBoolean dirty = new AtomicBoolean(false);
        AtomicReference<Project> current = new AtomicReference<>(Project.createNew("Ticks").withName("One"));
        AtomicInteger writes = new AtomicInteger();
        try (Autosaver autosaver = new Autosaver(bundle, current::get, dirty::get, Duration.ofHours(1),
                p -> writes.incrementAndGet(), e -> { })) {
            autosaver.tick();
            assertThat(bundle.autosaveFile()).doesNotExist();

            dirty.set(true);
            autosaver.tick();
            autosaver.tick();
            assertThat(writes).hasValue(1);

            current.set(current.get().withName("Two"));
            autosaver.tick();
            assertThat(writes).hasValue(2);
        }
        assertThat(Files.readString(bundle.autosaveFile())).contains("\"name\" : \"Two\"");
    }

    @Test
    void reportsAFailedWriteAndKeepsGoing() throws Exception {
        ProjectBundle bundle = ProjectBundle.create(temp.resolve("Fail.fvs"), Project.createNew("Fail"));
        Files.createDirectories(bundle.autosaveFile().resolve("blocker"));
        AtomicReference<IOException> error = new AtomicReference<>();
        try (Autosaver autosaver = new Autosaver(bundle, () -> Project.createNew("Fail"), () -> true, Duration.ofHours(1),
                p -> { }, error::set)) {
            autosaver.tick();
            assertThat(error.get()).isNotNull();
            Files.delete(bundle.autosaveFile().resolve("blocker"));
            Files.delete(bundle.autosaveFile());
            autosaver.tick();
        }
        assertThat(bundle.autosaveFile()).isRegularFile();
    }
}
