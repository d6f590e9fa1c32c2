package org.fvstudio.motion.bvh;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;

/**
 * Maps a BVH skeleton to the 18 OpenPose body points plus the 6 DWPose foot points, in 3D.
 * Joints are found by name ({@link BvhJointNames}), each limb in the naming family that matches
 * the most of its joints ({@link LimbNaming}); the head's nose, eyes and ears and the feet's toes
 * and heels are synthesised from the Head and Foot/ToeBase joints with the offsets documented in
 * docs/bvh-mapping.md. A point whose joints are absent is missing; {@link #requireWholeBody} names
 * the body points that could not be mapped.
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

    private static final int RIGHT = 0;
    private static final int LEFT = 1;
    private static final BodyJoint[][] ARM_POINTS = {
        {BodyJoint.RIGHT_SHOULDER, BodyJoint.RIGHT_ELBOW, BodyJoint.RIGHT_WRIST},
        {BodyJoint.LEFT_SHOULDER, BodyJoint.LEFT_ELBOW, BodyJoint.LEFT_WRIST}};
    private static final BodyJoint[][] LEG_POINTS = {
        {BodyJoint.RIGHT_HIP, BodyJoint.RIGHT_KNEE, BodyJoint.RIGHT_ANKLE},
        {BodyJoint.LEFT_HIP, BodyJoint.LEFT_KNEE, BodyJoint.LEFT_ANKLE}};

    private final String source;
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
    private final LimbNaming armNaming;
    private final LimbNaming legNaming;
    private final Vec3 left;
    private final Vec3 up;
    private final Vec3 forward;
    private final double headLength;
    private final double[] footLength = new double[2];
    private final double[] ballDrop = new double[2];
    private final List<BvhJoint> joints;

    private BvhBodyMapping(BvhMotion motion) {
        source = motion.source();
        joints = motion.joints();
        BvhJointNames names = new BvhJointNames(joints);
        hips = names.find(List.of("hips", "hip", "pelvis", "root"));
        neck = names.find(List.of("neck", "neck1", "neck01"));
        head = names.find(List.of("head"));
        armNaming = bestNaming(names, LimbNaming.Limb.ARM);
        legNaming = bestNaming(names, LimbNaming.Limb.LEG);
        for (int side = 0; side < 2; side++) {
            int[] arm = chain(names, armNaming, side);
            shoulder[side] = arm[0];
            elbow[side] = arm[1];
            wrist[side] = arm[2];
            int[] leg = chain(names, legNaming, side);
            hip[side] = leg[0];
            knee[side] = leg[1];
            ankle[side] = leg[2];
            toe[side] = leg[3];
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

    /** The family of {@code limb} that finds the most joints on both sides (toes only break ties), or null. */
    private static LimbNaming bestNaming(BvhJointNames names, LimbNaming.Limb limb) {
        LimbNaming best = null;
        int bestScore = 0;
        for (LimbNaming naming : LimbNaming.of(limb)) {
            int score = 0;
            for (int side = 0; side < 2; side++) {
                int[] chain = chain(names, naming, side);
                for (int k = 0; k < chain.length; k++) {
                    score += chain[k] < 0 ? 0 : k < 3 ? 10 : 1;
                }
            }
            if (score > bestScore) {
                best = naming;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The joints of one side's chain named as {@code naming} says (-1 where absent). A joint that is not
     * below the previous one found is not part of the chain, and a joint without a found neighbour in the
     * chain is dropped: a lone "Shoulder" is more likely a clavicle than an upper arm whose elbow has another name.
     */
    private static int[] chain(BvhJointNames names, LimbNaming naming, int side) {
        int[] chain = {-1, -1, -1, -1};
        if (naming == null) {
            return chain;
        }
        BvhJointNames.Side s = side == RIGHT ? BvhJointNames.Side.RIGHT : BvhJointNames.Side.LEFT;
        int previous = -1;
        for (int k = 0; k < naming.points(); k++) {
            int j = names.findSided(s, naming.names(k));
            if (j >= 0 && previous >= 0 && !names.isBelow(j, previous)) {
                j = -1;
            }
            chain[k] = j;
            if (j >= 0) {
                previous = j;
            }
        }
        int[] confirmed = {-1, -1, -1, -1};
        for (int k = 0; k < chain.length; k++) {
            boolean neighbour = (k > 0 && chain[k - 1] >= 0) || (k + 1 < chain.length && chain[k + 1] >= 0);
            confirmed[k] = neighbour ? chain[k] : -1;
        }
        return confirmed;
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

    /** The arm naming family found, or null when no arm joint was recognised. */
    public LimbNaming armNaming() {
        return armNaming;
    }

    /** The leg naming family found, or null when no leg joint was recognised. */
    public LimbNaming legNaming() {
        return legNaming;
    }

    /** For the status line: e.g. "arms Collar / Shoulder / Elbow / Wrist, legs Hip / Knee / Ankle / Toe". */
    public String namingSummary() {
        return "arms " + (armNaming == null ? "not recognised" : armNaming.label())
                + ", legs " + (legNaming == null ? "not recognised" : legNaming.label());
    }

    /**
     * The body points (shoulders, elbows, wrists, hips, knees, ankles, neck) without a joint: drawn without
     * them the body falls apart, so an import refuses such a skeleton.
     */
    public List<BodyJoint> missingBodyPoints() {
        List<BodyJoint> missing = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            int[] arm = {shoulder[side], elbow[side], wrist[side]};
            int[] leg = {hip[side], knee[side], ankle[side]};
            for (int k = 0; k < 3; k++) {
                if (arm[k] < 0) {
                    missing.add(ARM_POINTS[side][k]);
                }
                if (leg[k] < 0) {
                    missing.add(LEG_POINTS[side][k]);
                }
            }
        }
        if (neck < 0 && (shoulder[LEFT] < 0 || shoulder[RIGHT] < 0)) {
            missing.add(BodyJoint.NECK);
        }
        missing.sort(java.util.Comparator.comparingInt(BodyJoint::index));
        return missing;
    }

    /** What stays missing although the body is whole: the face points without a Head joint, the feet without toes. */
    public List<String> optionalPointsMissing() {
        List<String> missing = new ArrayList<>();
        if (head < 0 || headLength <= 0) {
            missing.add("nose, eyes and ears (no Head joint)");
        }
        for (int side = 0; side < 2; side++) {
            if (toe[side] < 0 || ankle[side] < 0 || footLength[side] <= 0) {
                missing.add((side == LEFT ? "left" : "right") + " foot points (no toe joint)");
            }
        }
        return missing;
    }

    /** Refuses a skeleton that lacks any of {@link #missingBodyPoints()}, naming those points and the file's joints. */
    public void requireWholeBody() throws BvhMappingException {
        List<BodyJoint> missing = missingBodyPoints();
        if (missing.isEmpty()) {
            return;
        }
        List<String> points = missing.stream().map(p -> p.label().toLowerCase(java.util.Locale.ROOT)).toList();
        List<String> names = joints.stream().map(BvhJoint::name).toList();
        String listed = names.size() <= 40 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 40)) + " and " + (names.size() - 40) + " more";
        throw new BvhMappingException(source + ": no joint for the DWPose points " + String.join(", ", points)
                + " (" + namingSummary() + "). Known namings: arms "
                + String.join("; ", LimbNaming.of(LimbNaming.Limb.ARM).stream().map(LimbNaming::label).toList())
                + "; legs " + String.join("; ", LimbNaming.of(LimbNaming.Limb.LEG).stream().map(LimbNaming::label).toList())
                + ", each with Left/Right, L/R or _l/_r. Joints in the file: " + listed);
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
