package org.fvstudio.inference.dwpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;
import org.junit.jupiter.api.Test;

/** People keep their place from frame to frame by box overlap; a gap is an empty person, not someone else. */
class PersonTrackerTest {

    @Test
    void aPersonWhoShrinksBelowTheOtherKeepsTheirPlace() {
        PersonTracker tracker = new PersonTracker();
        Pose first = tracker.track(frame(person(100, 400, 300), person(700, 400, 120)));
        // The walker moves away and becomes smaller than the bystander: the detector now lists the bystander first.
        Pose second = tracker.track(frame(person(705, 400, 120), person(130, 420, 200)));

        assertThat(first.people().get(0).x(1)).isEqualTo(100);
        assertThat(second.people().get(0).x(1)).as("the walker stays person 1").isEqualTo(130);
        assertThat(second.people().get(1).x(1)).as("the bystander stays person 2").isEqualTo(705);
    }

    @Test
    void aPersonMissedForAFrameLeavesAnEmptyPlaceAndComesBackToIt() {
        PersonTracker tracker = new PersonTracker();
        tracker.track(frame(person(100, 400, 300), person(700, 400, 120)));
        Pose missed = tracker.track(frame(person(702, 401, 120)));
        Pose back = tracker.track(frame(person(110, 400, 300), person(701, 400, 120)));

        assertThat(missed.people()).hasSize(2);
        assertThat(missed.people().get(0).presentCount()).isZero();
        assertThat(missed.people().get(1).x(1)).isEqualTo(702);
        assertThat(back.people().get(0).x(1)).isEqualTo(110);
        assertThat(back.people().get(1).x(1)).isEqualTo(701);
    }

    @Test
    void someoneNewTakesANewPlaceAndTheTrackSkipsTheGaps() {
        PersonTracker tracker = new PersonTracker();
        Pose a = tracker.track(frame(person(100, 400, 300)));
        Pose b = tracker.track(frame(person(600, 200, 100)));
        Pose c = tracker.track(frame(person(105, 400, 300), person(602, 200, 100)));

        assertThat(b.people()).hasSize(2);
        assertThat(b.people().get(0).presentCount()).isZero();
        assertThat(b.people().get(1).x(1)).isEqualTo(600);
        assertThat(c.people().get(1).x(1)).isEqualTo(602);

        VideoPoses video = new VideoPoses(List.of(a, b, c), List.of(0, 5, 10), 30);
        PoseTrack track = video.toPoseTrack(Interpolation.LINEAR);
        assertThat(track.people()).hasSize(2);
        assertThat(track.people().get(0).keyframes()).extracting(k -> k.frame()).containsExactly(0, 10);
        assertThat(track.people().get(1).keyframes()).extracting(k -> k.frame()).containsExactly(5, 10);
        assertThat(video.seenAt(1).people()).hasSize(1);
    }

    private static Pose frame(PersonPose... people) {
        return new Pose(1080, 1920, List.of(people));
    }

    /** A standing body of {@code height} pixels whose neck is at (x, y). */
    private static PersonPose person(double x, double y, double height) {
        double[] flat = new double[3 * PersonPose.KEYPOINT_COUNT];
        double[][] body = {{0, -0.1}, {0, 0}, {-0.12, 0}, {-0.15, 0.25}, {-0.16, 0.45}, {0.12, 0}, {0.15, 0.25},
            {0.16, 0.45}, {-0.08, 0.5}, {-0.08, 0.75}, {-0.08, 1.0}, {0.08, 0.5}, {0.08, 0.75}, {0.08, 1.0}};
        for (int j = 0; j < body.length; j++) {
            flat[3 * j] = j == 1 ? x : x + body[j][0] * height;
            flat[3 * j + 1] = y + body[j][1] * height;
            flat[3 * j + 2] = 0.9;
        }
        return PersonPose.ofFlat(flat);
    }
}
