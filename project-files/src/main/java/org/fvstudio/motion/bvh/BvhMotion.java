package org.fvstudio.motion.bvh;

import java.util.List;
import java.util.Optional;

/** A parsed BVH file: the joint hierarchy and one row of channel values per frame. */
public final class BvhMotion {

    private final String source;
    private final List<BvhJoint> joints;
    private final int channelCount;
    private final int frameCount;
    private final double frameTime;
    private final double[] values;
    private final List<String> warnings;

    BvhMotion(String source, List<BvhJoint> joints, int channelCount, int frameCount, double frameTime,
              double[] values, List<String> warnings) {
        this.source = source;
        this.joints = List.copyOf(joints);
        this.channelCount = channelCount;
        this.frameCount = frameCount;
        this.frameTime = frameTime;
        this.values = values;
        this.warnings = List.copyOf(warnings);
    }

    public String source() {
        return source;
    }

    public List<BvhJoint> joints() {
        return joints;
    }

    public int jointCount() {
        return joints.size();
    }

    public Optional<Integer> jointIndex(String name) {
        for (int i = 0; i < joints.size(); i++) {
            if (joints.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Values per frame (the sum of every joint's channel count). */
    public int channelCount() {
        return channelCount;
    }

    public int frameCount() {
        return frameCount;
    }

    /** Seconds between frames. */
    public double frameTime() {
        return frameTime;
    }

    public double framesPerSecond() {
        return 1.0 / frameTime;
    }

    /** Length of the clip in seconds (first to last frame). */
    public double duration() {
        return (frameCount - 1) * frameTime;
    }

    public double value(int frame, int channel) {
        if (frame < 0 || frame >= frameCount || channel < 0 || channel >= channelCount) {
            throw new IndexOutOfBoundsException("frame " + frame + ", channel " + channel + " outside "
                    + frameCount + " x " + channelCount);
        }
        return values[frame * channelCount + channel];
    }

    /** The raw row-major values (frame * channelCount + channel); not copied, do not modify. */
    double[] values() {
        return values;
    }

    /** Tolerated irregularities found while parsing (e.g. surplus motion rows), for the user to see. */
    public List<String> warnings() {
        return warnings;
    }
}
