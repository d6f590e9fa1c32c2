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
 * @param poses        one Pose per extracted frame, canvas = video size
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

    /** One key per extracted frame, placed at the frame it came from (so a stride leaves gaps to interpolate). */
    public PoseTrack toPoseTrack(Interpolation interpolation) {
        int maxPeople = poses.stream().mapToInt(p -> p.people().size()).max().orElse(0);
        List<PersonTrack> tracks = new ArrayList<>(maxPeople);
        for (int person = 0; person < maxPeople; person++) {
            List<PoseKeyframe> keys = new ArrayList<>();
            for (int i = 0; i < poses.size(); i++) {
                List<PersonPose> people = poses.get(i).people();
                if (person < people.size()) {
                    keys.add(new PoseKeyframe(sourceFrames.get(i), people.get(person), interpolation));
                }
            }
            tracks.add(new PersonTrack("Person " + (person + 1), keys));
        }
        return new PoseTrack(tracks);
    }
}
