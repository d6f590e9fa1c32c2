package org.fvstudio.project.io;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fvstudio.pose.Pose;
import org.fvstudio.pose.openpose.OpenPoseReader;
import org.fvstudio.pose.openpose.PoseFormatException;
import org.fvstudio.project.GenerationSettings;
import org.fvstudio.project.Project;
import org.fvstudio.project.ReferenceShot;
import org.fvstudio.project.ShotScale;
import org.fvstudio.timeline.CameraKeyframe;
import org.fvstudio.timeline.CameraTrack;
import org.fvstudio.timeline.Interpolation;
import org.fvstudio.timeline.PersonTrack;
import org.fvstudio.timeline.PoseKeyframe;
import org.fvstudio.timeline.PoseTrack;

/** Real test material and a project that uses every part of the schema. */
final class TestProjects {

    private TestProjects() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestProjects.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    static Path astronaut() {
        return resource("images/astronaut.png");
    }

    /**
     * References with the editor's hand pose and the signer's whole-body pose, a target track with
     * the 9 signer frames (body, face, hands) in mixed interpolations, camera keys with a cut, and
     * non-default generation settings.
     */
    static Project fullProject(String imageA, String imageB) throws PoseFormatException {
        OpenPoseReader reader = new OpenPoseReader();
        Pose handPose = reader.readFrame(resource("poses/openpose-editor/pose_hand_fixed.json"));
        List<Pose> signer = reader.withDefaultCanvas(1280, 720).readSequence(resource("poses/signer"));
        ReferenceShot close = new ReferenceShot("ref-1", "Close-up", imageA, signer.get(0), ShotScale.CLOSE_UP, true, "front");
        ReferenceShot wide = new ReferenceShot("ref-2", "Wide", imageB, handPose, ShotScale.WIDE, false, "");
        Interpolation[] modes = Interpolation.values();
        List<PoseKeyframe> keys = new ArrayList<>();
        for (int i = 0; i < signer.size(); i++) {
            keys.add(new PoseKeyframe(i * 5, signer.get(i).people().get(0), modes[i % modes.length]));
        }
        PoseTrack target = new PoseTrack(List.of(new PersonTrack("Signer", keys),
                new PersonTrack("Dancer", List.of(new PoseKeyframe(3, handPose.people().get(0), Interpolation.SMOOTH)))));
        CameraTrack camera = new CameraTrack(List.of(
                new CameraKeyframe(0, 1.0, 640, 360, 0, 0, 0, false, Interpolation.EASE_IN_OUT),
                new CameraKeyframe(24, 2.5, 600.25, 200.5, -12.75, 3.5, -7.5, false, Interpolation.LINEAR),
                new CameraKeyframe(30, 1.25, 640, 360, 0, 0, 0, true, Interpolation.CONSTANT)));
        GenerationSettings generation = new GenerationSettings("fvs-tiny", "cpu", 12, 2.5, 1234567890123L, 512, List.of("ref-2"));
        return new Project("Signer study", 30, 48, 1280, 720, List.of(close, wide), target, camera, generation);
    }
}
