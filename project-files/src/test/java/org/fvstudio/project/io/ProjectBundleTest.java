package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectBundleTest {

    @TempDir
    Path temp;

    private ProjectBundle bundleWithFullProject(Path dir) throws Exception {
        ProjectBundle bundle = ProjectBundle.create(dir, Project.createNew("Signer study"));
        String a = bundle.importReferenceImage(TestProjects.astronaut());
        String b = bundle.importReferenceImage(TestProjects.astronaut());
        Project full = TestProjects.fullProject(a, b);
        bundle.save(full);
        return bundle;
    }

    @Test
    void fullProjectRoundTripsThroughTheBundle() throws Exception {
        Path dir = temp.resolve("Signer.fvs");
        ProjectBundle bundle = bundleWithFullProject(dir);
        Project saved = bundle.project();

        ProjectBundle reopened = ProjectBundle.open(dir);

        assertThat(reopened.project()).isEqualTo(saved);
        assertThat(reopened.project().references()).extracting(ReferenceShot::imageFile)
                .containsExactly("astronaut.png", "astronaut-2.png");
        assertThat(reopened.project().target().people().get(0).keyframes()).hasSize(9);
        assertThat(reopened.project().target().people().get(0).keyframes().get(0).pose().presentCount())
                .isEqualTo(saved.target().people().get(0).keyframes().get(0).pose().presentCount())
                .isGreaterThan(18 + 68);
        assertThat(reopened.dir()).isEqualTo(dir.toAbsolutePath());
        assertThat(reopened.referencesDir()).isDirectory();
        assertThat(reopened.cacheDir()).isDirectory();
        assertThat(Files.readAllBytes(reopened.referenceImage("astronaut-2.png")))
                .isEqualTo(Files.readAllBytes(TestProjects.astronaut()));
    }

    @Test
    void savedFileFollowsTheDocumentedSchema() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Schema.fvs"));
        String json = Files.readString(bundle.projectFile());
        assertThat(json).contains("\"format\" : \"fvstudio-project\"", "\"version\" : 1", "\"frame_count\" : 48",
                "\"scale\" : \"close-up\"", "\"interpolation\" : \"ease-in-out\"", "\"left_hand\"", "\"token_budget\" : 512",
                "\"references_used\" : [ \"ref-2\" ]");
    }

    @Test
    void createRefusesAFolderThatIsNotEmpty() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("Busy.fvs"));
        Files.writeString(dir.resolve("other.txt"), "x");
        assertThatThrownBy(() -> ProjectBundle.create(dir, Project.createNew("Busy")))
                .isInstanceOf(IOException.class).hasMessageEndingWith("Busy.fvs is not empty");
    }

    @Test
    void openNamesTheMissingFolderOrFile() throws Exception {
        Path missing = temp.resolve("Nowhere.fvs");
        assertThatThrownBy(() -> ProjectBundle.open(missing))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("Nowhere.fvs").hasMessageContaining("no such project folder");
        Path empty = Files.createDirectories(temp.resolve("Empty.fvs"));
        assertThatThrownBy(() -> ProjectBundle.open(empty))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("Empty.fvs has no project.json");
    }

    @Test
    void saveRefusesAProjectWhoseImageIsNotInTheBundle() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Refs.fvs"));
        Project broken = bundle.project().withReference(bundle.project().references().get(0).withName("x"));
        ReferenceShot ghost = new ReferenceShot("ref-9", "Ghost", "ghost.png",
                bundle.project().references().get(0).pose(), bundle.project().references().get(0).scale(), true, "");
        Project withGhost = broken.withReferences(List.of(ghost));
        byte[] before = Files.readAllBytes(bundle.projectFile());

        assertThatThrownBy(() -> bundle.save(withGhost)).isInstanceOf(IOException.class)
                .hasMessage("cannot save Refs.fvs: project.json: references[0].image: references/ghost.png does not exist");
        assertThat(Files.readAllBytes(bundle.projectFile())).isEqualTo(before);
    }

    @Test
    void saveKeepsThePreviousFileAsBackup() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Bak.fvs"));
        byte[] first = Files.readAllBytes(bundle.projectFile());
        Project renamed = bundle.project().withName("Renamed");

        bundle.save(renamed);

        assertThat(Files.readAllBytes(bundle.dir().resolve(ProjectBundle.BACKUP_FILE))).isEqualTo(first);
        assertThat(ProjectBundle.open(bundle.dir()).project().name()).isEqualTo("Renamed");
        assertThat(bundle.project()).isEqualTo(renamed);
    }

    /** Lets through the first {@code limit} bytes, then fails as a full disk or a killed process would. */
    private static final class FailingAfter extends FilterOutputStream {
        private long remaining;
        private long passed;

        FailingAfter(OutputStream out, long limit) {
            super(out);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (remaining-- <= 0) {
                throw new IOException("simulated failure midway");
            }
            out.write(b);
            passed++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    @Test
    void aSaveKilledMidwayLeavesThePreviousProjectLoadable() throws Exception {
        Path dir = temp.resolve("Atomic.fvs");
        Project original = bundleWithFullProject(dir).project();
        byte[] before = Files.readAllBytes(dir.resolve(ProjectBundle.PROJECT_FILE));
        Project edited = original.withName("Edited").withTiming(24, 96);
        long half = ProjectJson.toBytes(edited).length / 2;
        FailingAfter[] stream = new FailingAfter[1];
        AtomicFileWriter failing = new AtomicFileWriter(out -> stream[0] = new FailingAfter(out, half));
        ProjectBundle bundle = ProjectBundle.open(dir, failing);

        assertThatThrownBy(() -> bundle.save(edited)).isInstanceOf(IOException.class).hasMessage("simulated failure midway");

        assertThat(stream[0].passed).isEqualTo(half);
        assertThat(Files.readAllBytes(dir.resolve(ProjectBundle.PROJECT_FILE))).isEqualTo(before);
        assertThat(ProjectBundle.open(dir).project()).isEqualTo(original);
        assertThat(bundle.project()).isEqualTo(original);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("project.json", "project.json.bak", "references", "cache");
        }
    }

    @Test
    void saveAsCopiesReferencesAndCacheAndLeavesTheOriginal() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("One.fvs"));
        Files.writeString(bundle.cacheDir().resolve("frame-0001.txt"), "cached");
        Project original = bundle.project();

        ProjectBundle copy = bundle.saveAs(temp.resolve("Two.fvs"), original.withName("Two"));

        assertThat(copy.dir()).isEqualTo(temp.resolve("Two.fvs").toAbsolutePath());
        assertThat(ProjectBundle.open(copy.dir()).project()).isEqualTo(original.withName("Two"));
        assertThat(copy.referencesDir().resolve("astronaut.png")).hasSameBinaryContentAs(TestProjects.astronaut());
        assertThat(copy.cacheDir().resolve("frame-0001.txt")).hasContent("cached");
        assertThat(ProjectBundle.open(bundle.dir()).project()).isEqualTo(original);
    }

    @Test
    void saveAsIntoANonEmptyFolderIsRefusedAndTouchesNothing() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Src.fvs"));
        Path busy = Files.createDirectories(temp.resolve("Busy.fvs"));
        Files.writeString(busy.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> bundle.saveAs(busy, bundle.project())).isInstanceOf(IOException.class)
                .hasMessageEndingWith("Busy.fvs is not empty");
        assertThat(busy.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void newerAutosaveIsOfferedAndOlderOneIsNot() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Auto.fvs"));
        Project edited = bundle.project().withName("Unsaved edit");
        bundle.writeAutosave(edited);
        Path autosave = bundle.autosaveFile();
        Instant saved = Files.getLastModifiedTime(bundle.projectFile()).toInstant();

        Files.setLastModifiedTime(autosave, FileTime.from(saved.plusSeconds(30)));
        assertThat(ProjectBundle.open(bundle.dir()).newerAutosave()).contains(edited);

        Files.setLastModifiedTime(autosave, FileTime.from(saved.minusSeconds(30)));
        assertThat(ProjectBundle.open(bundle.dir()).newerAutosave()).isEmpty();
    }

    @Test
    void anAutosaveIdenticalToTheSavedProjectIsNotOffered() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Same.fvs"));
        bundle.writeAutosave(bundle.project());
        Files.setLastModifiedTime(bundle.autosaveFile(),
                FileTime.from(Files.getLastModifiedTime(bundle.projectFile()).toInstant().plusSeconds(30)));

        assertThat(ProjectBundle.open(bundle.dir()).newerAutosave()).isEmpty();
    }

    @Test
    void aBrokenAutosaveIsNotOffered() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Broken.fvs"));
        Files.writeString(bundle.autosaveFile(), "{\"format\": \"fvstudio-project\", \"version\": 1, \"name\": ");
        Files.setLastModifiedTime(bundle.autosaveFile(),
                FileTime.from(Files.getLastModifiedTime(bundle.projectFile()).toInstant().plusSeconds(30)));

        assertThat(bundle.newerAutosave()).isEmpty();
    }

    @Test
    void discardAndSaveRemoveTheAutosave() throws Exception {
        ProjectBundle bundle = bundleWithFullProject(temp.resolve("Discard.fvs"));
        bundle.writeAutosave(bundle.project().withName("A"));
        assertThat(bundle.autosaveFile()).exists();
        bundle.discardAutosave();
        assertThat(bundle.autosaveFile()).doesNotExist();

        bundle.writeAutosave(bundle.project().withName("B"));
        bundle.save(bundle.project().withName("B"));
        assertThat(bundle.autosaveFile()).doesNotExist();
        assertThat(bundle.newerAutosave()).isEmpty();
    }
}
