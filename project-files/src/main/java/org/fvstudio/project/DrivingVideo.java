package org.fvstudio.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The video the target poses were extracted from, kept so the editor can show its frames behind the
 * target skeleton. Project frame p shows the video at the same time: video frame round(p * videoFps / projectFps).
 * In project.json the file is stored relative to the bundle when it lies inside it, else absolute;
 * in memory it is absolute once the project was read from a bundle.
 *
 * @param file      the video file
 * @param frameRate the video's frames per second (0 when the container did not say; frames then map 1:1)
 */
public record DrivingVideo(Path file, double frameRate) {

    public DrivingVideo {
        Objects.requireNonNull(file, "file");
        if (!(frameRate >= 0) || frameRate > 1000) {
            throw new IllegalArgumentException("a driving video's frame rate must lie in 0..1000, got " + frameRate);
        }
    }

    /** The video frame shown at {@code projectFrame} of a project running at {@code projectFps}. */
    public int sourceFrameAt(int projectFrame, double projectFps) {
        if (frameRate <= 0 || projectFps <= 0) {
            return projectFrame;
        }
        return (int) Math.round(projectFrame * frameRate / projectFps);
    }
}
