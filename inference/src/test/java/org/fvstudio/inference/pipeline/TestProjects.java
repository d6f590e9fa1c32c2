package org.fvstudio.inference.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.pose.render.PngImages;
import org.fvstudio.pose.render.RgbImage;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;

/** Real test material (see src/test/resources/pipeline/SOURCES.md) assembled into projects and packs. */
public final class TestProjects {

    private TestProjects() {
    }

    public static Path resource(String path) {
        try {
            return Path.of(TestProjects.class.getResource("/" + path).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + path, e);
        }
    }

    /** Two references (the astronaut photo with the two editor skeletons), target = Pose2Sim cam03 frames 0-3. */
    public static Project twoReferenceProject() throws Exception {
        OpenPoseReader reader = new OpenPoseReader();
        Pose editor = reader.readFrame(resource("pipeline/editor_pose.json"));
        Pose editorHands = reader.readFrame(resource("pipeline/editor_pose_hands.json"));
        List<Pose> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(resource("pipeline/cam03"))) {
            for (Path f : files.sorted().toList()) {
                frames.add(reader.readFrame(f));
            }
        }
        Pose first = frames.get(0);
        List<ReferenceShot> refs = List.of(
                new ReferenceShot("ref-1", "Editor pose", "astronaut.png", editor, ShotScale.MEDIUM, true, ""),
                new ReferenceShot("ref-2", "Editor pose with hands", "astronaut.png", editorHands, ShotScale.WIDE, true, ""));
        return new Project("Pipeline test", 24, frames.size(), first.canvasWidth() / 4, first.canvasHeight() / 4, refs,
                scaled(frames, 0.25), CameraTrack.empty(), GenerationSettings.DEFAULTS);
    }

    private static PoseTrack scaled(List<Pose> frames, double s) {
        List<Pose> out = new ArrayList<>();
        for (Pose p : frames) {
            out.add(new Pose((int) (p.canvasWidth() * s), (int) (p.canvasHeight() * s),
                    p.people().stream().map(q -> q.transformed(s, 0, 0, s, 0, 0)).toList()));
        }
        return PoseTrack.fromFrames(out, Interpolation.LINEAR);
    }

    public static RgbImage astronaut() throws IOException {
        try (InputStream in = TestProjects.class.getResourceAsStream("/pipeline/astronaut.png")) {
            return PngImages.read(in, "astronaut.png");
        }
    }

    /** A writable copy of a pack folder from the test resources. */
    public static Path copyPack(String name, Path into) throws IOException {
        Path src = resource("packs/" + name);
        Path dst = into.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }
}
