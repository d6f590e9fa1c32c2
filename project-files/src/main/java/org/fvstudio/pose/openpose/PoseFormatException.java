package org.fvstudio.pose.openpose;

import java.nio.file.Path;

/** A file or folder that is not a readable pose file; the message names it and the problem. */
public class PoseFormatException extends Exception {

    private final Path file;

    public PoseFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public PoseFormatException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
