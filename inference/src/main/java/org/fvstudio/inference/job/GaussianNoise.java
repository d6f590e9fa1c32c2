package org.fvstudio.inference.job;

/**
 * A fully specified Gaussian generator, so that the same seed gives the same noise on every JVM and
 * platform: SplitMix64 for 64-bit words, the top 53 bits as a uniform in (0, 1], Box-Muller in pairs.
 */
public final class GaussianNoise {

    private long state;
    private double spare;
    private boolean hasSpare;

    public GaussianNoise(long seed) {
        this.state = seed;
    }

    /** Noise for one frame: the seed itself when noise is shared across frames, else mixed with the frame. */
    public static float[] forFrame(long seed, int frame, boolean sharedAcrossFrames, int count) {
        long s = sharedAcrossFrames ? seed : mix(seed ^ (0x9E3779B97F4A7C15L * (frame + 1L)));
        return new GaussianNoise(s).next(count);
    }

    public float[] next(int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) nextGaussian();
        }
        return out;
    }

    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1 = nextUniformOpenZero();
        double u2 = nextUniformOpenZero();
        double radius = Math.sqrt(-2 * Math.log(u1));
        double angle = 2 * Math.PI * u2;
        spare = radius * Math.sin(angle);
        hasSpare = true;
        return radius * Math.cos(angle);
    }

    private double nextUniformOpenZero() {
        state += 0x9E3779B97F4A7C15L;
        long bits = mix(state) >>> 11;
        return (bits + 1) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
