package org.fvstudio.pose.openpose;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.fvstudio.pose.Pose;

/**
 * What an import found: the frames in order, the body layouts they were read as, whether
 * coordinates were normalised, the files read and the JSON files of the folder left out because
 * their names do not follow the sequence's pattern, the formats found, and whether some frame gave
 * pixel coordinates without a canvas size (its canvas is then only the extent of the points, and a
 * caller should place the poses by their bounds).
 */
public record OpenPoseImport(List<Pose> frames, Set<BodyLayout> bodyLayouts, boolean normalised,
                             List<Path> files, List<Path> skippedFiles, Set<PoseJsonFormat> formats,
                             boolean pixelsWithoutCanvas) {

    public OpenPoseImport {
        frames = List.copyOf(frames);
        bodyLayouts = Set.copyOf(bodyLayouts);
        files = List.copyOf(files);
        skippedFiles = List.copyOf(skippedFiles);
        formats = Set.copyOf(formats);
    }
}
