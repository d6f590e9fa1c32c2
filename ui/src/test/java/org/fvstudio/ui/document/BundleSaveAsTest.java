package org.fvstudio.ui.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.fvstudio.pose.Pose;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.ui.StudioFixture;
import org.fvstudio.ui.document.ProjectStorage.SaveAsReport;
import org.fvstudio.ui.studio.FxTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 item 7: Save of an untitled project renames its bundle; Save As of a saved one copies and says so. */
class BundleSaveAsTest {

    private static final int CACHE_BYTES = 3 << 20;

    @TempDir
    Path temp;

    private Path source;
    private Project project;
    private long folderBytes;

    /** A bundle with a real reference image and a render cache of 3 MB of incompressible bytes. */
    @BeforeEach
    void bundleWithACache() throws Exception {
        BundleProjectStorage storage = new BundleProjectStorage();
        source = temp.resolve("home/untitled/Untitled-1.fvs");
        Path image = FxTestSupport.copyResource("images/astronaut.png", temp.resolve("in"));
        ProjectStorage.ImportedImage imported = storage.importReferenceImage(source, image);
        project = Project.createNew("Walk").withReferences(List.of(new ReferenceShot("ref-1", "Astronaut",
                imported.fileName(), Pose.empty(imported.width(), imported.height()), ShotScale.MEDIUM, true, "")));
        storage.save(source, project);
        byte[] noise = new byte[CACHE_BYTES];
        new Random(7).nextBytes(noise);
        Path entry = Files.createDirectories(source.resolve("cache/entries/abc"));
        Files.write(entry.resolve("frame.png"), noise);
        folderBytes = Files.size(entry.resolve("frame.png")) + Files.size(source.resolve("references/" + imported.fileName()));
    }

    @Test
    void anUntitledBundleIsRenamedNotCopied() throws Exception {
        Object cacheFile = Files.readAttributes(source.resolve("cache/entries/abc/frame.png"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        List<long[]> progress = new ArrayList<>();
        Path target = temp.resolve("projects/Walk.fvs");
        Files.createDirectories(target); // the save dialog may have made the folder already

        SaveAsReport report = new BundleProjectStorage().saveAs(source, target, project, true,
                (done, total) -> progress.add(new long[] {done, total}));

        assertThat(report).isEqualTo(new SaveAsReport(true, 0));
        assertThat(progress).isEmpty();
        assertThat(source).doesNotExist();
        // The same file, not a copy of it.
        assertThat(Files.readAttributes(target.resolve("cache/entries/abc/frame.png"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(cacheFile);
        assertThat(new BundleProjectStorage().load(target)).isEqualTo(project);
    }

    @Test
    void saveAsOfASavedBundleCopiesWithProgressInBytes() throws Exception {
        var before = StudioFixture.fingerprint(source);
        List<long[]> progress = new ArrayList<>();
        Path target = temp.resolve("projects/Walk copy.fvs");

        SaveAsReport report = new BundleProjectStorage().saveAs(source, target, project.withName("Walk copy"), false,
                (done, total) -> progress.add(new long[] {done, total}));

        assertThat(report).isEqualTo(new SaveAsReport(false, folderBytes));
        assertThat(progress).hasSizeGreaterThan(3).allSatisfy(p -> assertThat(p[1]).isEqualTo(folderBytes));
        assertThat(progress.get(0)[0]).isZero();
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(folderBytes);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
        }
        assertThat(StudioFixture.fingerprint(source)).isEqualTo(before);
        assertThat(Files.mismatch(source.resolve("cache/entries/abc/frame.png"),
                target.resolve("cache/entries/abc/frame.png"))).isEqualTo(-1L);
        assertThat(new BundleProjectStorage().load(target).name()).isEqualTo("Walk copy");
    }

    @Test
    void onAnotherDiskTheUntitledBundleIsCopiedWithProgress() throws Exception {
        BundleProjectStorage otherDisk = new BundleProjectStorage((from, to) -> {
            throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "Invalid cross-device link");
        });
        List<long[]> progress = new ArrayList<>();
        Path target = temp.resolve("projects/Walk.fvs");
        Files.createDirectories(target);

        SaveAsReport report = otherDisk.saveAs(source, target, project, true,
                (done, total) -> progress.add(new long[] {done, total}));

        assertThat(report).isEqualTo(new SaveAsReport(false, folderBytes));
        assertThat(progress.get(progress.size() - 1)).containsExactly(folderBytes, folderBytes);
        assertThat(target.resolve("cache/entries/abc/frame.png")).hasSize(CACHE_BYTES);
        assertThat(new BundleProjectStorage().load(target)).isEqualTo(project);
    }

    @Test
    void aFolderInTheWayIsNamedAndLeftAlone() throws Exception {
        Path busy = Files.createDirectories(temp.resolve("projects/Busy.fvs"));
        Files.writeString(busy.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> new BundleProjectStorage().saveAs(source, busy, project, true, (d, t) -> { }))
                .hasMessageContaining(busy.toString()).hasMessageContaining("not empty");
        assertThat(busy.resolve("notes.txt")).hasContent("mine");
        assertThat(source.resolve("cache/entries/abc/frame.png")).exists();
    }
}
