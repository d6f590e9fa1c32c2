package org.fvstudio.retarget;

import java.util.EnumMap;
import java.util.Map;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/** Stick figures of known bone lengths: every bone drawn at an angle, from the neck outwards. */
final class SyntheticBodies {

    private SyntheticBodies() {
    }

    static Map<BoneKind, Double> lengths(double head, double eye, double ear, double shoulder, double upperArm,
                                         double forearm, double torso, double thigh, double shin) {
        Map<BoneKind, Double> l = new EnumMap<>(BoneKind.class);
        double[] v = {head, eye, ear, shoulder, upperArm, forearm, torso, thigh, shin};
        for (BoneKind kind : BoneKind.values()) {
            l.put(kind, v[kind.ordinal()]);
        }
        return l;
    }

    /** Degrees of each bone (0 = right on screen, 90 = down) for a standing figure facing the camera, plus a sway. */
    static double angleOf(BodyJoint child, double sway) {
        return switch (child) {
            case NOSE -> -90 + sway / 3;
            case RIGHT_EYE -> -120;
            case LEFT_EYE -> -60;
            case RIGHT_EAR -> 160;
            case LEFT_EAR -> 20;
            case RIGHT_SHOULDER -> 180;
            case LEFT_SHOULDER -> 0;
            case RIGHT_ELBOW -> 100 + sway;
            case RIGHT_WRIST -> 80 + 2 * sway;
            case LEFT_ELBOW -> 80 - sway;
            case LEFT_WRIST -> 60 - sway;
            case RIGHT_HIP -> 100;
            case LEFT_HIP -> 80;
            case RIGHT_KNEE -> 90 + sway;
            case RIGHT_ANKLE -> 90 - sway / 2;
            case LEFT_KNEE -> 90 - sway;
            case LEFT_ANKLE -> 90;
            default -> throw new IllegalArgumentException(child.name());
        };
    }

    /**
     * A figure with its neck at (x, y), every bone {@code scale} times its length, {@code shortened} bones drawn at
     * {@code foreshortening} of it, and a heel under each ankle.
     */
    static PersonPose figure(Map<BoneKind, Double> lengths, double x, double y, double scale, double sway,
                             BoneKind shortened, double foreshortening) {
        double[] flat = new double[PersonPose.KEYPOINT_COUNT * 3];
        flat[3 * BodyJoint.NECK.index()] = x;
        flat[3 * BodyJoint.NECK.index() + 1] = y;
        flat[3 * BodyJoint.NECK.index() + 2] = 1;
        for (BodyJoint child : BoneKind.children()) {
            BoneKind kind = BoneKind.endingAt(child);
            BodyJoint parent = BoneKind.parentOf(child);
            double l = lengths.get(kind) * scale * (kind == shortened ? foreshortening : 1);
            double a = Math.toRadians(angleOf(child, sway));
            flat[3 * child.index()] = flat[3 * parent.index()] + l * Math.cos(a);
            flat[3 * child.index() + 1] = flat[3 * parent.index() + 1] + l * Math.sin(a);
            flat[3 * child.index() + 2] = 1;
        }
        int[][] heels = {{20, BodyJoint.LEFT_ANKLE.index()}, {23, BodyJoint.RIGHT_ANKLE.index()}};
        for (int[] heel : heels) {
            flat[3 * heel[0]] = flat[3 * heel[1]] - 3 * scale;
            flat[3 * heel[0] + 1] = flat[3 * heel[1] + 1] + 8 * scale;
            flat[3 * heel[0] + 2] = 1;
        }
        return PersonPose.ofFlat(flat);
    }

    static PersonPose without(PersonPose pose, BodyJoint... joints) {
        PersonPose out = pose;
        for (BodyJoint joint : joints) {
            out = out.with(joint.index(), Keypoint.MISSING);
        }
        return out;
    }
}
