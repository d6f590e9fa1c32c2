package org.fvstudio.motion.bvh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.fvstudio.input.InputLimits;
import org.fvstudio.input.InputTooLargeException;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.OrbitCameraTrack;
import org.fvstudio.timeline.OrbitKeyframe;
import org.fvstudio.timeline.OrbitView;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;

/**
 * Turns BVH motion into a target {@link PoseTrack} at the project's frame rate, seen through an
 * {@link OrbitCameraTrack}. Resampling: project frame k is at time k / fps; the mapped 3D points of
 * the two nearest BVH frames are interpolated linearly (positions, not rotations), then projected
 * with the camera of project frame k. A key is written on every frame.
 */
public final class BvhPoseTrackBuilder {

    /** Confidence given to mapped points. */
    public static final double CONFIDENCE = 1.0;

    private final BvhMotion motion;
    private final BvhBodyMapping mapping;
    private final double[][] mappedFrames;
    private InitialFacing facing;

    public BvhPoseTrackBuilder(BvhMotion motion) {
        this.motion = motion;
        this.mapping = BvhBodyMapping.of(motion);
        this.mappedFrames = new double[motion.frameCount()][];
    }

    public BvhMotion motion() {
        return motion;
    }

    public BvhBodyMapping mapping() {
        return mapping;
    }

    /** Which way the performer faces at the start; the default cameras look at that side. */
    public InitialFacing initialFacing() {
        if (facing == null) {
            facing = InitialFacing.estimate(this::pointsAt, motion.duration());
        }
        return facing;
    }

    /** Number of project frames covering the clip at {@code fps}. */
    public int frameCountAt(double fps) {
        return (int) Math.floor(motion.duration() * fps + 1e-9) + 1;
    }

    /**
     * {@link #frameCountAt}, refused when the clip would make a track longer than
     * {@link InputLimits#SEQUENCE_MAX_FRAMES} (a track holds a key on every frame).
     */
    public int trackFrameCountAt(double fps) throws InputTooLargeException {
        double frames = Math.floor(motion.duration() * fps + 1e-9) + 1;
        if (!(frames <= InputLimits.SEQUENCE_MAX_FRAMES)) {
            throw new InputTooLargeException(motion.source(), String.format(Locale.ROOT,
                    "lasts %.0f s, %.0f frames at %s fps, more than the %d FV Studio builds into one track",
                    motion.duration(), frames, fpsText(fps), InputLimits.SEQUENCE_MAX_FRAMES));
        }
        return (int) frames;
    }

    private static String fpsText(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
    }

    /** The 24 mapped 3D points (x, y, z, present) at {@code seconds} into the clip. */
    public double[] pointsAt(double seconds) {
        double position = Math.max(0, Math.min(motion.frameCount() - 1, seconds / motion.frameTime()));
        int i = (int) Math.floor(position);
        double w = position - i;
        double[] a = mapped(i);
        if (w < 1e-9 || i + 1 >= motion.frameCount()) {
            return a.clone();
        }
        double[] b = mapped(i + 1);
        double[] out = new double[a.length];
        for (int k = 0; k < BvhBodyMapping.POINTS; k++) {
            int o = 4 * k;
            if (a[o + 3] > 0 && b[o + 3] > 0) {
                for (int c = 0; c < 3; c++) {
                    out[o + c] = a[o + c] + (b[o + c] - a[o + c]) * w;
                }
                out[o + 3] = 1;
            }
        }
        return out;
    }

    /** The pose of project frame {@code frame} at {@code fps}, projected on a width x height canvas. */
    public Pose poseAt(int frame, double fps, OrbitCameraTrack camera, int width, int height) {
        double[] points = pointsAt(frame / fps);
        return new Pose(width, height, List.of(project(points, camera.at(frame), width, height)));
    }

    /** A track with a key on every project frame (0 .. frameCount-1), linear interpolation. */
    public PoseTrack build(double fps, int frameCount, OrbitCameraTrack camera, int width, int height) {
        if (!(fps > 0)) {
            throw new IllegalArgumentException("fps must be positive, got " + fps);
        }
        List<PoseKeyframe> keys = new ArrayList<>(frameCount);
        for (int frame = 0; frame < frameCount; frame++) {
            double[] points = pointsAt(frame / fps);
            keys.add(new PoseKeyframe(frame, project(points, camera.at(frame), width, height), Interpolation.LINEAR));
        }
        String name = motion.source().replaceAll(".*[/\\\\]", "");
        return new PoseTrack(List.of(new PersonTrack(name, keys)));
    }

