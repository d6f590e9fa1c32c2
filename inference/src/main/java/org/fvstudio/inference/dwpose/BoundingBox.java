package org.fvstudio.inference.dwpose;

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

    public BoundingBox scaled(double factor) {
        return new BoundingBox(x1 * factor, y1 * factor, x2 * factor, y2 * factor);
    }

    /** Intersection over union; 0 for boxes that do not overlap or have no area. */
    public double iou(BoundingBox other) {
        double w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        double h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (area() + other.area() - inter);
    }
}
