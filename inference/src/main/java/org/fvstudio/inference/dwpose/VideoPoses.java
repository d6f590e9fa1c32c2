package org.fvstudio.inference.dwpose;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;

/**
 * The poses of a video, one per extracted frame.
 *
 * @param poses        one Pose per extracted frame, canvas = video size; person n of each is the same person
 *                     (an empty person where they were not seen, {@link PersonTracker})
 * @param sourceFrames the video frame index each pose came from (0, s, 2s, ... with stride s)
 * @param frameRate    the video's frames per second
 */
public record VideoPoses(List<Pose> poses, List<Integer> sourceFrames, double frameRate) {

    public VideoPoses {
        poses = List.copyOf(poses);
        sourceFrames = List.copyOf(sourceFrames);
        if (poses.size() != sourceFrames.size()) {
            throw new IllegalArgumentException(poses.size() + " poses but " + sourceFrames.size() + " frame numbers");
        }
    }

    public int size() {
        return poses.size();
    }

    /**
     * One person track per tracked person, one key per extracted frame that saw them, placed at the frame it came
     * from (so a stride, or a frame that missed the person, leaves a gap to interpolate).
     */
    public PoseTrack toPoseTrack(Interpolation interpolation) {
        int maxPeople = poses.stream().mapToInt(p -> p.people().size()).max().orElse(0);
        List<PersonTrack> tracks = new ArrayList<>(maxPeople);
        for (int person = 0; person < maxPeople; person++) {
            List<PoseKeyframe> keys = new ArrayList<>();
            for (int i = 0; i < poses.size(); i++) {
                List<PersonPose> people = poses.get(i).people();
                if (person < people.size() && people.get(person).presentCount() > 0) {
                    keys.add(new PoseKeyframe(sourceFrames.get(i), people.get(person), interpolation));
                }
            }
            if (!keys.isEmpty()) {
                tracks.add(new PersonTrack("Person " + (tracks.size() + 1), keys));
            }
        }
        return new PoseTrack(tracks);
    }

    /** Frame {@code index} with only the people seen in it, in their tracks' order (for writing it out). */
    public Pose seenAt(int index) {
        Pose pose = poses.get(index);
        return pose.withPeople(pose.people().stream().filter(p -> p.presentCount() > 0).toList());
    }
}
