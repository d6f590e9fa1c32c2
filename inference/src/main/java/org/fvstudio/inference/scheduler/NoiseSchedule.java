package org.fvstudio.inference.scheduler;

/** The training schedule: betas and their cumulative products alpha_bar_t = prod_{s<=t} (1 - beta_s). */
public final class NoiseSchedule {

    private final double[] betas;
    private final double[] alphasCumprod;

    private NoiseSchedule(double[] betas, double[] alphasCumprod) {
        this.betas = betas;
        this.alphasCumprod = alphasCumprod;
    }

    public static NoiseSchedule of(SchedulerConfig config) {
        int n = config.trainTimesteps();
        double[] betas = new double[n];
        for (int i = 0; i < n; i++) {
            double f = (double) i / (n - 1);
            betas[i] = switch (config.betaSchedule()) {
                case LINEAR -> config.betaStart() + f * (config.betaEnd() - config.betaStart());
                case SCALED_LINEAR -> {
                    double s = Math.sqrt(config.betaStart()) + f * (Math.sqrt(config.betaEnd()) - Math.sqrt(config.betaStart()));
                    yield s * s;
                }
            };
        }
        if (config.rescaleZeroSnr()) {
            betas = rescaleToZeroTerminalSnr(betas);
        }
        double[] cumprod = new double[n];
        double product = 1;
        for (int i = 0; i < n; i++) {
            product *= 1 - betas[i];
            cumprod[i] = product;
        }
        return new NoiseSchedule(betas, cumprod);
    }

    /**
     * Lin et al. 2023 ("Common diffusion noise schedules and sample steps are flawed"): shift and scale
     * sqrt(alpha_bar) so that it keeps its first value and ends at exactly zero, then recover the betas.
     */
    static double[] rescaleToZeroTerminalSnr(double[] betas) {
        int n = betas.length;
        double[] sqrtBar = new double[n];
        double product = 1;
        for (int i = 0; i < n; i++) {
            product *= 1 - betas[i];
            sqrtBar[i] = Math.sqrt(product);
        }
        double first = sqrtBar[0];
        double last = sqrtBar[n - 1];
        double[] bar = new double[n];
        for (int i = 0; i < n; i++) {
            double s = (sqrtBar[i] - last) * first / (first - last);
            bar[i] = s * s;
        }
        double[] rescaled = new double[n];
        rescaled[0] = 1 - bar[0];
        for (int i = 1; i < n; i++) {
            rescaled[i] = 1 - bar[i] / bar[i - 1];
        }
        return rescaled;
    }

    public int size() {
        return betas.length;
    }

    public double beta(int t) {
        return betas[t];
    }

    public double alphaCumprod(int t) {
        return alphasCumprod[t];
    }

    public double[] alphasCumprod() {
        return alphasCumprod.clone();
    }
}
