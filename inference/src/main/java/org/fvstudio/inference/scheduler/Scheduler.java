package org.fvstudio.inference.scheduler;

/** A sampler family (DDIM, DPM-Solver++ 2M) configured with a pack's schedule. */
public interface Scheduler {

    String name();

    SchedulerConfig config();

    /** Starts a sampling run of {@code steps} steps; a run keeps the state of multistep solvers. */
    SchedulerRun start(int steps);

    /** Builds the scheduler a pack names: {@code ddim} or {@code dpmsolver++} / {@code dpm++2m}. */
    static Scheduler named(String name, SchedulerConfig config) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "ddim" -> new DdimScheduler(config);
            case "dpmsolver++", "dpm++2m", "dpmsolver++2m", "dpm-solver++", "dpmsolvermultistep" -> new DpmSolverPlusPlus2M(config);
            default -> throw new IllegalArgumentException("unknown scheduler '" + name + "' (expected ddim or dpmsolver++)");
        };
    }
}
