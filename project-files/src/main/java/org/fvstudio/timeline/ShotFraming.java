package org.fvstudio.timeline;

import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.project.ShotScale;

/**
 * Camera framings of a subject at a shot scale: the zoom, pivot and pan that put a region of the
 * body in the middle of the canvas at a given size. A framing zooms about the region's centre and
 * pans that centre to the canvas centre, so p' = zoom (p - centre) + canvas centre.
 */
public final class ShotFraming {

    /** Share of the shorter canvas side the face fills in a close-up. */
    public static final double CLOSE_UP_FACE_FRACTION = 0.6;
    /** Share of the canvas height the head-to-hips region fills in a medium shot. */
    public static final double MEDIUM_FRACTION = 0.9;

    private ShotFraming() {
    }

    /** A key at {@code frame} framing {@code subject} at {@code scale}; WIDE and OTHER are the identity view. */
    public static CameraKeyframe frame(ShotScale scale, PersonPose subject, int width, int height, int frame,
                                       Interpolation interpolation) {
        return switch (scale) {
            case CLOSE_UP -> closeUp(subject, width, height, CLOSE_UP_FACE_FRACTION, frame, interpolation);
            case MEDIUM -> medium(subject, width, height, frame, interpolation);
            case WIDE, OTHER -> new CameraKeyframe(frame, 1, width / 2.0, height / 2.0, 0, 0, 0, false, interpolation);
        };
    }

    /** Zoom about the face centre so the face spans {@code fraction} of the shorter canvas side, centred. */
    public static CameraKeyframe closeUp(PersonPose subject, int width, int height, double fraction, int frame,
                                         Interpolation interpolation) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("face fraction must lie in (0, 1], got " + fraction);
        }
        double[] face = faceBox(subject);
        double size = Math.max(face[2] - face[0], face[3] - face[1]);
        double zoom = Math.max(1, fraction * Math.min(width, height) / size);
        return centred(face, zoom, width, height, frame, interpolation);
    }

    static CameraKeyframe medium(PersonPose subject, int width, int height, int frame, Interpolation interpolation) {
        double[] box = box(subject, 0, BodyPart.BODY.size(), BodyJoint.RIGHT_KNEE.index(), BodyJoint.LEFT_KNEE.index(),
                BodyJoint.RIGHT_ANKLE.index(), BodyJoint.LEFT_ANKLE.index());
        if (box == null) {
            throw new IllegalArgumentException("a medium shot needs visible upper-body points");
        }
        double h = Math.max(box[3] - box[1], 1);
        double w = Math.max(box[2] - box[0], 1);
        double zoom = Math.max(1, Math.min(MEDIUM_FRACTION * height / h, MEDIUM_FRACTION * width / w));
        return centred(box, zoom, width, height, frame, interpolation);
    }

    /**
     * Bounding box (x0, y0, x1, y1) of the face: the 68 face points when at least 5 are visible,
     * otherwise a box around nose, eyes and ears grown to a head size.
     */
    public static double[] faceBox(PersonPose subject) {
        double[] face = box(subject, BodyPart.FACE.offset(), BodyPart.FACE.size());
        int visibleFace = 0;
        for (int i = 0; i < BodyPart.FACE.size(); i++) {
            if (subject.confidence(BodyPart.FACE.offset() + i) >= 0.3) {
                visibleFace++;
            }
        }
        if (face != null && visibleFace >= 5) {
            return face;
        }
        int[] head = {BodyJoint.NOSE.index(), BodyJoint.RIGHT_EYE.index(), BodyJoint.LEFT_EYE.index(),
            BodyJoint.RIGHT_EAR.index(), BodyJoint.LEFT_EAR.index()};
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        int n = 0;
        for (int k : head) {
            if (subject.confidence(k) >= 0.3) {
                x0 = Math.min(x0, subject.x(k));
                y0 = Math.min(y0, subject.y(k));
                x1 = Math.max(x1, subject.x(k));
                y1 = Math.max(y1, subject.y(k));
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no face: neither face points nor nose, eyes or ears are visible");
        }
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        // ears and eyes span about 0.8 of a face width; with one point fall back to the neck distance
        double size = Math.max(x1 - x0, y1 - y0) / 0.8;
        int neck = BodyJoint.NECK.index();
        if (subject.confidence(neck) >= 0.3) {
            size = Math.max(size, 0.8 * Math.hypot(subject.x(neck) - cx, subject.y(neck) - cy));
        }
        size = Math.max(size, 1);
        return new double[] {cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2};
    }

    private static CameraKeyframe centred(double[] box, double zoom, int width, int height, int frame, Interpolation interpolation) {
        double cx = (box[0] + box[2]) / 2;
        double cy = (box[1] + box[3]) / 2;
        return new CameraKeyframe(frame, zoom, cx, cy, width / 2.0 - cx, height / 2.0 - cy, 0, false, interpolation);
    }

    private static double[] box(PersonPose p, int from, int count, int... excluded) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        boolean any = false;
        outer:
        for (int k = from; k < from + count; k++) {
            for (int e : excluded) {
                if (e == k) {
                    continue outer;
                }
            }
            if (p.confidence(k) >= 0.3) {
                any = true;
                x0 = Math.min(x0, p.x(k));
                y0 = Math.min(y0, p.y(k));
                x1 = Math.max(x1, p.x(k));
                y1 = Math.max(y1, p.y(k));
            }
        }
        return any ? new double[] {x0, y0, x1, y1} : null;
    }
}
