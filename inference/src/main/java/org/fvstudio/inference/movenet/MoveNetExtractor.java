package org.fvstudio.inference.movenet;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fvstudio.inference.dwpose.WholeBodyMapping;
import org.fvstudio.inference.landmarks.FaceLandmarker;
import org.fvstudio.inference.landmarks.HandLandmarker;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.ReferenceShot;

/**
 * The embedded estimator: MoveNet finds the 17 body points of the most prominent person, then looks again at
 * a square around that person (a person small in a portrait frame is only a few dozen pixels of the network's
 * input in the first look), and the points become a DWPose body (neck from both shoulders, OpenPose-18 order).
 * Hands and face come from MediaPipe's landmark graphs, looked at where the body puts them, when those graphs
 * are given; feet stay absent. One person per picture.
 */
public final class MoveNetExtractor implements SkeletonDetector {

    /** The second look's square is this much larger than the extent of the points found in the first. */
    static final double PERSON_MARGIN = 1.4;
    /** Fewer points than this above the visibility threshold and the first look has found nobody to look at. */
    static final int MIN_POINTS_FOR_SECOND_LOOK = 5;

    private final MoveNetModel model;
    private final String name;
    private final HandLandmarker hands;
    private final FaceLandmarker face;

    private MoveNetExtractor(MoveNetModel model, String name, HandLandmarker hands, FaceLandmarker face) {
        this.model = model;
        this.name = name;
        this.hands = hands;
        this.face = face;
    }

    /** The body alone. */
    public static MoveNetExtractor open(Path file, SessionSettings settings) throws ModelLoadException {
        return open(file, Optional.empty(), Optional.empty(), settings);
    }

    /** The body, and the hands and the face from their own graphs where they are given. */
    public static MoveNetExtractor open(Path body, Optional<Path> handModel, Optional<Path> faceModel,
            SessionSettings settings) throws ModelLoadException {
        MoveNetModel model = MoveNetModel.open(body, settings);
        HandLandmarker hands = null;
        FaceLandmarker face = null;
        try {
            hands = handModel.isPresent() ? HandLandmarker.open(handModel.get(), settings) : null;
            face = faceModel.isPresent() ? FaceLandmarker.open(faceModel.get(), settings) : null;
        } catch (ModelLoadException | RuntimeException e) {
            if (hands != null) {
                hands.close();
            }
            model.close();
            throw e;
        }
        String parts = (hands != null ? ", hands" : "") + (face != null ? ", face" : "");
        return new MoveNetExtractor(model, "embedded estimator (" + variant(body) + parts + ")", hands, face);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String deviceDescription() {
        return "estimator " + model.device() + " (" + model.session().deviceNote() + ")";
    }

    @Override
    public Pose detect(RgbImage image, boolean largestPersonOnly) throws InferenceException {
        SquareCrop whole = SquareCrop.around(image.width(), image.height());
        double[] points = toPicture(model.run(image, whole), whole);
        Optional<SquareCrop> closer = aroundPerson(points, image);
        if (closer.isPresent()) {
            points = toPicture(model.run(image, closer.get()), closer.get());
        }
        PersonPose person = toDwpose(points);
        if (ReferenceShot.visibleBodyJoints(new Pose(image.width(), image.height(), List.of(person)))
                < ReferenceShot.MIN_SKELETON_JOINTS) {
            return new Pose(image.width(), image.height(), List.of());
        }
        if (hands != null) {
            person = hands.addHands(image, person);
        }
        if (face != null) {
            person = face.addFace(image, person);
        }
        return new Pose(image.width(), image.height(), List.of(person));
    }

    /** [17][y, x, score] normalised to {@code crop} -> [17][x, y, score] in picture pixels. */
    static double[] toPicture(float[] yxs, SquareCrop crop) {
        double[] xys = new double[MoveNetModel.POINTS * 3];
        for (int i = 0; i < MoveNetModel.POINTS; i++) {
            xys[3 * i] = crop.pictureX(yxs[3 * i + 1]);
            xys[3 * i + 1] = crop.pictureY(yxs[3 * i]);
            xys[3 * i + 2] = yxs[3 * i + 2];
        }
        return xys;
    }

    /** The square for the second look: around the confident points, with a margin, centred on them. */
    static Optional<SquareCrop> aroundPerson(double[] xys, RgbImage image) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        int found = 0;
        for (int i = 0; i < MoveNetModel.POINTS; i++) {
            if (xys[3 * i + 2] > WholeBodyMapping.THRESHOLD) {
                found++;
                minX = Math.min(minX, xys[3 * i]);
                maxX = Math.max(maxX, xys[3 * i]);
                minY = Math.min(minY, xys[3 * i + 1]);
                maxY = Math.max(maxY, xys[3 * i + 1]);
            }
        }
        if (found < MIN_POINTS_FOR_SECOND_LOOK) {
            return Optional.empty();
        }
        double longest = Math.max(image.width(), image.height());
        double size = Math.max(Math.max(maxX - minX, maxY - minY) * PERSON_MARGIN, longest * 0.1);
        if (size >= longest) {
            return Optional.empty();
        }
        return Optional.of(SquareCrop.centredOn((minX + maxX) / 2, (minY + maxY) / 2, size));
    }

    /** COCO-17 in picture pixels -> a DWPose person (the whole-body slots beyond the body stay absent). */
    static PersonPose toDwpose(double[] xys) {
        double[] wholeBody = new double[3 * WholeBodyMapping.COCO_WHOLEBODY_POINTS];
        System.arraycopy(xys, 0, wholeBody, 0, xys.length);
        return WholeBodyMapping.toDwpose(wholeBody);
    }

    private static String variant(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        String[] words = stem.split("[-_]");
        StringBuilder label = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty()) {
                label.append(label.length() > 0 ? " " : "").append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return label.toString().replace("Movenet", "MoveNet");
    }

    @Override
    public void close() {
        try {
            if (hands != null) {
                hands.close();
            }
            if (face != null) {
                face.close();
            }
        } finally {
            model.close();
        }
    }
}
