package org.fvstudio.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.fvstudio.inference.image.ImageTensors;
import org.fvstudio.inference.pack.PackManifest;
import org.fvstudio.pose.BodyPart;
import org.fvstudio.pose.Keypoint;
import org.fvstudio.pose.PersonPose;
import org.fvstudio.pose.Pose;
import org.fvstudio.pose.render.DwposeRenderer;
import org.fvstudio.project.Project;
import org.junit.jupiter.api.Test;

/** The model's pose maps are the studio renderer's pictures, whatever was drawn before. */
class PoseMapRendererTest {

    private static final PackManifest.PoseMapSpec SPEC =
            new PackManifest.PoseMapSpec(256, 256, List.of("body"), "stretch", 4, 4);

    @Test
    void tensorIsTheRenderedPictureOverTwoFiftyFiveWhicheverPoseCameBefore() throws Exception {
        Project project = TestProjects.twoReferenceProject();
        PoseMapRenderer maps = new PoseMapRenderer(SPEC);
        Pose a = project.targetPoseAt(0);
        Pose b = project.references().get(1).pose(); // with hands, which SPEC leaves out
        float[] first = maps.render(a);
        float[] second = maps.render(b);
        assertThat(first).isEqualTo(ImageTensors.toChw(new PoseMapRenderer(SPEC).renderImage(a), 1 / 255.0, 0));
        assertThat(second).isEqualTo(ImageTensors.toChw(new PoseMapRenderer(SPEC).renderImage(b), 1 / 255.0, 0));
        assertThat(maps.render(a)).isEqualTo(first);
    }

    @Test
    void pictureIsWhatTheEditorsRendererDrawsAtMapSize() throws Exception {
        Pose pose = TestProjects.twoReferenceProject().targetPoseAt(1);
        double sx = 256.0 / pose.canvasWidth();
        double sy = 256.0 / pose.canvasHeight();
        Pose atMapSize = new Pose(256, 256, pose.people().stream()
                .map(p -> bodyOnly(p.transformed(sx, 0, 0, sy, 0, 0))).toList());
        assertThat(new PoseMapRenderer(SPEC).renderImage(pose).packedPixels())
                .isEqualTo(new DwposeRenderer().render(atMapSize).packedPixels());
    }

    /** SPEC lists the body only. */
    private static PersonPose bodyOnly(PersonPose person) {
        PersonPose out = person;
        for (BodyPart part : BodyPart.values()) {
            if (part != BodyPart.BODY) {
                out = out.withPart(part, Collections.nCopies(part.size(), Keypoint.MISSING));
            }
        }
        return out;
    }
}
