package org.fvstudio.inference.estimation.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fvstudio.inference.skeleton.BodyBox;
import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.pose.PersonPose;

/**
 * Whether a detector finds the people the ground truth holds besides the subject (bystanders), and how many it
 * finds that are nobody: each ground-truth person takes the unclaimed detected person whose body box overlaps
 * theirs most (IoU at least {@link #MIN_IOU}); detected people left over are extra.
 */
public final class PeopleCount {

    static final double MIN_IOU = 0.3;

    private long bystanders;
    private long bystandersFound;
    private long extra;

    /** Adds one frame: the ground truth's people (the subject among them) and the detected people. */
    public void add(List<PersonPose> truth, PersonPose subject, List<PersonPose> detected) {
        List<BoundingBox> free = new ArrayList<>();
        for (PersonPose person : detected) {
            BodyBox.of(person).ifPresent(free::add);
        }
        List<PersonPose> order = new ArrayList<>(truth);
        order.remove(subject);
        order.add(0, subject);
        for (PersonPose person : order) {
            Optional<BoundingBox> box = BodyBox.of(person);
            if (box.isEmpty()) {
                continue;
            }
            boolean isSubject = person == subject;
            bystanders += isSubject ? 0 : 1;
            int best = -1;
            double bestIou = MIN_IOU;
            for (int i = 0; i < free.size(); i++) {
                double iou = free.get(i).iou(box.get());
                if (iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                free.remove(best);
                bystandersFound += isSubject ? 0 : 1;
            }
        }
        extra += free.size();
    }

    public void addAll(PeopleCount other) {
        bystanders += other.bystanders;
        bystandersFound += other.bystandersFound;
        extra += other.extra;
    }

    /** Ground-truth people other than the subject, over all frames. */
    public long bystanders() {
        return bystanders;
    }

    public long bystandersFound() {
        return bystandersFound;
    }

    /** Detected people matching nobody of the ground truth, over all frames. */
    public long extra() {
        return extra;
    }
}
