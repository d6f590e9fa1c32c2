package org.fvstudio.inference.movenet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fvstudio.inference.dwpose.WholeBodyMapping;
import org.fvstudio.inference.image.SquareCrop;
import org.fvstudio.inference.landmarks.FaceLandmarker;
import org.fvstudio.inference.landmarks.FootLandmarker;
import org.fvstudio.inference.landmarks.HandLandmarker;
import org.fvstudio.inference.skeleton.BodyBox;
import org.fvstudio.inference.skeleton.BoundingBox;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.ReferenceShot;

/**
 * The embedded estimator. MoveNet finds the 17 body points of each person, then looks again at a square around
 * that person (a person small in a portrait frame is only a few dozen pixels of the network's input in the first
 * look), and the points become a DWPose body (neck from both shoulders, OpenPose-18 order). With MoveNet
 * MultiPose, the first look finds everyone ({@link PeopleFinder}) and each person gets their own second look;
 * without it, the single-pose graph's first look finds the most prominent person alone. Hands and face come from
 * MediaPipe's landmark graphs, the feet from BlazePose, each looked at where the person's body puts them, when
 * those graphs are given. People come largest first.
 */
public final class MoveNetExtractor implements SkeletonDetector {

    /** The second look's square is this much larger than the extent of the points found in the first. */
    static final double PERSON_MARGIN = 1.4;
    /** Fewer points than this above the visibility threshold and the first look has found nobody to look at. */
    static final int MIN_POINTS_FOR_SECOND_LOOK = 5;
    /** The second look must find the person of the first (box IoU), not a neighbour inside the same square. */
    static final double SAME_PERSON_IOU = 0.3;
    /** Two people whose bodies overlap this much (IoU) are one person found twice; the better one stays. */
    static final double DUPLICATE_IOU = 0.5;

    /** The graphs besides the body's; any may be absent. */
    public record Parts(Optional<Path> people, Optional<Path> hands, Optional<Path> face, Optional<Path> feet) {

        public static Parts none() {
            return new Parts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    private final MoveNetModel model;
    private final String name;
    private final PeopleFinder people;
    private final MultiPoseModel multiPose;
    private final HandLandmarker hands;
    private final FaceLandmarker face;
    private final FootLandmarker feet;

    private MoveNetExtractor(MoveNetModel model, String name, MultiPoseModel multiPose, HandLandmarker hands,
            FaceLandmarker face, FootLandmarker feet) {
        this.model = model;
        this.name = name;
        this.multiPose = multiPose;
        this.people = multiPose == null ? null : new PeopleFinder(multiPose);
        this.hands = hands;
        this.face = face;
        this.feet = feet;
    }

    /** The body alone, one person. */
    public static MoveNetExtractor open(Path file, SessionSettings settings) throws ModelLoadException {
        return open(file, Parts.none(), settings);
    }

    /** The body, and the hands and the face from their own graphs where they are given; one person. */
    public static MoveNetExtractor open(Path body, Optional<Path> handModel, Optional<Path> faceModel,
            SessionSettings settings) throws ModelLoadException {
        return open(body, new Parts(Optional.empty(), handModel, faceModel, Optional.empty()), settings);
    }

    /** The body, and everyone, the hands, the face and the feet from their own graphs where they are given. */
    public static MoveNetExtractor open(Path body, Parts parts, SessionSettings settings) throws ModelLoadException {
        MoveNetModel model = MoveNetModel.open(body, settings);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            MultiPoseModel multiPose = parts.people().isPresent() ? keep(opened, MultiPoseModel.open(parts.people().get(), settings)) : null;
            HandLandmarker hands = parts.hands().isPresent() ? keep(opened, HandLandmarker.open(parts.hands().get(), settings)) : null;
            FaceLandmarker face = parts.face().isPresent() ? keep(opened, FaceLandmarker.open(parts.face().get(), settings)) : null;
            FootLandmarker feet = parts.feet().isPresent() ? keep(opened, FootLandmarker.open(parts.feet().get(), settings)) : null;
            String extras = (multiPose != null ? " + MultiPose" : "") + (hands != null ? ", hands" : "")
                    + (face != null ? ", face" : "") + (feet != null ? ", feet" : "");
            return new MoveNetExtractor(model, "embedded estimator (" + variant(body) + extras + ")", multiPose, hands, face, feet);
        } catch (ModelLoadException | RuntimeException e) {
            for (AutoCloseable graph : opened) {
                closeQuietly(graph);
            }
            model.close();
            throw e;
        }
    }

