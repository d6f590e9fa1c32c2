package org.fvstudio.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentProjectsTest {

    @TempDir
    Path temp;

    private Path project(String name) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name + ".fvs"));
        Files.writeString(folder.resolve("project.json"), "{}");
        return folder;
    }

    @Test
    void newestFirstWithoutDuplicatesAndPersisted() throws IOException {
        Path file = temp.resolve("home/recent.json");
        RecentProjects recent = RecentProjects.load(file);
        Path a = project("A");
        Path b = project("B");
        recent.add(a);
        recent.add(b);
        recent.add(a);

        assertThat(recent.entries()).containsExactly(a, b);
        assertThat(RecentProjects.load(file).entries()).containsExactly(a, b);
    }

    @Test
    void keepsAtMostTheLimit() throws IOException {
        RecentProjects recent = RecentProjects.load(temp.resolve("recent.json"));
        for (int i = 0; i < RecentProjects.LIMIT + 3; i++) {
            recent.add(project("P" + i));
        }
        assertThat(recent.entries()).hasSize(RecentProjects.LIMIT);
        assertThat(recent.entries().get(0).getFileName().toString()).isEqualTo("P" + (RecentProjects.LIMIT + 2) + ".fvs");
    }

    @Test
    void projectsThatNoLongerExistAreNotOffered() throws IOException {
        RecentProjects recent = RecentProjects.load(temp.resolve("recent.json"));
        Path kept = project("Kept");
        Path gone = project("Gone");
        recent.add(kept);
        recent.add(gone);
        Files.delete(gone.resolve("project.json"));

        assertThat(recent.existingEntries()).containsExactly(kept);
    }

    @Test
    void aDamagedListIsTreatedAsEmpty() throws IOException {
        Path file = temp.resolve("recent.json");
        Files.writeString(file, "{ this is not json");

        RecentProjects recent = RecentProjects.load(file);

        assertThat(recent.entries()).isEmpty();
        recent.add(project("After"));
        assertThat(RecentProjects.load(file).entries()).hasSize(1);
    }
}
