package org.fvstudio.inference.scheduler;

/** The descending inference timesteps for a spacing rule, as diffusers computes them. */
public final class Timesteps {

    private Timesteps() {
    }

    public static int[] of(SchedulerConfig config, int steps) {
        int t = config.trainTimesteps();
        if (steps < 1 || steps > t) {
            throw new IllegalArgumentException("steps must lie in 1.." + t + ", got " + steps);
        }
        int[] out = new int[steps];
        switch (config.spacing()) {
            case LEADING -> {
                int ratio = t / steps;
                for (int i = 0; i < steps; i++) {
                    out[i] = (steps - 1 - i) * ratio + config.stepsOffset();
                }
            }
            case TRAILING -> {
                double ratio = (double) t / steps;
                for (int i = 0; i < steps; i++) {
                    out[i] = (int) Math.rint(t - i * ratio) - 1;
                }
            }
            case LINSPACE -> {
                for (int i = 0; i < steps; i++) {
                    double v = steps == 1 ? 0 : (double) (t - 1) * (steps - 1 - i) / (steps - 1);
                    out[i] = (int) Math.rint(v);
                }
            }
        }
        for (int i = 0; i < steps; i++) {
            out[i] = Math.min(out[i], t - 1);
        }
        return out;
    }
}
