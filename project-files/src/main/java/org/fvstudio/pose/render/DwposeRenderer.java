package org.fvstudio.pose.render;

import java.util.List;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * Draws DWPose skeletons exactly as the DWPose project's {@code draw_pose} does (see
 * {@link DwposeStyle}): on a black canvas, the 17 limbs of every person as filled ellipse polygons,
 * the canvas dimmed to 60 %, then the body joints, all left hands, all right hands (edges, then
 * joints) and the faces. Used for the editor, thumbnails and the pose input of the model.
 *
 * <p>Stateless and thread-safe. Coordinates are multiplied by {@code scale}; the stroke sizes stay in
 * output pixels, like drawing the pose at that resolution with draw_pose.
 */
public final class DwposeRenderer {

    /** Points further than this many pixels off the canvas are ignored to keep the fixed-point maths in range. */
    private static final double FAR_LIMIT = 1 << 20;

    private static final int[] DIM_TABLE = new int[256];

    static {
        for (int v = 0; v < 256; v++) {
            DIM_TABLE[v] = (int) (v * DwposeStyle.LIMB_DIMMING);
        }
    }

    /** Renders at the pose's canvas size. */
    public RgbImage render(Pose pose) {
        return render(pose, pose.canvasWidth(), pose.canvasHeight(), 1.0);
    }

    /** Renders on a {@code width} x {@code height} canvas with every coordinate multiplied by {@code scale}. */
    public RgbImage render(Pose pose, int width, int height, double scale) {
        RgbImage image = new RgbImage(width, height);
        draw(pose, image, scale);
        return image;
    }

    /** Clears {@code target} to black and renders the pose at scale 1 (pose pixels = image pixels). */
    public void renderInto(Pose pose, RgbImage target) {
        renderInto(pose, target, 1.0);
    }

    /** Clears {@code target} to black and renders the pose with coordinates multiplied by {@code scale}. */
    public void renderInto(Pose pose, RgbImage target, double scale) {
        target.clear();
        draw(pose, target, scale);
    }

    private void draw(Pose pose, RgbImage image, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, got " + scale);
        }
        OpenCvRasterizer raster = new OpenCvRasterizer(image);
        Projection projection = new Projection(image.width(), image.height(), scale);
        List<PersonPose> people = pose.people();

