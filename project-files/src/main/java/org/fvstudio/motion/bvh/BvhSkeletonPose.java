package org.fvstudio.motion.bvh;

/**
 * World-space joint positions and orientations of one frame, from {@link ForwardKinematics}.
 * Orientation matrices are row-major 3x3 and map a joint's local axes to world axes.
 */
public final class BvhSkeletonPose {

    final double[] positions;
    final double[] rotations;
    final double[] endSites;

    BvhSkeletonPose(int joints) {
        positions = new double[3 * joints];
        rotations = new double[9 * joints];
        endSites = new double[3 * joints];
    }

    public int jointCount() {
        return positions.length / 3;
    }

    public Vec3 position(int joint) {
        return new Vec3(positions[3 * joint], positions[3 * joint + 1], positions[3 * joint + 2]);
    }

    /** World position of the joint's End Site (only meaningful when the joint has one). */
    public Vec3 endSite(int joint) {
        return new Vec3(endSites[3 * joint], endSites[3 * joint + 1], endSites[3 * joint + 2]);
    }

    /** A vector given in the joint's local frame, rotated into world space. */
    public Vec3 toWorld(int joint, Vec3 local) {
        int r = 9 * joint;
        double[] m = rotations;
        return new Vec3(
                m[r] * local.x() + m[r + 1] * local.y() + m[r + 2] * local.z(),
                m[r + 3] * local.x() + m[r + 4] * local.y() + m[r + 5] * local.z(),
                m[r + 6] * local.x() + m[r + 7] * local.y() + m[r + 8] * local.z());
    }

    /** A point given in the joint's local frame, in world space. */
    public Vec3 pointInWorld(int joint, Vec3 local) {
        return position(joint).plus(toWorld(joint, local));
    }
}
