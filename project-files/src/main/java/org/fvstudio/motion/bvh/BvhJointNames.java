package org.fvstudio.motion.bvh;

import java.util.List;
import java.util.Locale;

/**
 * Finds BVH joints by name the way exporters spell them: case-insensitive, without a namespace
 * ({@code mixamorig:}), a 3ds Max Biped prefix ({@code Bip01}) or separators ({@code _ . - space}),
 * with the side as a prefix or suffix ({@code LeftArm}, {@code L_Arm}, {@code lShldr},
 * {@code upperarm_l}, {@code Arm.L}).
 */
final class BvhJointNames {

    enum Side {
        RIGHT(List.of("right", "rt", "r"), List.of("right", "r")),
        LEFT(List.of("left", "lt", "l"), List.of("left", "l"));

        private final List<String> prefixes;
        private final List<String> suffixes;

        Side(List<String> prefixes, List<String> suffixes) {
            this.prefixes = prefixes;
            this.suffixes = suffixes;
        }
    }

    private final List<BvhJoint> joints;
    private final String[] simple;

    BvhJointNames(List<BvhJoint> joints) {
        this.joints = joints;
        this.simple = new String[joints.size()];
        for (int i = 0; i < simple.length; i++) {
            simple[i] = simplify(joints.get(i).name());
        }
    }

    /** The first joint called any of {@code names} (tried in order), or -1. */
    int find(List<String> names) {
        for (String name : names) {
            int i = indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first joint called any of {@code names} with {@code side} before or after it, or -1. */
    int findSided(Side side, List<String> names) {
        for (String name : names) {
            for (String prefix : side.prefixes) {
                int i = indexOf(prefix + name);
                if (i >= 0) {
                    return i;
                }
            }
            for (String suffix : side.suffixes) {
                int i = indexOf(name + suffix);
                if (i >= 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether {@code joint} lies below {@code ancestor} in the hierarchy. */
    boolean isBelow(int joint, int ancestor) {
        for (int p = joints.get(joint).parent(); p >= 0; p = joints.get(p).parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    String name(int joint) {
        return joints.get(joint).name();
    }

    static String simplify(String name) {
        int colon = name.lastIndexOf(':');
        String s = (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT).replaceAll("[ _.\\-]", "");
        return s.replaceFirst("^bip0*\\d+", "");
    }

    private int indexOf(String simpleName) {
        for (int i = 0; i < simple.length; i++) {
            if (simple[i].equals(simpleName)) {
                return i;
            }
        }
        return -1;
    }
}