        int[] xs = new int[OpenCvRasterizer.MAX_ELLIPSE_POINTS];
        int[] ys = new int[OpenCvRasterizer.MAX_ELLIPSE_POINTS];
        int[] dirty = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int limb = 0; limb < DwposeStyle.limbCount(); limb++) {
            for (PersonPose person : people) {
                drawLimb(person, limb, projection, raster, xs, ys, dirty);
            }
        }
        dim(image, dirty);
        for (int joint = 0; joint < BodyPart.BODY.size(); joint++) {
            for (PersonPose person : people) {
                if (isBodyVisible(person, joint)) {
                    raster.fillCircle(projection.pixelX(person.x(joint)), projection.pixelY(person.y(joint)),
                            DwposeStyle.BODY_JOINT_RADIUS, DwposeStyle.bodyColor(joint));
                }
            }
        }
        for (PersonPose person : people) {
            drawHand(person, BodyPart.LEFT_HAND, projection, raster);
        }
        for (PersonPose person : people) {
            drawHand(person, BodyPart.RIGHT_HAND, projection, raster);
        }
        for (PersonPose person : people) {
            for (int i = 0; i < BodyPart.FACE.size(); i++) {
                int k = BodyPart.FACE.offset() + i;
                if (isHandOrFaceVisible(person, k, projection)) {
                    raster.fillCircle(projection.pixelX(person.x(k)), projection.pixelY(person.y(k)),
                            DwposeStyle.FACE_POINT_RADIUS, DwposeStyle.FACE_POINT_COLOR);
                }
            }
        }
    }

    private static void drawLimb(PersonPose person, int limb, Projection projection, OpenCvRasterizer raster,
                                 int[] xs, int[] ys, int[] dirty) {
        int a = DwposeStyle.limbEnd(limb, 0);
        int b = DwposeStyle.limbEnd(limb, 1);
        if (!isBodyVisible(person, a) || !isBodyVisible(person, b)) {
            return;
        }
        double xa = projection.x(person.x(a));
        double xb = projection.x(person.x(b));
        double ya = projection.y(person.y(a));
        double yb = projection.y(person.y(b));
        double meanX = (xa + xb) / 2;
        double meanY = (ya + yb) / 2;
        double length = Math.sqrt((ya - yb) * (ya - yb) + (xa - xb) * (xa - xb));
        int angle = (int) Math.toDegrees(StrictMath.atan2(ya - yb, xa - xb));
        int n = OpenCvRasterizer.ellipsePolygon((int) meanX, (int) meanY, (int) (length / 2),
                DwposeStyle.LIMB_HALF_WIDTH, angle, xs, ys);
        raster.fillConvexPolygon(xs, ys, n, DwposeStyle.bodyColor(limb));
        for (int i = 0; i < n; i++) {
            dirty[0] = Math.min(dirty[0], xs[i]);
            dirty[1] = Math.min(dirty[1], ys[i]);
            dirty[2] = Math.max(dirty[2], xs[i]);
            dirty[3] = Math.max(dirty[3], ys[i]);
        }
    }

    private static void drawHand(PersonPose person, BodyPart hand, Projection projection, OpenCvRasterizer raster) {
        int base = hand.offset();
        for (int e = 0; e < DwposeStyle.handEdgeCount(); e++) {
            int a = base + DwposeStyle.handEdgeEnd(e, 0);
            int b = base + DwposeStyle.handEdgeEnd(e, 1);
            if (isHandOrFaceVisible(person, a, projection) && isHandOrFaceVisible(person, b, projection)) {
                raster.thickLine(projection.pixelX(person.x(a)), projection.pixelY(person.y(a)),
                        projection.pixelX(person.x(b)), projection.pixelY(person.y(b)),
                        DwposeStyle.HAND_EDGE_THICKNESS, DwposeStyle.handEdgeColor(e));
            }
        }
        for (int i = 0; i < hand.size(); i++) {
            int k = base + i;
            if (isHandOrFaceVisible(person, k, projection)) {
                raster.fillCircle(projection.pixelX(person.x(k)), projection.pixelY(person.y(k)),
                        DwposeStyle.HAND_JOINT_RADIUS, DwposeStyle.HAND_JOINT_COLOR);
            }
        }
    }

    private static boolean isBodyVisible(PersonPose person, int index) {
        return person.confidence(index) > DwposeStyle.BODY_THRESHOLD
                && Math.abs(person.x(index)) < FAR_LIMIT && Math.abs(person.y(index)) < FAR_LIMIT;
    }

    private static boolean isHandOrFaceVisible(PersonPose person, int index, Projection projection) {
        return person.confidence(index) >= DwposeStyle.HAND_FACE_THRESHOLD
                && projection.normalisedX(person.x(index)) > DwposeStyle.EDGE_EPSILON
                && projection.normalisedY(person.y(index)) > DwposeStyle.EDGE_EPSILON
                && Math.abs(person.x(index)) < FAR_LIMIT && Math.abs(person.y(index)) < FAR_LIMIT;
    }

    /** Multiplies the limb area by 0.6 with truncation, as numpy's uint8 cast does. */
    private static void dim(RgbImage image, int[] dirty) {
        int x0 = Math.max(0, dirty[0]);
        int y0 = Math.max(0, dirty[1]);
        int x1 = Math.min(image.width() - 1, dirty[2]);
        int y1 = Math.min(image.height() - 1, dirty[3]);
        int[] px = image.packedPixels();
        int w = image.width();
        for (int y = y0; y <= y1; y++) {
            for (int i = y * w + x0, end = y * w + x1; i <= end; i++) {
                int p = px[i];
                if (p != 0) {
                    px[i] = DIM_TABLE[p >>> 16] << 16 | DIM_TABLE[p >>> 8 & 0xFF] << 8 | DIM_TABLE[p & 0xFF];
                }
            }
        }
    }

    /**
     * Canvas pixels to output pixels. DWPose stores normalised coordinates and multiplies them by the
     * canvas size before truncating to int; the same round trip is kept so integer positions land
     * on the same pixel.
     */
    private record Projection(int width, int height, double scale) {

        double normalisedX(double x) {
            return x * scale / width;
        }

        double normalisedY(double y) {
            return y * scale / height;
        }

        double x(double x) {
            return normalisedX(x) * width;
        }

        double y(double y) {
            return normalisedY(y) * height;
        }

        int pixelX(double x) {
            return (int) x(x);
        }

        int pixelY(double y) {
            return (int) y(y);
        }
    }
}