    /**
     * A camera that frames the whole clip from the performer's front ({@link #initialFacing()}): target
     * at the centre of the mapped points' bounding box over all frames, a 40 degree vertical field of view, and a distance at which the
     * box fills about 80 % of the canvas.
     */
    public OrbitCameraTrack defaultCamera(int width, int height) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int f = 0; f < motion.frameCount(); f++) {
            double[] p = mapped(f);
            for (int k = 0; k < BvhBodyMapping.POINTS; k++) {
                if (p[4 * k + 3] > 0) {
                    for (int c = 0; c < 3; c++) {
                        min[c] = Math.min(min[c], p[4 * k + c]);
                        max[c] = Math.max(max[c], p[4 * k + c]);
                    }
                }
            }
        }
        if (min[0] > max[0]) {
            throw new IllegalStateException(motion.source() + ": no BVH joint could be mapped to the body");
        }
        double focal = height / (2 * Math.tan(Math.toRadians(20)));
        double sizeY = max[1] - min[1];
        double sizeXZ = Math.max(max[0] - min[0], max[2] - min[2]);
        double fitHeight = focal * sizeY / (0.8 * height);
        double fitWidth = focal * sizeXZ / (0.8 * width);
        double distance = Math.max(fitHeight, fitWidth) + sizeXZ / 2;
        return OrbitCameraTrack.of(new OrbitKeyframe(0, initialFacing().yawDegrees(), 0, Math.max(distance, 1e-2), focal,
                (min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2, Interpolation.LINEAR));
    }

    /**
     * A camera that follows the subject: a key every {@code stepFrames} project frames (smooth
     * interpolation) with the target on the centre of the body's bounding box at that time, seen from the
     * performer's front ({@link #initialFacing()}) with a 40 degree vertical field of view, at a fixed distance where the largest single-frame
     * extent of the body fills about 80 % of the canvas.
     */
    public OrbitCameraTrack followCamera(int width, int height, double fps, int stepFrames) {
        if (stepFrames < 1) {
            throw new IllegalArgumentException("stepFrames must be >= 1, got " + stepFrames);
        }
        double extent = 0;
        for (int f = 0; f < motion.frameCount(); f++) {
            extent = Math.max(extent, frameExtent(mapped(f)));
        }
        if (extent <= 0) {
            throw new IllegalStateException(motion.source() + ": no BVH joint could be mapped to the body");
        }
        double focal = height / (2 * Math.tan(Math.toRadians(20)));
        double distance = focal * extent / (0.8 * Math.min(width, height)) + extent / 2;
        int frames = frameCountAt(fps);
        double yaw = initialFacing().yawDegrees();
        List<OrbitKeyframe> keys = new ArrayList<>();
        for (int frame = 0; ; frame = Math.min(frame + stepFrames, frames - 1)) {
            double[] c = centre(pointsAt(frame / fps));
            keys.add(new OrbitKeyframe(frame, yaw, 0, distance, focal, c[0], c[1], c[2], Interpolation.SMOOTH));
            if (frame == frames - 1) {
                break;
            }
        }
        return new OrbitCameraTrack(keys);
    }

    private static double frameExtent(double[] p) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        boolean any = false;
        for (int k = 0; k < BvhBodyMapping.POINTS; k++) {
            if (p[4 * k + 3] > 0) {
                any = true;
                for (int c = 0; c < 3; c++) {
                    min[c] = Math.min(min[c], p[4 * k + c]);
                    max[c] = Math.max(max[c], p[4 * k + c]);
                }
            }
        }
        return any ? Math.max(max[0] - min[0], Math.max(max[1] - min[1], max[2] - min[2])) : 0;
    }

    /** Centre of the bounding box of the present points. */
    private static double[] centre(double[] p) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int k = 0; k < BvhBodyMapping.POINTS; k++) {
            if (p[4 * k + 3] > 0) {
                for (int c = 0; c < 3; c++) {
                    min[c] = Math.min(min[c], p[4 * k + c]);
                    max[c] = Math.max(max[c], p[4 * k + c]);
                }
            }
        }
        return min[0] > max[0] ? new double[3] : new double[] {(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2};
    }

    static PersonPose project(double[] points, OrbitView view, int width, int height) {
        double[] flat = new double[PersonPose.KEYPOINT_COUNT * 3];
        double[] uv = new double[3];
        int body = BodyPart.BODY.size();
        for (int k = 0; k < BvhBodyMapping.POINTS; k++) {
            int o = 4 * k;
            if (points[o + 3] > 0 && view.project(points[o], points[o + 1], points[o + 2], width, height, uv)) {
                int target = k < body ? k : BodyPart.FEET.offset() + (k - body);
                flat[3 * target] = uv[0];
                flat[3 * target + 1] = uv[1];
                flat[3 * target + 2] = CONFIDENCE;
            }
        }
        return PersonPose.ofFlat(flat);
    }

    private double[] mapped(int frame) {
        double[] m = mappedFrames[frame];
        if (m == null) {
            m = mapping.map(ForwardKinematics.solve(motion, frame));
            mappedFrames[frame] = m;
        }
        return m;
    }
}
