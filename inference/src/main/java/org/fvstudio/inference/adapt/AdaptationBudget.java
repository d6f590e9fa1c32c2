package org.fvstudio.inference.adapt;

/**
 * How long an adaptation trains: a number of steps, minutes of wall-clock time, or both (whichever ends first).
 * Steps make a run reproducible on another machine; minutes are what an artist plans with.
 */
public record AdaptationBudget(Integer steps, Double minutes) {

    public AdaptationBudget {
        if (steps == null && minutes == null) {
            throw new IllegalArgumentException("an adaptation needs a budget: steps, minutes or both");
        }
        if (steps != null && (steps < 1 || steps > 1_000_000)) {
            throw new IllegalArgumentException("steps must lie in 1..1000000, got " + steps);
        }
        if (minutes != null && !(minutes > 0 && minutes <= 24 * 60)) {
            throw new IllegalArgumentException("minutes must lie in (0, 1440], got " + minutes);
        }
    }

    public static AdaptationBudget ofMinutes(double minutes) {
        return new AdaptationBudget(null, minutes);
    }

    public static AdaptationBudget ofSteps(int steps) {
        return new AdaptationBudget(steps, null);
    }

    java.util.List<String> arguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (steps != null) {
            args.add("--steps");
            args.add(Integer.toString(steps));
        }
        if (minutes != null) {
            args.add("--minutes");
            args.add(Double.toString(minutes));
        }
        return args;
    }

    public String describe() {
        if (steps != null && minutes != null) {
            return steps + " steps or " + minutes + " min";
        }
        return steps != null ? steps + " steps" : minutes + " min";
    }
}
