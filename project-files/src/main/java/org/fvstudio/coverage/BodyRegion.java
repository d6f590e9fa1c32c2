package org.fvstudio.coverage;

/** The parts of the body that tokens are counted for and coverage is judged on; ELSEWHERE is off the body. */
public enum BodyRegion {
    HEAD("head / face", "head"),
    TORSO("torso", "torso"),
    RIGHT_ARM("right arm", "right_arm"),
    LEFT_ARM("left arm", "left_arm"),
    RIGHT_LEG("right leg", "right_leg"),
    LEFT_LEG("left leg", "left_leg"),
    HANDS("hands", "hands"),
    ELSEWHERE("background", "background");

    private final String label;
    private final String jsonName;

    BodyRegion(String label, String jsonName) {
        this.label = label;
        this.jsonName = jsonName;
    }

    public String label() {
        return label;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The regions of the body (all but {@link #ELSEWHERE}). */
    public static BodyRegion[] body() {
        return java.util.Arrays.copyOf(values(), values().length - 1);
    }
}
