package org.fvstudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fvstudio.bench.RealData;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.project.io.ProjectBundle;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PoseTrack;

/**
 * A project bundle built from the real test material (astronaut photo, editor skeletons, Pose2Sim cam03 poses
 * scaled to a 270x480 canvas), for the command tests; the pack is the inference module's contract test pack.
 */
final class CliProjects {

    private CliProjects() {
    }

    /** The repository's copy of the real material (project-files/src/test/resources, licences beside it). */
    static Path testData() {
        return Path.of(System.getProperty(RealData.PROPERTY));
    }

    static Path contractPack() {
        return Path.of(System.getProperty("user.dir")).resolve("../inference/src/test/resources/packs/contract-mini").normalize();
    }

    static Path create(Path dir, int frames) throws Exception {
        Path data = testData();
        OpenPoseReader reader = new OpenPoseReader();
        Pose a = reader.readFrame(data.resolve("poses/openpose-editor/pose.json"));
        Pose b = reader.readFrame(data.resolve("poses/openpose-editor/pose_hand_fixed.json"));
        List<Pose> target = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            Pose p = reader.readFrame(data.resolve(String.format("poses/pose2sim/cam03/cam03.%04d.json", i)));
            target.add(new Pose(270, 480, p.people().stream().map(q -> q.transformed(0.25, 0, 0, 0.25, 0, 0)).toList()));
        }
        Project project = new Project("CLI test", 24, frames, 270, 480, List.of(
                new ReferenceShot("ref-1", "Editor", "astronaut.png", a, ShotScale.MEDIUM, true, ""),
                new ReferenceShot("ref-2", "Editor hands", "astronaut.png", b, ShotScale.WIDE, true, "")),
                PoseTrack.fromFrames(target, Interpolation.LINEAR), CameraTrack.empty(),
                new GenerationSettings(contractPack().toString(), "cpu", 3, 1.0, 42, 0, List.of()));
        ProjectBundle bundle = ProjectBundle.create(dir, project.withReferences(List.of()));
        Files.copy(data.resolve("images/astronaut.png"), bundle.referenceImage("astronaut.png"));
        bundle.save(project);
        return bundle.dir();
    }
}
