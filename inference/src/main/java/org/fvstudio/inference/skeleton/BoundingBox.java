package org.fvstudio.inference.skeleton;

/** An axis-aligned box in pixels, corners (x1, y1) top-left and (x2, y2) bottom-right. */
public record BoundingBox(double x1, double y1, double x2, double y2) {

    public BoundingBox {
        if (!(x2 >= x1) || !(y2 >= y1)) {
            throw new IllegalArgumentException("box corners out of order: " + x1 + ", " + y1 + ", " + x2 + ", " + y2);
        }
    }

    public static BoundingBox ofCenter(double cx, double cy, double w, double h) {
        return new BoundingBox(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }

    /** The longer side. */
    public double extent() {
        return Math.max(width(), height());
    }

    /** The box around both. */
    public BoundingBox union(BoundingBox other) {
        return new BoundingBox(Math.min(x1, other.x1), Math.min(y1, other.y1), Math.max(x2, other.x2), Math.max(y2, other.y2));
    }

    public BoundingBox scaled(double factor) {
        return new BoundingBox(x1 * factor, y1 * factor, x2 * factor, y2 * factor);
    }

    /** Intersection over union; 0 for boxes that do not overlap or have no area. */
    public double iou(BoundingBox other) {
        double inter = intersection(other);
        return inter > 0 ? inter / (area() + other.area() - inter) : 0;
    }

    /** Intersection over the smaller box's area: 1 when one box holds the other, as a person holds a part of them. */
    public double overlapOfSmaller(BoundingBox other) {
        double inter = intersection(other);
        return inter > 0 ? inter / Math.min(area(), other.area()) : 0;
    }

    private double intersection(BoundingBox other) {
        double w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        return w > 0 && h > 0 ? w * h : 0;
    }
}
