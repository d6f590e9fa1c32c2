package org.fvstudio.ui.studio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The video the target poses were extracted from, kept so the editor can show its frames behind the
 * target skeleton. Project frame p shows the video at the same time: video frame round(p * videoFps / projectFps).
 *
 * @param file      the video file
 * @param frameRate the video's frames per second (0 when the container did not say; frames then map 1:1)
 */
public record DrivingVideo(Path file, double frameRate) {

    public DrivingVideo {
        Objects.requireNonNull(file, "file");
    }

    /** The video frame shown at {@code projectFrame} of a project running at {@code projectFps}. */
    public int sourceFrameAt(int projectFrame, double projectFps) {
        if (frameRate <= 0 || projectFps <= 0) {
            return projectFrame;
        }
        return (int) Math.round(projectFrame * frameRate / projectFps);
    }
}
