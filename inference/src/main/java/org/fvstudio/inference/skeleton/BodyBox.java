package org.fvstudio.inference.skeleton;

import java.util.Optional;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/**
 * The box around a person's visible body points (the first 18, confidence above
 * {@link Keypoint#VISIBLE_THRESHOLD}), in picture pixels: how people are told apart and matched, from one look to
 * the next, from one video frame to the next, and against ground truth.
 */
public final class BodyBox {

    private BodyBox() {
    }

    /** The box of {@code person}'s visible body points; empty with fewer than {@code minPoints} of them. */
    public static Optional<BoundingBox> of(PersonPose person, int minPoints) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        int found = 0;
        for (int j = 0; j < BodyPart.BODY.size(); j++) {
            if (person.confidence(j) > Keypoint.VISIBLE_THRESHOLD) {
                found++;
                minX = Math.min(minX, person.x(j));
                minY = Math.min(minY, person.y(j));
                maxX = Math.max(maxX, person.x(j));
                maxY = Math.max(maxY, person.y(j));
            }
        }
        return found >= Math.max(1, minPoints) ? Optional.of(new BoundingBox(minX, minY, maxX, maxY)) : Optional.empty();
    }

    /** The box of one visible body point or more. */
    public static Optional<BoundingBox> of(PersonPose person) {
        return of(person, 1);
    }
}
