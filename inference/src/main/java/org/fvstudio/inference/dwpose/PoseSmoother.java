package org.fvstudio.inference.dwpose;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * Smooths a pose sequence with a One Euro filter per person (by position in the frame's list), keypoint and
 * axis. A keypoint that goes missing restarts its filters, so it reappears where it is seen, not dragged from
 * where it was. Confidences are left as they are.
 */
public final class PoseSmoother {

    private final OneEuroSettings settings;
    private final List<OneEuroFilter[]> filtersPerPerson = new ArrayList<>();

    public PoseSmoother(OneEuroSettings settings) {
        this.settings = settings;
    }

    public Pose smooth(Pose pose, double timeSeconds) {
        List<PersonPose> people = new ArrayList<>(pose.people().size());
        for (int p = 0; p < pose.people().size(); p++) {
            people.add(smooth(p, pose.people().get(p), timeSeconds));
        }
        for (int p = pose.people().size(); p < filtersPerPerson.size(); p++) {
            for (OneEuroFilter f : filtersPerPerson.get(p)) {
                f.reset();
            }
        }
        return pose.withPeople(people);
    }

    private PersonPose smooth(int person, PersonPose pose, double time) {
        while (filtersPerPerson.size() <= person) {
            OneEuroFilter[] filters = new OneEuroFilter[2 * PersonPose.KEYPOINT_COUNT];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = new OneEuroFilter(settings);
            }
            filtersPerPerson.add(filters);
        }
        OneEuroFilter[] filters = filtersPerPerson.get(person);
        double[] flat = pose.toFlat();
        for (int k = 0; k < PersonPose.KEYPOINT_COUNT; k++) {
            if (flat[3 * k + 2] > 0) {
                flat[3 * k] = filters[2 * k].filter(flat[3 * k], time);
                flat[3 * k + 1] = filters[2 * k + 1].filter(flat[3 * k + 1], time);
            } else {
                filters[2 * k].reset();
                filters[2 * k + 1].reset();
            }
        }
        return PersonPose.ofFlat(flat);
    }
}
