package org.fvstudio.pose;

/** The five groups of the 134-point DWPose layout, in storage order. */
public enum BodyPart {
    BODY("body", 0, 18),
    FEET("feet", 18, 6),
    FACE("face", 24, 68),
    LEFT_HAND("left_hand", 92, 21),
    RIGHT_HAND("right_hand", 113, 21);

    private final String jsonName;
    private final int offset;
    private final int size;

    BodyPart(String jsonName, int offset, int size) {
        this.jsonName = jsonName;
        this.offset = offset;
        this.size = size;
    }

    /** Field name used in project.json. */
    public String jsonName() {
        return jsonName;
    }

    /** Index of this part's first point among the 134. */
    public int offset() {
        return offset;
    }

    public int size() {
        return size;
    }

    public int globalIndex(int localIndex) {
        if (localIndex < 0 || localIndex >= size) {
            throw new IndexOutOfBoundsException(name() + " has " + size + " points, no index " + localIndex);
        }
        return offset + localIndex;
    }

    public static BodyPart of(int globalIndex) {
        for (BodyPart part : values()) {
            if (globalIndex >= part.offset && globalIndex < part.offset + part.size) {
                return part;
            }
        }
        throw new IndexOutOfBoundsException("no DWPose keypoint " + globalIndex);
    }
}
