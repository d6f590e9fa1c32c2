package org.fvstudio.inference.estimation.accuracy;

import java.util.List;
import java.util.Optional;

import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/**
 * Pairs the subject of a ground-truth frame (the person with the largest box: bystanders stand small at the
 * edges of the Pose2Sim frames) with the predicted person whose box overlaps it most.
 */
public final class SubjectMatch {

    private SubjectMatch() {
    }

    /** The ground truth's subject, when the frame holds anyone. */
    public static Optional<PersonPose> subject(List<PersonPose> truth) {
        PersonPose best = null;
        double bestArea = 0;
        for (PersonPose person : truth) {
            double[] box = box(person);
            double area = box == null ? 0 : (box[2] - box[0]) * (box[3] - box[1]);
            if (box != null && area >= bestArea) {
                best = person;
                bestArea = area;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The predicted person that overlaps {@code subject} most (box IoU above zero), or empty. */
    public static Optional<PersonPose> match(PersonPose subject, List<PersonPose> predicted) {
        double[] target = box(subject);
        PersonPose best = null;
        double bestIou = 0;
        for (PersonPose person : predicted) {
            double iou = iou(target, box(person));
            if (iou > bestIou) {
                best = person;
                bestIou = iou;
            }
        }
        return Optional.ofNullable(best);
    }

    /** [minX, minY, maxX, maxY] of the visible body points (the first 18), or null. */
    static double[] box(PersonPose person) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        boolean any = false;
        for (int j = 0; j < 18; j++) {
            if (person.confidence(j) > Keypoint.VISIBLE_THRESHOLD) {
                any = true;
                minX = Math.min(minX, person.x(j));
                minY = Math.min(minY, person.y(j));
                maxX = Math.max(maxX, person.x(j));
                maxY = Math.max(maxY, person.y(j));
            }
        }
        return any ? new double[] {minX, minY, maxX, maxY} : null;
    }

    static double iou(double[] a, double[] b) {
        if (a == null || b == null) {
            return 0;
        }
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union > 0 ? inter / union : 0;
    }
}
