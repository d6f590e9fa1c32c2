package org.fvstudio.ui.importing;

import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * Places poses drawn on another canvas onto the project canvas: uniform scale so the source canvas
 * fits, centred (letterbox). Missing points stay missing.
 */
public final class CanvasFit {

    private CanvasFit() {
    }

    public static Pose fit(Pose pose, int width, int height) {
        if (pose.canvasWidth() == width && pose.canvasHeight() == height) {
            return pose;
        }
        double scale = Math.min(width / (double) pose.canvasWidth(), height / (double) pose.canvasHeight());
        double tx = (width - pose.canvasWidth() * scale) / 2;
        double ty = (height - pose.canvasHeight() * scale) / 2;
        List<PersonPose> people = pose.people().stream()
                .map(p -> p.transformed(scale, 0, 0, scale, tx, ty))
                .toList();
        return new Pose(width, height, people);
    }
}
