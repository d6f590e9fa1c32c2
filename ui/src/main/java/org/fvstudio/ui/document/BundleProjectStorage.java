package org.fvstudio.ui.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fvstudio.input.BoundedImageReader;
import org.fvstudio.input.ImageHeader;
import org.fvstudio.input.InputLimits;
import org.fvstudio.pose.openpose.OpenPoseImport;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;

/** {@link ProjectStorage} on the project-files bundle format and pose JSON reader. */
public final class BundleProjectStorage implements ProjectStorage {

    private final OpenPoseReader poseReader = new OpenPoseReader();
    private final BundleTransfer transfer;

    public BundleProjectStorage() {
        this(BundleTransfer.Renamer.FILES);
    }

    /** @param renamer how a folder is renamed (tests stand in for a second disk) */
    BundleProjectStorage(BundleTransfer.Renamer renamer) {
        this.transfer = new BundleTransfer(renamer);
    }

    @Override
    public Project load(Path folder) throws Exception {
        return ProjectBundle.open(folder).project();
    }

    @Override
    public void save(Path folder, Project project) throws Exception {
        sourceBundle(folder, project).save(project);
    }

    @Override
    public SaveAsReport saveAs(Path source, Path target, Project project, boolean moveSource, TransferProgress progress)
            throws Exception {
        Path from = sourceBundle(source, project).dir();
        Path to = target.toAbsolutePath().normalize();
        if (from.equals(to)) {
            save(from, project);
            return new SaveAsReport(true, 0);
        }
        if (!BundleTransfer.isEmptyOrAbsent(to)) {
            throw new IOException(to + " is not empty; choose another name");
        }
        if (moveSource && transfer.rename(from, to)) {
            ProjectBundle.open(to).save(project);
            return new SaveAsReport(true, 0);
        }
        boolean existed = Files.exists(to);
        List<String> folders = List.of(ProjectBundle.REFERENCES_DIR, ProjectBundle.CACHE_DIR);
        long total = BundleTransfer.sizeOf(folders.stream().map(from::resolve).toList());
        try {
            Files.createDirectories(to);
            long copied = transfer.copy(from, to, folders, total, progress::copied);
            Files.copy(from.resolve(ProjectBundle.PROJECT_FILE), to.resolve(ProjectBundle.PROJECT_FILE));
            ProjectBundle.open(to).save(project);
            return new SaveAsReport(false, copied);
        } catch (Exception e) {
            removeHalfMade(to, existed);
            throw e;
        }
    }

    @Override
    public ImportedImage importReferenceImage(Path folder, Path image) throws Exception {
        Path references = folder.resolve(ProjectBundle.REFERENCES_DIR);
        Files.createDirectories(references);
        String name = sourceBundle(folder, null).importReferenceImage(image);
        int[] size = imageSize(references.resolve(name));
        return new ImportedImage(name, size[0], size[1]);
    }

    @Override
    public OpenPoseImport readPoseSequence(List<Path> filesOrFolder) throws Exception {
        InputLimits.checkCount("the chosen pose files", filesOrFolder.size(), InputLimits.SEQUENCE_MAX_FRAMES, "files");
        return poseReader.read(filesOrFolder);
    }

    @Override
    public Optional<Instant> newerAutosave(Path folder) throws Exception {
        ProjectBundle bundle = ProjectBundle.open(folder);
        if (bundle.newerAutosave().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Files.getLastModifiedTime(bundle.autosaveFile()).toInstant());
    }

    @Override
    public Project loadAutosave(Path folder) throws Exception {
        return ProjectBundle.open(folder).newerAutosave()
                .orElseThrow(() -> new IOException(folder.getFileName() + ": the autosave is gone or no longer newer"));
    }

    @Override
    public void autosave(Path folder, Project project) throws Exception {
        ProjectBundle.open(folder).writeAutosave(project);
    }

    @Override
    public void discardAutosave(Path folder) throws Exception {
        Files.deleteIfExists(folder.resolve(ProjectBundle.AUTOSAVE_FILE));
    }

    /**
     * The bundle at {@code folder}; a scratch bundle that has no project.json yet is written first,
     * so that the bundle's own operations (Save As, image import) apply to it.
     */
    private static ProjectBundle sourceBundle(Path folder, Project project) throws Exception {
        if (Files.isRegularFile(folder.resolve(ProjectBundle.PROJECT_FILE))) {
            return ProjectBundle.open(folder);
        }
        Project initial = project != null ? project : Project.createNew("Untitled");
        if (Files.isDirectory(folder)) {
            // Images may already be there; the bundle is then completed in place.
            Path temp = Files.createTempDirectory(folder.getParent(), ".new-");
            ProjectBundle made = ProjectBundle.create(temp, initial);
            Files.move(made.projectFile(), folder.resolve(ProjectBundle.PROJECT_FILE));
            deleteTree(temp);
            return ProjectBundle.open(folder);
        }
        Files.createDirectories(folder.getParent());
        return ProjectBundle.create(folder, initial);
    }

    /** The size the imported picture declares; the importer has already checked it against the limits. */
    private static int[] imageSize(Path image) throws IOException {
        ImageHeader header = BoundedImageReader.header(image, image.getFileName().toString())
                .orElseThrow(() -> new IOException(image.getFileName() + ": no image reader for this file"));
        return new int[] {header.width(), header.height()};
    }

    private static void removeHalfMade(Path target, boolean existed) {
        try {
            if (Files.exists(target)) {
                deleteTree(target);
            }
            if (existed) {
                Files.createDirectories(target);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(BundleProjectStorage.class)
                    .warn("Could not clean up {} after a failed Save As: {}", target, e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
