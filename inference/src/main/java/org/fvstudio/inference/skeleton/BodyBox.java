package org.fvstudio.inference.skeleton;

import java.util.Optional;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;

/**
 * The box around a person's visible body points (the first 18, confidence above
 * {@link Keypoint#VISIBLE_THRESHOLD}), in picture pixels: how people are told apart and matched, from one look to
 * the next, from one video frame to the next, and against ground truth.
 */
public record BodyBox(double minX, double minY, double maxX, double maxY) {

    /** The box of {@code person}'s visible body points; empty with fewer than {@code minPoints} of them. */
    public static Optional<BodyBox> of(PersonPose person, int minPoints) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        int found = 0;
        for (int j = 0; j < BodyPart.BODY.size(); j++) {
            if (person.confidence(j) > Keypoint.VISIBLE_THRESHOLD) {
                found++;
                minX = Math.min(minX, person.x(j));
                minY = Math.min(minY, person.y(j));
                maxX = Math.max(maxX, person.x(j));
                maxY = Math.max(maxY, person.y(j));
            }
        }
        return found >= Math.max(1, minPoints) ? Optional.of(new BodyBox(minX, minY, maxX, maxY)) : Optional.empty();
    }

    /** The box of one visible body point or more. */
    public static Optional<BodyBox> of(PersonPose person) {
        return of(person, 1);
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    public double area() {
        return width() * height();
    }

    public double centreX() {
        return (minX + maxX) / 2;
    }

    public double centreY() {
        return (minY + maxY) / 2;
    }

    /** The longer side. */
    public double extent() {
        return Math.max(width(), height());
    }

    public BodyBox union(BodyBox other) {
        return new BodyBox(Math.min(minX, other.minX), Math.min(minY, other.minY), Math.max(maxX, other.maxX),
                Math.max(maxY, other.maxY));
    }

    /** Intersection over union, 0 for boxes that do not overlap or have no area. */
    public double iou(BodyBox other) {
        double inter = intersection(other);
        double union = area() + other.area() - inter;
        return inter > 0 && union > 0 ? inter / union : 0;
    }

    /** Intersection over the smaller box's area: 1 when one box holds the other, as a part of a person holds. */
    public double overlapOfSmaller(BodyBox other) {
        double inter = intersection(other);
        double smaller = Math.min(area(), other.area());
        return inter > 0 && smaller > 0 ? inter / smaller : 0;
    }

    private double intersection(BodyBox other) {
        double w = Math.min(maxX, other.maxX) - Math.max(minX, other.minX);
        double h = Math.min(maxY, other.maxY) - Math.max(minY, other.minY);
        return w > 0 && h > 0 ? w * h : 0;
    }
}
