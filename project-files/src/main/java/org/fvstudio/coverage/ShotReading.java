package org.fvstudio.coverage;

import static org.fvstudio.pose.BodyJoint.*;

import java.util.EnumSet;
import java.util.Set;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * What one picture (a reference, or a target frame as the camera frames it) shows of the body: from which side,
 * which regions lie in the picture, and how high the face is. The main person is the one with the most visible
 * body joints. A region is seen when one of its bones has both ends visible inside the picture (the head: nose, an
 * eye or an ear). The face's height is the face points' extent when ten or more are seen, else 1.5 times the
 * distance from the neck to the nose; it is only measured when the nose or an eye is seen.
 *
 * @param faceHeight the face's height in the picture's pixels, NaN when the face is not seen
 */
public record ShotReading(Facing facing, Set<BodyRegion> regions, double faceHeight, int canvasHeight) {

    static final double HEAD_FROM_NECK_NOSE = 1.5;
    private static final int MIN_FACE_POINTS = 10;

    public ShotReading {
        regions = regions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(regions));
    }

    public static ShotReading of(Pose pose) {
        PersonPose person = mainPerson(pose);
        if (person == null) {
            return new ShotReading(Facing.UNKNOWN, Set.of(), Double.NaN, pose.canvasHeight());
        }
        Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
        if (any(pose, person, NOSE, RIGHT_EYE, LEFT_EYE, RIGHT_EAR, LEFT_EAR)) {
            regions.add(BodyRegion.HEAD);
        }
        if (bone(pose, person, NECK, RIGHT_HIP) || bone(pose, person, NECK, LEFT_HIP)
                || bone(pose, person, RIGHT_SHOULDER, LEFT_SHOULDER)) {
            regions.add(BodyRegion.TORSO);
        }
        if (bone(pose, person, RIGHT_SHOULDER, RIGHT_ELBOW) || bone(pose, person, RIGHT_ELBOW, RIGHT_WRIST)) {
            regions.add(BodyRegion.RIGHT_ARM);
        }
        if (bone(pose, person, LEFT_SHOULDER, LEFT_ELBOW) || bone(pose, person, LEFT_ELBOW, LEFT_WRIST)) {
            regions.add(BodyRegion.LEFT_ARM);
        }
        if (bone(pose, person, RIGHT_HIP, RIGHT_KNEE) || bone(pose, person, RIGHT_KNEE, RIGHT_ANKLE)) {
            regions.add(BodyRegion.RIGHT_LEG);
        }
        if (bone(pose, person, LEFT_HIP, LEFT_KNEE) || bone(pose, person, LEFT_KNEE, LEFT_ANKLE)) {
            regions.add(BodyRegion.LEFT_LEG);
        }
        if (any(pose, person, RIGHT_WRIST, LEFT_WRIST) || count(pose, person, BodyPart.LEFT_HAND) >= 5
                || count(pose, person, BodyPart.RIGHT_HAND) >= 5) {
            regions.add(BodyRegion.HANDS);
        }
        return new ShotReading(Facing.of(person), regions, faceHeight(pose, person), pose.canvasHeight());
    }

    /** The face's height as a fraction of the picture's height (NaN when not seen). */
    public double faceFraction() {
        return faceHeight / canvasHeight;
    }

    public boolean shows(BodyRegion region) {
        return regions.contains(region);
    }

    static PersonPose mainPerson(Pose pose) {
        PersonPose best = null;
        int bestCount = 0;
        for (PersonPose person : pose.people()) {
            int n = 0;
            for (BodyJoint joint : BodyJoint.values()) {
                n += inside(pose, person, joint.index()) ? 1 : 0;
            }
            if (n > bestCount) {
                best = person;
                bestCount = n;
            }
        }
        return best;
    }

    private static double faceHeight(Pose pose, PersonPose person) {
        if (!any(pose, person, NOSE, RIGHT_EYE, LEFT_EYE)) {
            return Double.NaN;
        }
        double top = Double.POSITIVE_INFINITY;
        double bottom = Double.NEGATIVE_INFINITY;
        int seen = 0;
        for (int i = BodyPart.FACE.offset(); i < BodyPart.FACE.offset() + BodyPart.FACE.size(); i++) {
            if (person.get(i).isVisible()) {
                top = Math.min(top, person.y(i));
                bottom = Math.max(bottom, person.y(i));
                seen++;
            }
        }
        if (seen >= MIN_FACE_POINTS) {
            return bottom - top;
        }
        if (person.get(NOSE).isVisible() && person.get(NECK).isVisible()) {
            return HEAD_FROM_NECK_NOSE * Math.hypot(person.x(NOSE.index()) - person.x(NECK.index()),
                    person.y(NOSE.index()) - person.y(NECK.index()));
        }
        return Double.NaN;
    }

    private static boolean bone(Pose pose, PersonPose person, BodyJoint a, BodyJoint b) {
        return inside(pose, person, a.index()) && inside(pose, person, b.index());
    }

    private static boolean any(Pose pose, PersonPose person, BodyJoint... joints) {
        for (BodyJoint joint : joints) {
            if (inside(pose, person, joint.index())) {
                return true;
            }
        }
        return false;
    }

    private static int count(Pose pose, PersonPose person, BodyPart part) {
        int n = 0;
        for (int i = part.offset(); i < part.offset() + part.size(); i++) {
            n += inside(pose, person, i) ? 1 : 0;
        }
        return n;
    }

    private static boolean inside(Pose pose, PersonPose person, int index) {
        double x = person.x(index);
        double y = person.y(index);
        return person.get(index).isVisible() && x >= 0 && y >= 0 && x < pose.canvasWidth() && y < pose.canvasHeight();
    }
}
