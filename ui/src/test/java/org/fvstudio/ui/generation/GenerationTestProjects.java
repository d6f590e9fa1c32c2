package org.fvstudio.ui.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;

/**
 * A small project bundle built from real test data for the cheap generation tests (queue, model); the
 * end-to-end test uses the bundled sample project instead:
 * two references (the astronaut photo with the openpose-editor skeleton; the Pose2Sim cam03 frame 30 photo
 * with its own Pose2Sim skeleton), a 16-frame target keyed every 4 frames from cam03 (linear), and the
 * contract-mini test pack.
 */
public final class GenerationTestProjects {

    public static final int KEY_SPACING = 4;

    private GenerationTestProjects() {
    }

    public static Path resource(String relative) {
        try {
            return Path.of(GenerationTestProjects.class.getResource("/org/fvstudio/ui/data/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + relative, e);
        }
    }

    /** Writes the bundle {@code NAME.fvs} into {@code dir}, generating with {@code steps} steps. */
    public static Path writeBundle(Path dir, String name, int steps) throws Exception {
        OpenPoseReader reader = new OpenPoseReader();
        Pose astronautPose = reader.readFrame(resource("generation/editor_pose.json"));
        Pose cam30 = reader.readFrame(resource("poses/cam03/cam03.0030.json"));
        List<Pose> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(resource("poses/cam03"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().limit(13).toList()) {
                frames.add(reader.readFrame(f));
            }
        }
        double s = 0.25;
        int width = (int) (frames.get(0).canvasWidth() * s);
        int height = (int) (frames.get(0).canvasHeight() * s);
        List<PoseKeyframe> keys = new ArrayList<>();
        for (int f = 0; f < frames.size(); f += KEY_SPACING) {
            keys.add(new PoseKeyframe(f, frames.get(f).people().get(0).transformed(s, 0, 0, s, 0, 0), Interpolation.LINEAR));
        }
        PoseTrack target = new PoseTrack(List.of(new PersonTrack("Person 1", keys)));
        Path pack = copyPack(dir);
        List<ReferenceShot> references = List.of(
                new ReferenceShot("ref-1", "Astronaut", "astronaut.png", astronautPose, ShotScale.MEDIUM, true, ""),
                new ReferenceShot("ref-2", "Walker", "pose2sim_cam03_frame30.jpg", cam30, ShotScale.WIDE, true, ""));
        GenerationSettings settings = new GenerationSettings(pack.toString(), "cpu", steps, 1.0, 42, 0, List.of());
        Project project = new Project(name, 24, 16, width, height, references, target, CameraTrack.empty(), settings);
        Path bundle = dir.resolve(name + ".fvs");
        ProjectBundle created = ProjectBundle.create(bundle, project.withReferences(List.of()));
        Path refs = bundle.resolve("references");
        Files.createDirectories(refs);
        Files.copy(resource("images/astronaut.png"), refs.resolve("astronaut.png"));
        Files.copy(resource("images/pose2sim_cam03_frame30.jpg"), refs.resolve("pose2sim_cam03_frame30.jpg"));
        created.save(project);
        return bundle;
    }

    private static Path copyPack(Path dir) {
        Path source = resource("generation/packs/contract-mini");
        Path target = dir.resolve("packs").resolve("contract-mini");
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, target.resolve(f.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.toAbsolutePath();
    }
}
