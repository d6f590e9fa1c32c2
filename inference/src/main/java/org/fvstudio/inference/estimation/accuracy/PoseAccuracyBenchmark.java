package org.fvstudio.inference.estimation.accuracy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fvstudio.inference.runtime.InferenceException;
import org.fvstudio.inference.skeleton.SkeletonDetector;
import org.fvstudio.media.MediaException;
import org.fvstudio.media.VideoFrame;
import org.fvstudio.media.VideoFrameReader;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.pose.openpose.PoseFormatException;

/**
 * How well a skeleton detector finds a real person: each frame of a video against the real OpenPose output of
 * the same frame, as limb PCK of the subject at 0.1 and 0.2 of the torso height (and for the big toes and heels,
 * of those the detector gives: a foot it leaves absent is not counted wrong there), how many of the other people of the ground truth it finds and how many people it finds that are
 * nobody, per camera and over all of them, with the detector's frames per second (decoding not counted).
 */
public final class PoseAccuracyBenchmark {

    public static final double[] FRACTIONS = {0.1, 0.2};

    /** One camera: its video and the folder of its per-frame OpenPose files ({@code NAME.0000.json} ...). */
    public record Camera(String name, Path video, Path poses) {
    }

    public record CameraResult(String name, LimbPck pck, LimbPck feet, PeopleCount people, int frames, double detectSeconds) {

        public double framesPerSecond() {
            return detectSeconds > 0 ? frames / detectSeconds : Double.NaN;
        }
    }

    private PoseAccuracyBenchmark() {
    }

    public static List<CameraResult> run(SkeletonDetector detector, List<Camera> cameras, int stride, PrintStream out)
            throws MediaException, InferenceException, PoseFormatException {
        out.printf(Locale.ROOT, "%s on %s, every %d. frame%n", detector.name(), detector.deviceDescription(), stride);
        out.printf(Locale.ROOT, "%-8s %7s %7s %8s %7s %11s %8s %8s %10s %6s %7s%n", "camera", "frames", "joints", "PCK@0.1",
                "PCK@0.2", "feet given", "feet@0.1", "feet@0.2", "bystanders", "extra", "fps");
        List<CameraResult> results = new ArrayList<>();
        LimbPck overall = new LimbPck(FRACTIONS);
        LimbPck overallFeet = LimbPck.feet(FRACTIONS);
        PeopleCount overallPeople = new PeopleCount();
        int allFrames = 0;
        double allSeconds = 0;
        for (Camera camera : cameras) {
            CameraResult result = measure(detector, camera, stride);
            results.add(result);
            overall.addAll(result.pck());
            overallFeet.addAll(result.feet());
            overallPeople.addAll(result.people());
            allFrames += result.frames();
            allSeconds += result.detectSeconds();
            print(out, result);
        }
        print(out, new CameraResult("overall", overall, overallFeet, overallPeople, allFrames, allSeconds));
        return results;
    }

    static CameraResult measure(SkeletonDetector detector, Camera camera, int stride)
            throws MediaException, InferenceException, PoseFormatException {
        LimbPck pck = new LimbPck(FRACTIONS);
        LimbPck feet = LimbPck.feet(FRACTIONS);
        PeopleCount people = new PeopleCount();
        int frames = 0;
        long nanos = 0;
        try (VideoFrameReader reader = VideoFrameReader.open(camera.video(), stride)) {
            OpenPoseReader truthReader = new OpenPoseReader().withDefaultCanvas(reader.width(), reader.height());
            for (VideoFrame frame = reader.nextFrame(); frame != null; frame = reader.nextFrame()) {
                Path truthFile = camera.poses().resolve(String.format(Locale.ROOT, "%s.%04d.json", camera.name(),
                        frame.index()));
                if (!Files.isRegularFile(truthFile)) {
                    continue;
                }
                List<PersonPose> truth = truthReader.readFrame(truthFile).people();
                Optional<PersonPose> subject = SubjectMatch.subject(truth);
                long start = System.nanoTime();
                Pose found = detector.detect(frame.image(), false);
                nanos += System.nanoTime() - start;
                frames++;
                if (subject.isPresent()) {
                    PersonPose match = SubjectMatch.match(subject.get(), found.people()).orElse(null);
                    pck.add(subject.get(), match);
                    feet.add(subject.get(), match);
                    people.add(truth, subject.get(), found.people());
                }
            }
        }
        return new CameraResult(camera.name(), pck, feet, people, frames, nanos / 1e9);
    }

    private static void print(PrintStream out, CameraResult r) {
        out.printf(Locale.ROOT, "%-8s %7d %7d %8.3f %7.3f %11s %8.3f %8.3f %10s %6d %7.2f%n", r.name(), r.frames(),
                r.pck().countedJoints(), r.pck().pck(0), r.pck().pck(1),
                r.feet().givenJoints() + "/" + r.feet().countedJoints(), r.feet().pckOfGiven(0), r.feet().pckOfGiven(1),
                r.people().bystandersFound() + "/" + r.people().bystanders(), r.people().extra(), r.framesPerSecond());
    }
}
