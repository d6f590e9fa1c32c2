package org.fvstudio.project.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.fvstudio.input.BadInputException;
import org.fvstudio.input.FileKinds;
import org.fvstudio.input.InputLimits;
import org.fvstudio.input.JsonFiles;
import org.fvstudio.project.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open project folder {@code NAME.fvs/}: {@code project.json}, {@code references/} (copied
 * images) and {@code cache/} (generated frames). Saves are atomic and keep the previous file as
 * {@code project.json.bak}; autosaves go to {@code project.autosave.json}.
 * Not thread-safe except {@link #writeAutosave}, which only touches the autosave file.
 */
public final class ProjectBundle {

    public static final String EXTENSION = ".fvs";
    public static final String PROJECT_FILE = "project.json";
    public static final String BACKUP_FILE = "project.json.bak";
    public static final String AUTOSAVE_FILE = "project.autosave.json";
    public static final String REFERENCES_DIR = "references";
    public static final String CACHE_DIR = "cache";

    private static final Logger LOG = LoggerFactory.getLogger(ProjectBundle.class);

    private final Path dir;
    private final AtomicFileWriter writer;
    private Project project;

    private ProjectBundle(Path dir, Project project, AtomicFileWriter writer) {
        this.dir = dir;
        this.project = project;
        this.writer = writer;
    }

    /** Opens and validates an existing bundle; nothing on disk is changed. */
    public static ProjectBundle open(Path dir) throws IOException, ProjectFormatException {
        return open(dir, AtomicFileWriter.DEFAULT);
    }

    static ProjectBundle open(Path dir, AtomicFileWriter writer) throws IOException, ProjectFormatException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new NoSuchFileException(absolute.toString(), null,
                    Files.exists(absolute) ? "not a project folder" : "no such project folder");
        }
        Path file = absolute.resolve(PROJECT_FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString(), null, absolute.getFileName() + " has no " + PROJECT_FILE);
        }
        FileKinds.requireReadableFile(file, file.toString());
        Project project = ProjectJson.fromBytes(readProjectFile(file, PROJECT_FILE), PROJECT_FILE,
                absolute.resolve(REFERENCES_DIR));
        return new ProjectBundle(absolute, project, writer);
    }

    /** Creates a new bundle folder (which must not exist or be empty) holding {@code project}. */
    public static ProjectBundle create(Path dir, Project project) throws IOException {
        return create(dir, project, AtomicFileWriter.DEFAULT);
    }

    static ProjectBundle create(Path dir, Project project, AtomicFileWriter writer) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        requireEmptyOrAbsent(absolute);
        Files.createDirectories(absolute.resolve(REFERENCES_DIR));
        Files.createDirectories(absolute.resolve(CACHE_DIR));
        ProjectBundle bundle = new ProjectBundle(absolute, project, writer);
        bundle.save(project);
        return bundle;
    }

    public Project project() {
        return project;
    }

    public Path dir() {
        return dir;
    }

    public Path projectFile() {
        return dir.resolve(PROJECT_FILE);
    }

    public Path referencesDir() {
        return dir.resolve(REFERENCES_DIR);
    }

    public Path cacheDir() {
        return dir.resolve(CACHE_DIR);
    }

    /** The absolute path of a reference's image (its {@code imageFile} is relative to references/). */
    public Path referenceImage(String imageFile) {
        return referencesDir().resolve(imageFile);
    }

    /**
     * Writes {@code newProject} atomically, keeping the previous project.json as project.json.bak,
     * and removes the autosave it supersedes. The project is checked against the bundle first (every
     * reference image present), so a bundle is never left in a state it cannot open.
     */
    public void save(Project newProject) throws IOException {
        byte[] bytes = ProjectJson.toBytes(newProject, dir);
        try {
            ProjectJson.fromBytes(bytes, PROJECT_FILE, referencesDir());
        } catch (ProjectFormatException e) {
            throw new IOException("cannot save " + dir.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(referencesDir());
            Files.createDirectories(cacheDir());
            writer.write(projectFile(), bytes, dir.resolve(BACKUP_FILE));
        } catch (IOException e) {
            if (WriteProblems.isDiskFull(e)) {
                throw new IOException("Cannot save " + dir.getFileName() + ": " + WriteProblems.DISK_FULL + " (writing "
                        + projectFile() + ")", e);
            }
            throw e;
        }
        project = newProject;
        discardAutosave();
    }

    /**
     * Saves {@code newProject} into a new bundle folder (absent or empty), copying references/ and
     * cache/; this bundle stays as it was. On failure the half-made folder is removed.
     */
    public ProjectBundle saveAs(Path newDir, Project newProject) throws IOException {
        Path target = newDir.toAbsolutePath().normalize();
        if (target.equals(dir)) {
            save(newProject);
            return this;
        }
        boolean existed = Files.exists(target);
        requireEmptyOrAbsent(target);
        try {
            Files.createDirectories(target);
            FolderCopy.copy(referencesDir(), target.resolve(REFERENCES_DIR));
            FolderCopy.copy(cacheDir(), target.resolve(CACHE_DIR));
            ProjectBundle copy = new ProjectBundle(target, newProject, writer);
            copy.save(newProject);
            return copy;
        } catch (IOException | RuntimeException e) {
            deleteContents(target, !existed);
            throw e;
        }
    }

    /**
     * Copies a PNG or JPEG into references/ under a free name derived from the file's name and
     * returns that name (relative to references/). The project itself is not changed.
     */
    public String importReferenceImage(Path source) throws ImageImportException, IOException {
        return ReferenceImageImporter.importInto(referencesDir(), source);
    }

    public Path autosaveFile() {
        return dir.resolve(AUTOSAVE_FILE);
    }

    /** Writes {@code snapshot} to project.autosave.json atomically; project.json is left alone. */
    public void writeAutosave(Project snapshot) throws IOException {
        writer.write(autosaveFile(), ProjectJson.toBytes(snapshot, dir), null);
    }

    /**
     * The autosaved project when the autosave is newer than project.json, reads cleanly and differs
     * from the saved project: the one to offer for recovery on open.
     */
    public Optional<Project> newerAutosave() {
        Path autosave = autosaveFile();
        try {
            if (!Files.isRegularFile(autosave)) {
                return Optional.empty();
            }
            FileTime autosaveTime = Files.getLastModifiedTime(autosave);
            if (Files.isRegularFile(projectFile()) && autosaveTime.compareTo(Files.getLastModifiedTime(projectFile())) <= 0) {
                return Optional.empty();
            }
            Project autosaved = ProjectJson.fromBytes(readProjectFile(autosave, AUTOSAVE_FILE), AUTOSAVE_FILE,
                    referencesDir());
            return autosaved.equals(project) ? Optional.empty() : Optional.of(autosaved);
        } catch (IOException | ProjectFormatException e) {
            LOG.warn("Ignoring autosave of {}: {}", dir.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    public void discardAutosave() throws IOException {
        Files.deleteIfExists(autosaveFile());
    }

    /** The bytes of a project file within {@link InputLimits#PROJECT_JSON_MAX_BYTES}. */
    private static byte[] readProjectFile(Path file, String name) throws IOException, ProjectFormatException {
        try {
            return JsonFiles.readBytes(file, name, InputLimits.PROJECT_JSON_MAX_BYTES, "a project file");
        } catch (BadInputException e) {
            throw new ProjectFormatException(name, "", e.problem(), e);
        }
    }

    private static void requireEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new IOException(dir + " is not empty");
            }
        }
    }

    private static void deleteContents(Path dir, boolean includingDir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(p -> includingDir || !p.equals(dir))
                    .forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not clean up {} after a failed Save As: {}", dir, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ProjectBundle[" + dir + "]";
    }
}
