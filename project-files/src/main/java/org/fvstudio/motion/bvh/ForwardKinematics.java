package org.fvstudio.motion.bvh;

import java.util.List;

/**
 * Joint positions from channel values. Each joint's local transform is a translation by
 * OFFSET (plus its position channels, added) followed by its rotation channels composed in the
 * order listed: for "Zrotation Yrotation Xrotation" the local rotation is Rz * Ry * Rx.
 * World = parent world * local; angles are degrees, right-handed.
 */
public final class ForwardKinematics {

    private ForwardKinematics() {
    }

    public static BvhSkeletonPose solve(BvhMotion motion, int frame) {
        if (frame < 0 || frame >= motion.frameCount()) {
            throw new IndexOutOfBoundsException("frame " + frame + " outside 0.." + (motion.frameCount() - 1));
        }
        return solve(motion.joints(), motion.values(), frame * motion.channelCount());
    }

    /** Solves one row of channel values starting at {@code rowStart} in {@code values}. */
    static BvhSkeletonPose solve(List<BvhJoint> joints, double[] values, int rowStart) {
        BvhSkeletonPose pose = new BvhSkeletonPose(joints.size());
        double[] local = new double[9];
        double[] tmp = new double[9];
        double[] axis = new double[9];
        for (int j = 0; j < joints.size(); j++) {
            BvhJoint joint = joints.get(j);
            double tx = joint.offset().x();
            double ty = joint.offset().y();
            double tz = joint.offset().z();
            identity(local);
            List<BvhChannel> channels = joint.channels();
            for (int c = 0; c < channels.size(); c++) {
                BvhChannel channel = channels.get(c);
                double v = values[rowStart + joint.firstChannel() + c];
                if (channel.isRotation()) {
                    rotation(channel.axis(), Math.toRadians(v), axis);
                    multiply(local, axis, tmp);
                    System.arraycopy(tmp, 0, local, 0, 9);
                } else if (channel.axis() == 0) {
                    tx += v;
                } else if (channel.axis() == 1) {
                    ty += v;
                } else {
                    tz += v;
                }
            }
            int p = joint.parent();
            if (p < 0) {
                pose.positions[3 * j] = tx;
                pose.positions[3 * j + 1] = ty;
                pose.positions[3 * j + 2] = tz;
                System.arraycopy(local, 0, pose.rotations, 9 * j, 9);
            } else {
                Vec3 t = pose.toWorld(p, new Vec3(tx, ty, tz));
                pose.positions[3 * j] = pose.positions[3 * p] + t.x();
                pose.positions[3 * j + 1] = pose.positions[3 * p + 1] + t.y();
                pose.positions[3 * j + 2] = pose.positions[3 * p + 2] + t.z();
                System.arraycopy(pose.rotations, 9 * p, tmp, 0, 9);
                double[] world = new double[9];
                multiply(tmp, local, world);
                System.arraycopy(world, 0, pose.rotations, 9 * j, 9);
            }
            if (joint.hasEndSite()) {
                Vec3 end = pose.pointInWorld(j, joint.endSite());
                pose.endSites[3 * j] = end.x();
                pose.endSites[3 * j + 1] = end.y();
                pose.endSites[3 * j + 2] = end.z();
            }
        }
        return pose;
    }

    private static void identity(double[] m) {
        java.util.Arrays.fill(m, 0);
        m[0] = m[4] = m[8] = 1;
    }

    private static void rotation(int axis, double angle, double[] m) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        identity(m);
        switch (axis) {
            case 0 -> { m[4] = c; m[5] = -s; m[7] = s; m[8] = c; }
            case 1 -> { m[0] = c; m[2] = s; m[6] = -s; m[8] = c; }
            default -> { m[0] = c; m[1] = -s; m[3] = s; m[4] = c; }
        }
    }

    private static void multiply(double[] a, double[] b, double[] out) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
            }
        }
    }
}
