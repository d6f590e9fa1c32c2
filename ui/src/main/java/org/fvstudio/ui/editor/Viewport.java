package org.fvstudio.ui.editor;

/**
 * Zoom and pan of the viewer: screen = canvas * zoom + offset. Zooming keeps the canvas point
 * under the cursor fixed, as in every image editor.
 */
public final class Viewport {

    public static final double MIN_ZOOM = 0.05;
    public static final double MAX_ZOOM = 64;

    private double zoom = 1;
    private double offsetX;
    private double offsetY;

    public double zoom() {
        return zoom;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    public double[] toCanvas(double screenX, double screenY) {
        return new double[] {(screenX - offsetX) / zoom, (screenY - offsetY) / zoom};
    }

    public double[] toScreen(double canvasX, double canvasY) {
        return new double[] {canvasX * zoom + offsetX, canvasY * zoom + offsetY};
    }

    /** Multiplies the zoom by {@code factor} keeping the canvas point under (screenX, screenY) in place. */
    public void zoomAround(double screenX, double screenY, double factor) {
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        double[] anchor = toCanvas(screenX, screenY);
        zoom = next;
        offsetX = screenX - anchor[0] * zoom;
        offsetY = screenY - anchor[1] * zoom;
    }

    public void panBy(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    /** Fits a canvas of the given size into the view with a margin, centred. */
    public void fit(double viewWidth, double viewHeight, double canvasWidth, double canvasHeight, double margin) {
        double w = Math.max(1, viewWidth - 2 * margin);
        double h = Math.max(1, viewHeight - 2 * margin);
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.min(w / canvasWidth, h / canvasHeight)));
        offsetX = (viewWidth - canvasWidth * zoom) / 2;
        offsetY = (viewHeight - canvasHeight * zoom) / 2;
    }
}
