package org.fvstudio.motion.bvh;

import java.util.List;
import java.util.Locale;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;

/**
 * Maps a BVH skeleton to the 18 OpenPose body points plus the 6 DWPose foot points, in 3D.
 * Joints are found by name (CMU / Mixamo / common spellings, any "prefix:" stripped); the head's
 * nose, eyes and ears and the feet's toes and heels are synthesised from the Head and Foot/ToeBase
 * joints with the offsets documented in docs/bvh-mapping.md. A point whose joints are absent is
 * missing.
 */
public final class BvhBodyMapping {

    /** The 24 mapped points: 18 body points in OpenPose order, then the 6 feet points. */
    public static final int POINTS = BodyPart.BODY.size() + BodyPart.FEET.size();

    // Face points in units of the head length, in the rest frame (left, up, forward) at the Head joint.
    static final double[] NOSE = {0, 0.35, 0.55};
    static final double[] EYE = {0.2, 0.55, 0.45};
    static final double[] EAR = {0.45, 0.4, 0};
    // Foot points in units of the ankle-to-ball length.
    static final double BIG_TOE_MEDIAL = 0.15;
    static final double SMALL_TOE_LATERAL = 0.25;
    static final double SMALL_TOE_BACK = 0.2;
    static final double HEEL_BACK = 0.3;

    private final int hips;
    private final int neck;
    private final int head;
    private final int[] shoulder = new int[2];
    private final int[] elbow = new int[2];
    private final int[] wrist = new int[2];
    private final int[] hip = new int[2];
    private final int[] knee = new int[2];
    private final int[] ankle = new int[2];
    private final int[] toe = new int[2];
    private final Vec3 left;
    private final Vec3 up;
    private final Vec3 forward;
    private final double headLength;
    private final double[] footLength = new double[2];
    private final double[] ballDrop = new double[2];
    private final List<BvhJoint> joints;

    private static final int RIGHT = 0;
    private static final int LEFT = 1;

    private BvhBodyMapping(BvhMotion motion) {
        joints = motion.joints();
        hips = find("hips", "pelvis", "root");
        neck = find("neck", "neck1", "neck01");
        head = find("head");
        for (int side = 0; side < 2; side++) {
            String[] s = side == RIGHT ? new String[] {"right", "r", "r_", "rt"} : new String[] {"left", "l", "l_", "lt"};
            shoulder[side] = findSided(s, "arm", "upperarm", "uparm", "shoulderjoint", "shldr", "humerus");
            elbow[side] = findSided(s, "forearm", "lowerarm", "elbow", "radius");
            wrist[side] = findSided(s, "hand", "wrist");
            hip[side] = findSided(s, "upleg", "upperleg", "thigh", "femur", "hip");
            knee[side] = findSided(s, "leg", "lowerleg", "shin", "knee", "tibia");
            ankle[side] = findSided(s, "foot", "ankle");
            toe[side] = findSided(s, "toebase", "toe", "toes", "ball");
        }
        BvhSkeletonPose rest = restPose(motion);
        Vec3 l = hip[LEFT] >= 0 && hip[RIGHT] >= 0 ? rest.position(hip[LEFT]).minus(rest.position(hip[RIGHT]))
                : shoulder[LEFT] >= 0 && shoulder[RIGHT] >= 0 ? rest.position(shoulder[LEFT]).minus(rest.position(shoulder[RIGHT]))
                : new Vec3(1, 0, 0);
        Vec3 u = head >= 0 && hips >= 0 ? rest.position(head).minus(rest.position(hips)) : new Vec3(0, 1, 0);
        up = normalise(u, new Vec3(0, 1, 0));
        Vec3 f = cross(l, up);
        forward = normalise(f, new Vec3(0, 0, 1));
        left = cross(up, forward);
        if (head >= 0 && joints.get(head).hasEndSite()) {
            headLength = joints.get(head).endSite().length();
        } else if (head >= 0) {
            headLength = joints.get(head).offset().length();
        } else {
            headLength = 0;
        }
        for (int side = 0; side < 2; side++) {
            if (toe[side] >= 0) {
                Vec3 o = joints.get(toe[side]).offset();
                footLength[side] = o.length();
                ballDrop[side] = dot(o, up);
            }
        }
    }

    public static BvhBodyMapping of(BvhMotion motion) {
        return new BvhBodyMapping(motion);
    }

    /** Name of the BVH joint used for each body point (index = OpenPose index), or null when synthesised/absent. */
    public String jointFor(BodyJoint point) {
        int j = switch (point) {
            case RIGHT_SHOULDER -> shoulder[RIGHT];
            case LEFT_SHOULDER -> shoulder[LEFT];
            case RIGHT_ELBOW -> elbow[RIGHT];
            case LEFT_ELBOW -> elbow[LEFT];
            case RIGHT_WRIST -> wrist[RIGHT];
            case LEFT_WRIST -> wrist[LEFT];
            case RIGHT_HIP -> hip[RIGHT];
            case LEFT_HIP -> hip[LEFT];
            case RIGHT_KNEE -> knee[RIGHT];
            case LEFT_KNEE -> knee[LEFT];
            case RIGHT_ANKLE -> ankle[RIGHT];
            case LEFT_ANKLE -> ankle[LEFT];
            default -> -1;
        };
        return j >= 0 ? joints.get(j).name() : null;
    }

