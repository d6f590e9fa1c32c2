package org.fvstudio.ui.timeline;

import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.Interpolation;

/**
 * Camera keys that frame the first person of a target pose at a shot scale: a close-up fills 45 %
 * of the frame height with the head, a medium shot 85 % with head-to-hips, a wide shot is the
 * untouched canvas. The framed point is moved to the canvas centre by the pan.
 */
public final class ShotFraming {

    private ShotFraming() {
    }

    public static CameraKeyframe key(Pose pose, ShotScale scale, int frame, Interpolation interpolation, boolean cut) {
        double cx = pose.canvasWidth() / 2.0;
        double cy = pose.canvasHeight() / 2.0;
        if (scale == ShotScale.WIDE || scale == ShotScale.OTHER) {
            return new CameraKeyframe(frame, 1, cx, cy, 0, 0, 0, cut, interpolation);
        }
        PersonPose person = pose.people().stream().filter(p -> p.confidence(0) > 0 || p.confidence(1) > 0)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "frame " + frame + " has nobody with a head or neck to frame"));
        double[] centre;
        double wanted;
        if (scale == ShotScale.CLOSE_UP) {
            centre = headCentre(person);
            wanted = 0.45 * pose.canvasHeight() / headHeight(person);
        } else {
            double[] top = person.confidence(0) > 0 ? new double[] {person.x(0), person.y(0)} : new double[] {person.x(1), person.y(1)};
            double[] hips = hipCentre(person);
            centre = new double[] {(top[0] + hips[0]) / 2, (top[1] + hips[1]) / 2};
            double span = Math.hypot(hips[0] - top[0], hips[1] - top[1]) * 1.5;
            wanted = 0.85 * pose.canvasHeight() / Math.max(span, 1);
        }
        double zoom = Math.max(0.05, Math.min(20, wanted));
        return new CameraKeyframe(frame, zoom, centre[0], centre[1], cx - centre[0], cy - centre[1], 0, cut, interpolation);
    }

    private static double[] headCentre(PersonPose p) {
        if (p.hasAnyPresent(BodyPart.FACE)) {
            double sx = 0;
            double sy = 0;
            int n = 0;
            for (int i = BodyPart.FACE.offset(); i < BodyPart.FACE.offset() + BodyPart.FACE.size(); i++) {
                if (p.confidence(i) > 0) {
                    sx += p.x(i);
                    sy += p.y(i);
                    n++;
                }
            }
            return new double[] {sx / n, sy / n};
        }
        if (p.confidence(0) > 0) {
            return new double[] {p.x(0), p.y(0)};
        }
        return new double[] {p.x(1), p.y(1) - headHeight(p) / 2};
    }

    /** Head height estimated from the nose-neck distance (about 0.45 of a head) or the ears. */
    private static double headHeight(PersonPose p) {
        if (p.confidence(0) > 0 && p.confidence(1) > 0) {
            return Math.max(4, 2.2 * Math.hypot(p.x(1) - p.x(0), p.y(1) - p.y(0)));
        }
        if (p.confidence(16) > 0 && p.confidence(17) > 0) {
            return Math.max(4, 1.6 * Math.hypot(p.x(17) - p.x(16), p.y(17) - p.y(16)));
        }
        return 60;
    }

    private static double[] hipCentre(PersonPose p) {
        if (p.confidence(8) > 0 && p.confidence(11) > 0) {
            return new double[] {(p.x(8) + p.x(11)) / 2, (p.y(8) + p.y(11)) / 2};
        }
        int hip = p.confidence(8) > 0 ? 8 : p.confidence(11) > 0 ? 11 : -1;
        if (hip >= 0) {
            return new double[] {p.x(hip), p.y(hip)};
        }
        double[] top = p.confidence(1) > 0 ? new double[] {p.x(1), p.y(1)} : new double[] {p.x(0), p.y(0)};
        return new double[] {top[0], top[1] + 120};
    }
}
