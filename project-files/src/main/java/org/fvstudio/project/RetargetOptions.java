package org.fvstudio.project;

/**
 * How the driving motion is fitted to the character (Pose ▸ Retarget motion to the character…).
 *
 * @param strength 0 keeps the source motion, 1 gives every bone the character's proportion; in between blends
 * @param height   which overall size the retargeted body keeps
 */
public record RetargetOptions(double strength, Height height) {

    public static final RetargetOptions DEFAULTS = new RetargetOptions(1, Height.SOURCE);

    /** Which overall size is kept. */
    public enum Height {
        /** The body is as tall on screen as the source's (head, torso and legs together). */
        SOURCE("source", "the source's height"),
        /** The torso keeps the source's size and the rest follows the character's proportions. */
        CHARACTER("character", "the character's height");

        private final String jsonName;
        private final String label;

        Height(String jsonName, String label) {
            this.jsonName = jsonName;
            this.label = label;
        }

        public String jsonName() {
            return jsonName;
        }

        public String label() {
            return label;
        }

        public static Height fromJson(String value) {
            for (Height h : values()) {
                if (h.jsonName.equals(value)) {
                    return h;
                }
            }
            throw new IllegalArgumentException("unknown height '" + value + "' (expected source or character)");
        }
    }

    public RetargetOptions {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("retarget strength must lie in 0..1, got " + strength);
        }
        if (height == null) {
            throw new IllegalArgumentException("retarget options need a height");
        }
    }

    public String describe() {
        return "strength " + Math.round(strength * 100) + " %, " + height.label();
    }
}
