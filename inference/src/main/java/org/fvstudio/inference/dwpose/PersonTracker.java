package org.fvstudio.inference.dwpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fvstudio.inference.skeleton.BodyBox;
import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * Keeps each person of a video in the same place of every frame's list, so that person n of one frame is
 * person n of the next (the smoother's filters and the target track's person tracks go by that place). A person is
 * matched to the track whose last box overlaps theirs most (box IoU, best pairs first); a person who matches no
 * track opens a new one at the end of the list. A track not seen in a frame holds an empty person there
 * ({@link PersonPose#empty()}, every point absent), and after {@link #MAX_MISSED_FRAMES} such frames it is not
 * matched any more: someone appearing later there is a new person.
 */
public final class PersonTracker {

    /** Boxes overlapping less than this (IoU) are different people. */
    static final double MIN_IOU = 0.1;
    /** Extracted frames a track may go unseen and still be picked up again. */
    static final int MAX_MISSED_FRAMES = 10;

    private final List<BoundingBox> lastBoxes = new ArrayList<>();
    private final List<Integer> missed = new ArrayList<>();

    /** {@code pose} with its people in their tracks' places (its list holds one entry per track so far). */
    public Pose track(Pose pose) {
        List<PersonPose> people = pose.people();
        List<Optional<BoundingBox>> boxes = people.stream().map(BodyBox::of).toList();
        PersonPose[] placed = new PersonPose[lastBoxes.size()];
        boolean[] assigned = new boolean[people.size()];
        while (true) {
            int bestPerson = -1;
            int bestTrack = -1;
            double bestIou = MIN_IOU;
            for (int p = 0; p < people.size(); p++) {
                if (assigned[p] || boxes.get(p).isEmpty()) {
                    continue;
                }
                for (int t = 0; t < lastBoxes.size(); t++) {
                    if (placed[t] != null || missed.get(t) > MAX_MISSED_FRAMES) {
                        continue;
                    }
                    double iou = lastBoxes.get(t).iou(boxes.get(p).get());
                    if (iou >= bestIou) {
                        bestIou = iou;
                        bestPerson = p;
                        bestTrack = t;
                    }
                }
            }
            if (bestPerson < 0) {
                break;
            }
            placed[bestTrack] = people.get(bestPerson);
            assigned[bestPerson] = true;
            lastBoxes.set(bestTrack, boxes.get(bestPerson).get());
            missed.set(bestTrack, 0);
        }
        List<PersonPose> out = new ArrayList<>(lastBoxes.size() + people.size());
        for (int t = 0; t < placed.length; t++) {
            if (placed[t] == null) {
                missed.set(t, missed.get(t) + 1);
                out.add(PersonPose.empty());
            } else {
                out.add(placed[t]);
            }
        }
        for (int p = 0; p < people.size(); p++) {
            if (!assigned[p] && boxes.get(p).isPresent()) {
                lastBoxes.add(boxes.get(p).get());
                missed.add(0);
                out.add(people.get(p));
            }
        }
        return pose.withPeople(out);
    }
}
