package org.fvstudio.inference.landmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.render.RgbImage;

/**
 * Both hands of a body from MediaPipe's hand-landmark graph: each hand is looked at in a square placed by the
 * body's own elbow and wrist (centred half a forearm past the wrist, 1.3 forearms wide, turned so the forearm
 * points up, as the graph expects an upright hand), and its 21 points (DWPose's hand order) come back when the
 * graph is sure a hand is there. A hand whose wrist or elbow the body lacks, or that the graph does not find,
 * stays absent.
 */
public final class HandLandmarker implements AutoCloseable {

    /** Below this presence score the crop holds no hand (MediaPipe's own default). */
    public static final double MIN_PRESENCE = 0.5;
    static final double CENTRE_PAST_WRIST = 0.5;
    static final double SIDE_PER_FOREARM = 1.3;

    private final LandmarkModel model;

    private HandLandmarker(LandmarkModel model) {
        this.model = model;
    }

    public static HandLandmarker open(Path file, SessionSettings settings) throws ModelLoadException {
        return new HandLandmarker(LandmarkModel.open(file, LandmarkModel.HAND, settings));
    }

    /** {@code body} with the hands found filled in (its other parts unchanged). */
    public PersonPose addHands(RgbImage image, PersonPose body) throws InferenceException {
        PersonPose out = body;
        for (BodyPart hand : new BodyPart[] {BodyPart.LEFT_HAND, BodyPart.RIGHT_HAND}) {
            boolean left = hand == BodyPart.LEFT_HAND;
            int elbow = left ? 6 : 3;
            int wrist = left ? 7 : 4;
            if (!(body.confidence(elbow) > Keypoint.VISIBLE_THRESHOLD && body.confidence(wrist) > Keypoint.VISIBLE_THRESHOLD)) {
                continue;
            }
            RotatedCrop crop = cropFor(body.x(elbow), body.y(elbow), body.x(wrist), body.y(wrist));
            if (crop == null) {
                continue;
            }
            LandmarkModel.Result result = model.run(image, crop);
            if (result.presence() < MIN_PRESENCE) {
                continue;
            }
            List<Keypoint> points = new ArrayList<>(hand.size());
            double confidence = Math.min(1.0, result.presence());
            for (int i = 0; i < hand.size(); i++) {
                double[] xy = crop.toPicture(result.points()[3 * i], result.points()[3 * i + 1], model.size());
                points.add(new Keypoint(xy[0], xy[1], confidence));
            }
            out = out.withPart(hand, points);
        }
        return out;
    }

    /** The square a hand is looked at in, from the elbow and the wrist; null for a forearm of no length. */
    static RotatedCrop cropFor(double elbowX, double elbowY, double wristX, double wristY) {
        double dx = wristX - elbowX;
        double dy = wristY - elbowY;
        double forearm = Math.hypot(dx, dy);
        if (forearm < 4) {
            return null;
        }
        return new RotatedCrop(wristX + CENTRE_PAST_WRIST * dx, wristY + CENTRE_PAST_WRIST * dy,
                SIDE_PER_FOREARM * forearm, Math.atan2(dy, dx) + Math.PI / 2);
    }

    @Override
    public void close() {
        model.close();
    }
}