    private static <T extends AutoCloseable> T keep(List<AutoCloseable> opened, T graph) {
        opened.add(graph);
        return graph;
    }

    private static void closeQuietly(AutoCloseable graph) {
        try {
            graph.close();
        } catch (Exception ignored) {
            // Closing a graph that failed half-way through opening the others: the first failure is the one to report.
        }
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
        List<PersonPose> bodies = new ArrayList<>();
        if (people == null) {
            bodies.add(onePerson(image));
        } else {
            for (PeopleFinder.Seed seed : people.find(image, largestPersonOnly)) {
                bodies.add(lookCloser(image, seed));
            }
        }
        List<PersonPose> found = distinctPeople(bodies, image);
        if (largestPersonOnly && found.size() > 1) {
            found = found.subList(0, 1);
        }
        List<PersonPose> whole = new ArrayList<>(found.size());
        for (PersonPose person : found) {
            whole.add(addParts(image, person));
        }
        return new Pose(image.width(), image.height(), whole);
    }

    /** The single-pose path: the whole picture, then a square around the person found there. */
    private PersonPose onePerson(RgbImage image) throws InferenceException {
        SquareCrop whole = SquareCrop.around(image.width(), image.height());
        double[] points = toPicture(model.run(image, whole), whole);
        Optional<SquareCrop> closer = aroundPerson(points, image);
        if (closer.isPresent()) {
            points = toPicture(model.run(image, closer.get()), closer.get());
        }
        return toDwpose(points);
    }

    /** The single-pose graph on a square around a person MultiPose found; its points if it finds that person. */
    private PersonPose lookCloser(RgbImage image, PeopleFinder.Seed seed) throws InferenceException {
        // Around the points, as the single-pose path does (MultiPose's box has a margin of its own), over every look.
        SquareCrop crop = squareAround(seed.pointsBox(), image);
        PersonPose closer = toDwpose(toPicture(model.run(image, crop), crop));
        PersonPose first = toDwpose(seed.xys());
        Optional<BoundingBox> closerBox = BodyBox.of(closer, MIN_POINTS_FOR_SECOND_LOOK);
        Optional<BoundingBox> firstBox = BodyBox.of(first, 1).map(b -> b.union(seed.box())).or(() -> Optional.of(seed.box()));
        return closerBox.isPresent() && closerBox.get().iou(firstBox.get()) >= SAME_PERSON_IOU ? closer : first;
    }

    /** The people with a skeleton, each once, largest first. */
    private static List<PersonPose> distinctPeople(List<PersonPose> bodies, RgbImage image) {
        List<PersonPose> kept = new ArrayList<>();
        List<BoundingBox> boxes = new ArrayList<>();
        for (PersonPose body : bodies) {
            if (ReferenceShot.visibleBodyJoints(new Pose(image.width(), image.height(), List.of(body)))
                    < ReferenceShot.MIN_SKELETON_JOINTS) {
                continue;
            }
            BoundingBox box = BodyBox.of(body).orElseThrow();
            if (boxes.stream().noneMatch(b -> b.iou(box) >= DUPLICATE_IOU)) {
                kept.add(body);
                boxes.add(box);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(boxes.get(b).area(), boxes.get(a).area()));
        return order.stream().map(kept::get).toList();
    }

    private PersonPose addParts(RgbImage image, PersonPose body) throws InferenceException {
        PersonPose person = body;
        if (hands != null) {
            person = hands.addHands(image, person);
        }
        if (face != null) {
            person = face.addFace(image, person);
        }
        if (feet != null) {
            person = feet.addFeet(image, person);
        }
        return person;
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
        Optional<BoundingBox> points = BodyBox.of(toDwpose(xys), MIN_POINTS_FOR_SECOND_LOOK);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        SquareCrop crop = squareAround(points.get(), image);
        return crop.size() >= Math.max(image.width(), image.height()) ? Optional.empty() : Optional.of(crop);
    }

    /** A square {@link #PERSON_MARGIN} times {@code box}'s extent (at least a tenth of the picture), centred on it. */
    private static SquareCrop squareAround(BoundingBox box, RgbImage image) {
        double longest = Math.max(image.width(), image.height());
        double size = Math.max(box.extent() * PERSON_MARGIN, longest * 0.1);
        return size >= longest ? SquareCrop.around(image.width(), image.height())
                : SquareCrop.centredOn(box.centerX(), box.centerY(), size);
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
            for (AutoCloseable graph : new AutoCloseable[] {multiPose, hands, face, feet}) {
                if (graph != null) {
                    closeQuietly(graph);
                }
            }
        } finally {
            model.close();
        }
    }
}
