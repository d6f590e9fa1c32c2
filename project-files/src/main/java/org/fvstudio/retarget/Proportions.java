package org.fvstudio.retarget;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A body's bone lengths relative to each other (the torso is 1 when it was seen), estimated from several views
 * of it, and how many views each length rests on.
 */
public record Proportions(Map<BoneKind, Double> lengths, Map<BoneKind, Integer> views) {

    public Proportions {
        lengths = Map.copyOf(lengths);
        views = Map.copyOf(views);
    }

    public static Proportions none() {
        return new Proportions(new EnumMap<>(BoneKind.class), new EnumMap<>(BoneKind.class));
    }

    public Optional<Double> length(BoneKind kind) {
        return Optional.ofNullable(lengths.get(kind));
    }

    public boolean knows(BoneKind kind) {
        return lengths.containsKey(kind);
    }

    public boolean isEmpty() {
        return lengths.isEmpty();
    }

    /** One line per known bone, in the enum's order, e.g. {@code thigh 1.12 (3 views)}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (BoneKind kind : BoneKind.values()) {
            if (knows(kind)) {
                text.append(String.format(java.util.Locale.ROOT, "%s %.3f (%d view%s)%n", kind.label(), lengths.get(kind),
                        views.get(kind), views.get(kind) == 1 ? "" : "s"));
            }
        }
        return text.toString();
    }
}