    /**
     * The 24 points of one solved frame as x, y, z, present (1 or 0) quadruples.
     */
    public double[] map(BvhSkeletonPose pose) {
        double[] out = new double[POINTS * 4];
        for (int side = 0; side < 2; side++) {
            boolean right = side == RIGHT;
            put(out, right ? BodyJoint.RIGHT_SHOULDER : BodyJoint.LEFT_SHOULDER, pose, shoulder[side]);
            put(out, right ? BodyJoint.RIGHT_ELBOW : BodyJoint.LEFT_ELBOW, pose, elbow[side]);
            put(out, right ? BodyJoint.RIGHT_WRIST : BodyJoint.LEFT_WRIST, pose, wrist[side]);
            put(out, right ? BodyJoint.RIGHT_HIP : BodyJoint.LEFT_HIP, pose, hip[side]);
            put(out, right ? BodyJoint.RIGHT_KNEE : BodyJoint.LEFT_KNEE, pose, knee[side]);
            put(out, right ? BodyJoint.RIGHT_ANKLE : BodyJoint.LEFT_ANKLE, pose, ankle[side]);
        }
        if (shoulder[LEFT] >= 0 && shoulder[RIGHT] >= 0) {
            set(out, BodyJoint.NECK.index(), pose.position(shoulder[LEFT]).plus(pose.position(shoulder[RIGHT])).times(0.5));
        } else if (neck >= 0) {
            set(out, BodyJoint.NECK.index(), pose.position(neck));
        }
        if (head >= 0 && headLength > 0) {
            set(out, BodyJoint.NOSE.index(), headPoint(pose, NOSE[0], NOSE[1], NOSE[2]));
            set(out, BodyJoint.RIGHT_EYE.index(), headPoint(pose, -EYE[0], EYE[1], EYE[2]));
            set(out, BodyJoint.LEFT_EYE.index(), headPoint(pose, EYE[0], EYE[1], EYE[2]));
            set(out, BodyJoint.RIGHT_EAR.index(), headPoint(pose, -EAR[0], EAR[1], EAR[2]));
            set(out, BodyJoint.LEFT_EAR.index(), headPoint(pose, EAR[0], EAR[1], EAR[2]));
        }
        int feet = BodyPart.FEET.offset();
        for (int side = 0; side < 2; side++) {
            if (toe[side] < 0 || ankle[side] < 0 || footLength[side] <= 0) {
                continue;
            }
            // DWPose feet: left big toe, left small toe, left heel, right big toe, right small toe, right heel
            int base = feet + (side == LEFT ? 0 : 3);
            double medialSign = side == LEFT ? -1 : 1;
            double len = footLength[side];
            BvhJoint toeJoint = joints.get(toe[side]);
            Vec3 tip = toeJoint.hasEndSite() ? pose.endSite(toe[side])
                    : pose.pointInWorld(toe[side], toeJoint.offset().times(0.5));
            set(out, base, tip.plus(pose.toWorld(toe[side], rest(medialSign * BIG_TOE_MEDIAL * len, 0, 0))));
            set(out, base + 1, tip.plus(pose.toWorld(toe[side],
                    rest(-medialSign * SMALL_TOE_LATERAL * len, 0, -SMALL_TOE_BACK * len))));
            set(out, base + 2, pose.pointInWorld(ankle[side], rest(0, ballDrop[side], -HEEL_BACK * len)));
        }
        return out;
    }

    private Vec3 headPoint(BvhSkeletonPose pose, double l, double u, double f) {
        return pose.pointInWorld(head, rest(l * headLength, u * headLength, f * headLength));
    }

    /** A local offset given along the rest pose's left, up and forward directions. */
    private Vec3 rest(double l, double u, double f) {
        return left.times(l).plus(up.times(u)).plus(forward.times(f));
    }

    private static void put(double[] out, BodyJoint point, BvhSkeletonPose pose, int joint) {
        if (joint >= 0) {
            set(out, point.index(), pose.position(joint));
        }
    }

    private static void set(double[] out, int index, Vec3 p) {
        out[4 * index] = p.x();
        out[4 * index + 1] = p.y();
        out[4 * index + 2] = p.z();
        out[4 * index + 3] = 1;
    }

    private int find(String... names) {
        for (String name : names) {
            for (int i = 0; i < joints.size(); i++) {
                if (simple(joints.get(i).name()).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int findSided(String[] sidePrefixes, String... names) {
        for (String name : names) {
            for (String prefix : sidePrefixes) {
                int i = find(prefix + name);
                if (i >= 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String simple(String name) {
        int colon = name.lastIndexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static BvhSkeletonPose restPose(BvhMotion motion) {
        return ForwardKinematics.solve(motion.joints(), new double[motion.channelCount()], 0);
    }

    private static Vec3 cross(Vec3 a, Vec3 b) {
        return new Vec3(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }

    private static double dot(Vec3 a, Vec3 b) {
        return a.x() * b.x() + a.y() * b.y() + a.z() * b.z();
    }

    private static Vec3 normalise(Vec3 v, Vec3 fallback) {
        double n = v.length();
        return n > 1e-12 ? v.times(1 / n) : fallback;
    }
}
