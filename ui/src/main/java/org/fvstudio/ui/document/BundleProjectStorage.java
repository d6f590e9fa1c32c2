package org.fvstudio.ui.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.project.Project;
import org.fvstudio.project.io.ProjectBundle;

/** {@link ProjectStorage} on the project-files bundle format and OpenPose reader. */
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
    public List<Pose> readPoseSequence(List<Path> filesOrFolder) throws Exception {
        if (filesOrFolder.size() == 1) {
            return poseReader.readSequence(filesOrFolder.get(0));
        }
        List<Pose> frames = new ArrayList<>(filesOrFolder.size());
        for (Path file : filesOrFolder) {
            frames.add(poseReader.readFrame(file));
        }
        return onCommonCanvas(frames);
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

    /** Frames read one by one carry their own inferred canvas; a sequence needs one canvas. */
    private static List<Pose> onCommonCanvas(List<Pose> frames) {
        int width = frames.stream().mapToInt(Pose::canvasWidth).max().orElse(1);
        int height = frames.stream().mapToInt(Pose::canvasHeight).max().orElse(1);
        return frames.stream().map(p -> new Pose(width, height, p.people())).toList();
    }

    private static int[] imageSize(Path image) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(image.getFileName() + ": no image reader for this file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
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
