package org.fvstudio.inference.dwpose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.inference.runtime.ExecutionDevice;
import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.runtime.ModelLoadException;
import org.fvstudio.inference.runtime.SessionSettings;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;

/**
 * DWPose whole-body estimation of every person in a picture: YOLOX finds the people, the SimCC estimator
 * places 133 points per person, and they become 134-point DWPose skeletons on a canvas of the picture's size.
 * People come largest box first. Not thread-safe; open one per worker thread.
 */
public final class DwposeExtractor implements SkeletonDetector {

    private final PersonDetector detector;
    private final PoseEstimator estimator;

    private DwposeExtractor(PersonDetector detector, PoseEstimator estimator) {
        this.detector = detector;
        this.estimator = estimator;
    }

    /** Opens both graphs and checks their signatures; {@link ModelsMissingException} comes from {@link DwposeModels#locate}. */
    public static DwposeExtractor open(DwposeModels models, SessionSettings settings) throws ModelLoadException {
        PersonDetector detector = PersonDetector.open(models.detector(), settings);
        try {
            return new DwposeExtractor(detector, PoseEstimator.open(models.estimator(), settings));
        } catch (ModelLoadException | RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** The device the estimator (the heavier graph) runs on. */
    public ExecutionDevice device() {
        return estimator.device();
    }

    @Override
    public String name() {
        return "DWPose";
    }

    /** A line for logs and the UI, e.g. "detector CPU, estimator CPU (CPU requested)". */
    @Override
    public String deviceDescription() {
        return "detector " + detector.device() + ", estimator " + estimator.device() + " ("
                + estimator.session().deviceNote() + ")";
    }

    /** Everyone in the picture, largest first. */
    public Pose detect(RgbImage image) throws InferenceException {
        return detect(image, false);
    }

    /** Everyone in the picture, largest first, or only the largest person. */
    @Override
    public Pose detect(RgbImage image, boolean largestPersonOnly) throws InferenceException {
        List<Detection> people = new ArrayList<>(detector.detectPeople(image));
        people.sort(Comparator.comparingDouble((Detection d) -> d.box().area()).reversed());
        if (largestPersonOnly && people.size() > 1) {
            people = people.subList(0, 1);
        }
        List<PersonPose> poses = new ArrayList<>(people.size());
        for (Detection person : people) {
            poses.add(WholeBodyMapping.toDwpose(estimator.estimate(image, person.box())));
        }
        return new Pose(image.width(), image.height(), poses);
    }

    @Override
    public void close() {
        try {
            estimator.close();
        } finally {
            detector.close();
        }
    }
}
