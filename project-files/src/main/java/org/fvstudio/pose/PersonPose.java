package org.fvstudio.pose;

import java.util.Arrays;
import java.util.List;

/**
 * One person's 134 DWPose keypoints (18 body, 6 feet, 68 face, 21 left hand, 21 right hand).
 * Immutable; stored flat as x, y, confidence triples so that interpolation and rendering of long
 * sequences stay allocation-light.
 */
public final class PersonPose {

    public static final int KEYPOINT_COUNT = 134;

    private static final PersonPose EMPTY = new PersonPose(new double[KEYPOINT_COUNT * 3]);

    private final double[] values;

    private PersonPose(double[] values) {
        this.values = values;
    }

    /** A person with every point missing. */
    public static PersonPose empty() {
        return EMPTY;
    }

    public static PersonPose of(List<Keypoint> keypoints) {
        if (keypoints.size() != KEYPOINT_COUNT) {
            throw new IllegalArgumentException("expected " + KEYPOINT_COUNT + " keypoints, got " + keypoints.size());
        }
        double[] v = new double[KEYPOINT_COUNT * 3];
        for (int i = 0; i < KEYPOINT_COUNT; i++) {
            Keypoint k = keypoints.get(i);
            v[3 * i] = k.x();
            v[3 * i + 1] = k.y();
            v[3 * i + 2] = k.confidence();
        }
        return new PersonPose(v);
    }

    /** Builds a pose from a flat x, y, c array of length 402; values are validated like {@link Keypoint}. */
    public static PersonPose ofFlat(double[] xyc) {
        if (xyc.length != KEYPOINT_COUNT * 3) {
            throw new IllegalArgumentException("expected " + KEYPOINT_COUNT * 3 + " values, got " + xyc.length);
        }
        for (int i = 0; i < KEYPOINT_COUNT; i++) {
            new Keypoint(xyc[3 * i], xyc[3 * i + 1], xyc[3 * i + 2]);
        }
        return new PersonPose(xyc.clone());
    }

    public Keypoint get(int index) {
        checkIndex(index);
        return new Keypoint(values[3 * index], values[3 * index + 1], values[3 * index + 2]);
    }

    public Keypoint get(BodyJoint joint) {
        return get(joint.index());
    }

    public Keypoint get(BodyPart part, int localIndex) {
        return get(part.globalIndex(localIndex));
    }

    public double x(int index) {
        checkIndex(index);
        return values[3 * index];
    }

    public double y(int index) {
        checkIndex(index);
        return values[3 * index + 1];
    }

    public double confidence(int index) {
        checkIndex(index);
        return values[3 * index + 2];
    }

    /** A copy of the flat x, y, c values. */
    public double[] toFlat() {
        return values.clone();
    }

    public List<Keypoint> part(BodyPart part) {
        Keypoint[] points = new Keypoint[part.size()];
        for (int i = 0; i < part.size(); i++) {
            points[i] = get(part.offset() + i);
        }
        return List.of(points);
    }

    public PersonPose with(int index, Keypoint keypoint) {
        checkIndex(index);
        double[] v = values.clone();
        v[3 * index] = keypoint.x();
        v[3 * index + 1] = keypoint.y();
        v[3 * index + 2] = keypoint.confidence();
        return new PersonPose(v);
    }

    public PersonPose withPart(BodyPart part, List<Keypoint> points) {
        if (points.size() != part.size()) {
            throw new IllegalArgumentException(part.jsonName() + ": expected " + part.size() + " points, got " + points.size());
        }
        double[] v = values.clone();
        for (int i = 0; i < points.size(); i++) {
            Keypoint k = points.get(i);
            int g = part.offset() + i;
            v[3 * g] = k.x();
            v[3 * g + 1] = k.y();
            v[3 * g + 2] = k.confidence();
        }
        return new PersonPose(v);
    }

    /** Applies an affine map x' = a x + b y + tx, y' = c x + d y + ty to every present point. */
    public PersonPose transformed(double a, double b, double c, double d, double tx, double ty) {
        double[] v = values.clone();
        for (int i = 0; i < KEYPOINT_COUNT; i++) {
            if (v[3 * i + 2] > 0) {
                double x = v[3 * i];
                double y = v[3 * i + 1];
                v[3 * i] = a * x + b * y + tx;
                v[3 * i + 1] = c * x + d * y + ty;
            }
        }
        return new PersonPose(v);
    }

    public boolean hasAnyPresent(BodyPart part) {
        for (int i = part.offset(); i < part.offset() + part.size(); i++) {
            if (values[3 * i + 2] > 0) {
                return true;
            }
        }
        return false;
    }

    public int presentCount() {
        int n = 0;
        for (int i = 0; i < KEYPOINT_COUNT; i++) {
            if (values[3 * i + 2] > 0) {
                n++;
            }
        }
        return n;
    }

    private static void checkIndex(int index) {
        if (index < 0 || index >= KEYPOINT_COUNT) {
            throw new IndexOutOfBoundsException("no DWPose keypoint " + index);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonPose other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PersonPose[" + presentCount() + " of " + KEYPOINT_COUNT + " points present]";
    }
}
