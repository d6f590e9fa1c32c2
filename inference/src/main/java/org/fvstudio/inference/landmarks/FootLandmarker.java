package org.fvstudio.inference.landmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fvstudio.inference.image.SquareCrop;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.inference.skeleton.BodyBox;
import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.pose.BodyJoint;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.openpose.BlazePoseLandmarks;
import org.fvstudio.pose.render.RgbImage;

/**
 * DWPose's six foot points from MediaPipe BlazePose (lite), which has a heel and a foot tip per foot: the person is
 * looked at in an upright square around its body points, and BlazePose's heels become DWPose's heels, its foot
 * index points (the tip of the foot, between the big and the second toe) stand in for the big toes, and the small
 * toes, which BlazePose lacks, stay absent. A foot is kept only where it serves: BlazePose is sure of the person,
 * the point is visible, and BlazePose's ankle lies on the body's own ankle (so the foot is this person's, not a
 * neighbour's, and the body's ankle is there to check it against).
 */
public final class FootLandmarker implements AutoCloseable {

    /** Below this pose flag BlazePose has found no person in the square. */
    public static final double MIN_PRESENCE = 0.5;
    /** The square is this much larger than the extent of the body's points. */
    static final double PERSON_MARGIN = 1.3;
    /** BlazePose's ankle must lie within this fraction of the person's height of the body's ankle. */
    static final double ANKLE_TOLERANCE = 0.1;

    private static final int LEFT_ANKLE = 27;
    private static final int RIGHT_ANKLE = 28;

    private final LandmarkModel model;

    private FootLandmarker(LandmarkModel model) {
        this.model = model;
    }

    public static FootLandmarker open(Path file, SessionSettings settings) throws ModelLoadException {
        return new FootLandmarker(LandmarkModel.open(file, LandmarkModel.POSE, settings));
    }

    /** {@code body} with the feet filled in where they serve (its other parts unchanged). */
    public PersonPose addFeet(RgbImage image, PersonPose body) throws InferenceException {
        Optional<BoundingBox> box = BodyBox.of(body, 2);
        if (box.isEmpty()) {
            return body;
        }
        double height = box.get().extent();
        SquareCrop crop = SquareCrop.centredOn(box.get().centerX(), box.get().centerY(), Math.max(8, height * PERSON_MARGIN));
        LandmarkModel.Result result = model.run(image, crop);
        if (result.presence() < MIN_PRESENCE) {
            return body;
        }
        double scale = crop.size() / (double) model.size();
        double[] feet = new double[3 * BodyPart.FEET.size()];
        boolean any = false;
        for (int i = 0; i < BodyPart.FEET.size(); i++) {
            int landmark = BlazePoseLandmarks.footLandmark(i);
            boolean left = i < 3;
            int ankle = left ? LEFT_ANKLE : RIGHT_ANKLE;
            BodyJoint bodyAnkle = left ? BodyJoint.LEFT_ANKLE : BodyJoint.RIGHT_ANKLE;
            if (landmark < 0 || !sameAnkle(result, ankle, body, bodyAnkle.index(), crop, scale, height)) {
                continue;
            }
            double score = score(result, landmark);
            if (score > Keypoint.VISIBLE_THRESHOLD) {
                feet[3 * i] = crop.left() + result.points()[5 * landmark] * scale;
                feet[3 * i + 1] = crop.top() + result.points()[5 * landmark + 1] * scale;
                feet[3 * i + 2] = score;
                any = true;
            }
        }
        if (!any) {
            return body;
        }
        List<Keypoint> points = new ArrayList<>(BodyPart.FEET.size());
        for (int i = 0; i < BodyPart.FEET.size(); i++) {
            points.add(feet[3 * i + 2] > 0 ? new Keypoint(feet[3 * i], feet[3 * i + 1], feet[3 * i + 2]) : Keypoint.MISSING);
        }
        return body.withPart(BodyPart.FEET, points);
    }

    /** BlazePose's visibility (a logit) as a probability, times its sureness of the person. */
    private static double score(LandmarkModel.Result result, int landmark) {
        double visibility = 1 / (1 + Math.exp(-result.points()[5 * landmark + 3]));
        return Math.min(1.0, visibility * result.presence());
    }

    private static boolean sameAnkle(LandmarkModel.Result result, int landmark, PersonPose body, int joint,
            SquareCrop crop, double scale, double height) {
        if (!(body.confidence(joint) > Keypoint.VISIBLE_THRESHOLD)) {
            return false;
        }
        double x = crop.left() + result.points()[5 * landmark] * scale;
        double y = crop.top() + result.points()[5 * landmark + 1] * scale;
        return Math.hypot(x - body.x(joint), y - body.y(joint)) <= ANKLE_TOLERANCE * height;
    }

    @Override
    public void close() {
        model.close();
    }
}
