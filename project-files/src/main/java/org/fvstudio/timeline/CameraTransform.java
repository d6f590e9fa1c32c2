package org.fvstudio.timeline;

import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/** A resolved camera view: p' = R(roll) * zoom * (p - pivot) + pivot + pan. */
public record CameraTransform(double zoom, double pivotX, double pivotY, double panX, double panY, double rollDegrees) {

    public static final CameraTransform IDENTITY = new CameraTransform(1, 0, 0, 0, 0, 0);

    public boolean isIdentity() {
        return zoom == 1 && panX == 0 && panY == 0 && rollDegrees == 0;
    }

    /** Coefficients a, b, c, d, tx, ty of x' = a x + b y + tx, y' = c x + d y + ty. */
    public double[] affine() {
        double r = Math.toRadians(rollDegrees);
        double cos = Math.cos(r) * zoom;
        double sin = Math.sin(r) * zoom;
        double tx = pivotX + panX - (cos * pivotX - sin * pivotY);
        double ty = pivotY + panY - (sin * pivotX + cos * pivotY);
        return new double[] {cos, -sin, sin, cos, tx, ty};
    }

    public double[] apply(double x, double y) {
        double[] m = affine();
        return new double[] {m[0] * x + m[1] * y + m[4], m[2] * x + m[3] * y + m[5]};
    }

    public Pose apply(Pose pose) {
        if (isIdentity()) {
            return pose;
        }
        double[] m = affine();
        List<PersonPose> people = new ArrayList<>(pose.people().size());
        for (PersonPose person : pose.people()) {
            people.add(person.transformed(m[0], m[1], m[2], m[3], m[4], m[5]));
        }
        return pose.withPeople(people);
    }
}
