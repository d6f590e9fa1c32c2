package org.fvstudio.ui.importing;

import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * Places a pose sequence whose files give no canvas size: one uniform scale and shift for the whole
 * sequence (so the motion between frames is kept) that puts the bounding box of every present point
 * of every frame in the middle of the canvas, filling {@value #FILL} of it in the tighter direction.
 */
public final class BoundsFit {

    /** Share of the canvas the points' bounds fill. */
    public static final double FILL = 0.8;

    private BoundsFit() {
    }

    public static List<Pose> fit(List<Pose> frames, int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Pose pose : frames) {
            for (PersonPose person : pose.people()) {
                for (int i = 0; i < PersonPose.KEYPOINT_COUNT; i++) {
                    if (person.confidence(i) > 0) {
                        minX = Math.min(minX, person.x(i));
                        maxX = Math.max(maxX, person.x(i));
                        minY = Math.min(minY, person.y(i));
                        maxY = Math.max(maxY, person.y(i));
                    }
                }
            }
        }
        if (minX > maxX) {
            return frames.stream().map(p -> new Pose(width, height, p.people())).toList();
        }
        double spanX = maxX - minX;
        double spanY = maxY - minY;
        double scale = spanX <= 0 && spanY <= 0 ? 1
                : FILL * Math.min(spanX > 0 ? width / spanX : Double.POSITIVE_INFINITY,
                        spanY > 0 ? height / spanY : Double.POSITIVE_INFINITY);
        double tx = width / 2.0 - scale * (minX + maxX) / 2;
        double ty = height / 2.0 - scale * (minY + maxY) / 2;
        return frames.stream()
                .map(p -> new Pose(width, height, p.people().stream().map(person -> person.transformed(scale, 0, 0, scale, tx, ty)).toList()))
                .toList();
    }
}
