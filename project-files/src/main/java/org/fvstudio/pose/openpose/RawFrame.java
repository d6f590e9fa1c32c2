package org.fvstudio.pose.openpose;

import java.util.List;

/**
 * One frame as read: its format, its own canvas if the file gave one (else 0), its people, and how
 * its coordinates are written when the format says so (null: decided by the editors' rule).
 */
record RawFrame(PoseJsonFormat format, int canvasWidth, int canvasHeight, List<RawPerson> people, CoordinateMode coordinates) {

    boolean hasCanvas() {
        return canvasWidth > 0 && canvasHeight > 0;
    }

    /**
     * As the format declares, else the editors' rule: every |x| and |y| at most 1 means coordinates are
     * fractions of the canvas.
     */
    boolean isNormalised() {
        if (coordinates != null) {
            return coordinates == CoordinateMode.NORMALISED;
        }
        for (RawPerson person : people) {
            for (double[] values : person.arrays()) {
                if (values == null) {
                    continue;
                }
                for (int i = 0; i < values.length; i += 3) {
                    if (Math.abs(values[i]) > 1 || Math.abs(values[i + 1]) > 1) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Largest x and y of any present point, or {-1, -1}. */
    double[] extents() {
        double maxX = -1;
        double maxY = -1;
        for (RawPerson person : people) {
            for (double[] values : person.arrays()) {
                if (values == null) {
                    continue;
                }
                for (int i = 0; i < values.length; i += 3) {
                    if (values[i + 2] > 0) {
                        maxX = Math.max(maxX, values[i]);
                        maxY = Math.max(maxY, values[i + 1]);
                    }
                }
            }
        }
        return new double[] {maxX, maxY};
    }
}
