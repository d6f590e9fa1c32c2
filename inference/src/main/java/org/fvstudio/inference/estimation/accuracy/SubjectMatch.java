package org.fvstudio.inference.estimation.accuracy;

import java.util.List;
import java.util.Optional;

import org.fvstudio.inference.skeleton.BodyBox;
import org.fvstudio.inference.skeleton.BoundingBox;
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
            Optional<BoundingBox> box = BodyBox.of(person);
            if (box.isPresent() && box.get().area() >= bestArea) {
                best = person;
                bestArea = box.get().area();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The predicted person that overlaps {@code subject} most (box IoU above zero), or empty. */
    public static Optional<PersonPose> match(PersonPose subject, List<PersonPose> predicted) {
        Optional<BoundingBox> target = BodyBox.of(subject);
        PersonPose best = null;
        double bestIou = 0;
        for (PersonPose person : predicted) {
            Optional<BoundingBox> box = BodyBox.of(person);
            double iou = target.isPresent() && box.isPresent() ? target.get().iou(box.get()) : 0;
            if (iou > bestIou) {
                best = person;
                bestIou = iou;
            }
        }
        return Optional.ofNullable(best);
    }
}
