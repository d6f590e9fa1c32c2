package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/** The target (driving) skeleton sequence: one keyframe track per person. */
public record PoseTrack(List<PersonTrack> people) {

    public PoseTrack {
        people = List.copyOf(people);
    }

    public static PoseTrack empty() {
        return new PoseTrack(List.of());
    }

    public boolean isEmpty() {
        return people.stream().allMatch(PersonTrack::isEmpty);
    }

    /** The pose at {@code frame} on a canvas of the given size; people without keys are left out. */
    public Pose sample(int frame, int canvasWidth, int canvasHeight) {
        List<PersonPose> poses = new ArrayList<>(people.size());
        for (PersonTrack person : people) {
            Optional<PersonPose> pose = person.sample(frame);
            pose.ifPresent(poses::add);
        }
        return new Pose(canvasWidth, canvasHeight, poses);
    }

    public PoseTrack withPerson(int index, PersonTrack person) {
        List<PersonTrack> copy = new ArrayList<>(people);
        copy.set(index, person);
        return new PoseTrack(copy);
    }

    public PoseTrack withAddedPerson(PersonTrack person) {
        List<PersonTrack> copy = new ArrayList<>(people);
        copy.add(person);
        return new PoseTrack(copy);
    }

    public PoseTrack withoutPerson(int index) {
        List<PersonTrack> copy = new ArrayList<>(people);
        copy.remove(index);
        return new PoseTrack(copy);
    }

    /** Highest keyframe frame over all people, or -1 when there is none. */
    public int lastKeyFrame() {
        int last = -1;
        for (PersonTrack person : people) {
            if (!person.isEmpty()) {
                last = Math.max(last, person.keyframes().get(person.keyframes().size() - 1).frame());
            }
        }
        return last;
    }

    /** A track with a key on every frame, person i following the i-th pose of each frame (as imported). */
    public static PoseTrack fromFrames(List<Pose> frames, Interpolation interpolation) {
        int maxPeople = frames.stream().mapToInt(p -> p.people().size()).max().orElse(0);
        List<PersonTrack> tracks = new ArrayList<>();
        for (int person = 0; person < maxPeople; person++) {
            List<PoseKeyframe> keys = new ArrayList<>();
            for (int frame = 0; frame < frames.size(); frame++) {
                List<PersonPose> people = frames.get(frame).people();
                if (person < people.size()) {
                    keys.add(new PoseKeyframe(frame, people.get(person), interpolation));
                }
            }
            tracks.add(new PersonTrack("Person " + (person + 1), keys));
        }
        return new PoseTrack(tracks);
    }
}
