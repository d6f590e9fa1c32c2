package org.fvstudio.ui.document;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fvstudio.pose.openpose.OpenPoseImport;
import org.fvstudio.project.Project;

/**
 * The file operations the studio needs, in the studio's words. Every method runs on a background
 * thread and reports bad input as an exception whose message names the file and the problem.
 */
public interface ProjectStorage {

    /** Reads and validates the bundle at {@code folder}. */
    Project load(Path folder) throws Exception;

    /** Writes {@code project} into {@code folder} (created when missing) atomically. */
    void save(Path folder, Project project) throws Exception;

    /**
     * Writes {@code project} to a new bundle {@code target} (absent or empty), bringing the reference images and
     * the render cache along. With {@code moveSource} (an untitled scratch bundle, which is left behind anyway)
     * the bundle is renamed where the disk allows, so nothing is copied; otherwise they are copied and
     * {@code progress} hears every megabyte.
     */
    SaveAsReport saveAs(Path source, Path target, Project project, boolean moveSource, TransferProgress progress)
            throws Exception;

    /** Bytes copied so far of the total. */
    @FunctionalInterface
    interface TransferProgress {
        void copied(long done, long total);
    }

    /** How Save As brought the bundle's folders over: renamed, or so many bytes copied. */
    record SaveAsReport(boolean renamed, long bytesCopied) {
    }

    /** Copies an image into the bundle's references/ folder after checking it decodes. */
    ImportedImage importReferenceImage(Path folder, Path image) throws Exception;

    /**
     * Reads pose JSON (OpenPose / ControlNet, MoveNet / TensorFlow.js, MediaPipe): files one per frame in
     * order, one file (a frame or an array of frames) or one folder of them; the poses keep the files'
     * coordinates.
     */
    OpenPoseImport readPoseSequence(List<Path> filesOrFolder) throws Exception;

    /** The time of an autosave newer than the saved project, if there is one to recover. */
    Optional<Instant> newerAutosave(Path folder) throws Exception;

    /** Reads the autosaved project. */
    Project loadAutosave(Path folder) throws Exception;

    /** Writes the recovery copy (not the project file). */
    void autosave(Path folder, Project project) throws Exception;

    /** Removes the recovery copy after a save or a discard. */
    void discardAutosave(Path folder) throws Exception;

    /** @param fileName the image's name inside references/ */
    record ImportedImage(String fileName, int width, int height) {
    }
}
