package org.fvstudio.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.fvstudio.ui.document.ProjectLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 item 7: an untitled project's export is proposed where the user looks, never in ~/.fvstudio. */
class ExportFoldersTest {

    @TempDir
    Path temp;

    @Test
    void untitledProjectsExportToTheLastFolderElseVideosElseHome() throws Exception {
        Path user = Files.createDirectories(temp.resolve("user"));
        ProjectLocation scratch = ProjectLocation.scratch(user.resolve(".fvstudio/untitled/Untitled-1.fvs"));

        assertThat(ExportFolders.suggest(scratch, Optional.empty(), user)).isEqualTo(user);
        Path videos = Files.createDirectories(user.resolve("Videos"));
        assertThat(ExportFolders.suggest(scratch, Optional.empty(), user)).isEqualTo(videos);
        Path last = Files.createDirectories(temp.resolve("renders"));
        assertThat(ExportFolders.suggest(scratch, Optional.of(last), user)).isEqualTo(last);
        assertThat(ExportFolders.suggest(scratch, Optional.of(temp.resolve("gone")), user)).isEqualTo(videos);
    }

    @Test
    void savedProjectsExportBesideTheirBundle() {
        Path bundle = temp.resolve("projects/Walk.fvs");
        assertThat(ExportFolders.suggest(ProjectLocation.saved(bundle), Optional.of(temp), temp.resolve("user")))
                .isEqualTo(bundle.getParent());
    }
}
