package org.fvstudio.project;

/** How much of the character a reference shot frames. */
public enum ShotScale {
    CLOSE_UP("close-up", "Close-up"),
    MEDIUM("medium", "Medium"),
    WIDE("wide", "Wide"),
    OTHER("other", "Other");

    private final String jsonName;
    private final String label;

    ShotScale(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    public String jsonName() {
        return jsonName;
    }

    public String label() {
        return label;
    }

    public static ShotScale fromJson(String value) {
        for (ShotScale scale : values()) {
            if (scale.jsonName.equals(value)) {
                return scale;
            }
        }
        throw new IllegalArgumentException("unknown shot scale '" + value + "' (expected close-up, medium, wide or other)");
    }
}
